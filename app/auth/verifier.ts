/**
 * Offline sign-in verifier: PBKDF2-SHA-256 of the password with a random 16-byte salt, so a
 * user who signed in online once can sign in again on this device while offline. The
 * password itself is never stored. Pure WebCrypto: runs in browsers and in Node 20 tests.
 * Its shape and storage: verifier-store.ts.
 */
import type { Verifier } from './verifier-store.ts';

export const PBKDF2_ITERATIONS = 210_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pbkdf2(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/** Compares every byte whatever the first difference, so timing says nothing about where it is. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export async function deriveVerifier(
  name: string,
  roles: readonly string[],
  password: string,
  options: { iterations?: number; now?: Date } = {},
): Promise<Verifier> {
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await pbkdf2(password, salt, iterations);
  return {
    version: 1,
    name,
    roles: [...roles],
    salt: toBase64(salt),
    iterations,
    hash: toBase64(hash),
    savedAt: (options.now ?? new Date()).toISOString(),
  };
}

export async function checkPassword(verifier: Verifier, password: string): Promise<boolean> {
  const derived = await pbkdf2(password, fromBase64(verifier.salt), verifier.iterations);
  return constantTimeEqual(derived, fromBase64(verifier.hash));
}
