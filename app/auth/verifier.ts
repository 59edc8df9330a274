/**
 * Offline sign-in verifier: PBKDF2-SHA-256 of the password with a random 16-byte salt, so a
 * user who signed in online once can sign in again on this device while offline. The
 * password itself is never stored. Pure WebCrypto: runs in browsers and in Node 20 tests.
 */
export const PBKDF2_ITERATIONS = 210_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

export interface Verifier {
  readonly version: 1;
  readonly name: string;
  readonly roles: readonly string[];
  readonly salt: string; // base64
  readonly iterations: number;
  readonly hash: string; // base64
  readonly savedAt: string; // ISO time of the online sign-in that produced it
}

export function cryptoAvailable(): boolean {
  return typeof globalThis.crypto?.subtle?.deriveBits === 'function';
}

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

/** A stored value that looks like a verifier, or null (corrupt or from another version). */
export function parseVerifier(value: unknown): Verifier | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const ok =
    v.version === 1 &&
    typeof v.name === 'string' &&
    Array.isArray(v.roles) &&
    v.roles.every((r) => typeof r === 'string') &&
    typeof v.salt === 'string' &&
    typeof v.hash === 'string' &&
    typeof v.savedAt === 'string' &&
    typeof v.iterations === 'number' &&
    v.iterations >= 100_000;
  return ok ? (v as unknown as Verifier) : null;
}

export interface VerifierStore {
  load(name: string): Verifier | null;
  save(verifier: Verifier): void;
  remove(name: string): void;
  /** Every user name this device holds a verifier for. */
  names(): string[];
}

/** Verifiers in localStorage (or any Storage), one key per user name. */
const PREFIX = 'fo.verifier.';

export function storageVerifierStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>): VerifierStore {
  const key = (name: string) => PREFIX + name;
  return {
    load(name) {
      try {
        return parseVerifier(JSON.parse(storage.getItem(key(name)) ?? 'null'));
      } catch {
        return null;
      }
    },
    save(verifier) {
      storage.setItem(key(verifier.name), JSON.stringify(verifier));
    },
    remove(name) {
      storage.removeItem(key(name));
    },
    names() {
      const names: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i);
        if (k?.startsWith(PREFIX)) names.push(k.slice(PREFIX.length));
      }
      return names;
    },
  };
}
