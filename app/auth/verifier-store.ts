/**
 * The offline verifiers this device keeps (app/auth/verifier.ts makes and checks them): their
 * shape and their storage, apart from the PBKDF2 code so that the app's start, which only
 * asks whether a user has one, does not carry it.
 */

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
