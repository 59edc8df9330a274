/**
 * Password hashes as Apache CouchDB 3.4 writes and reads them, for the embedded engine.
 *
 * A `_users` document holds `password_scheme: "pbkdf2"`, `pbkdf2_prf` (absent = SHA-1, the
 * scheme of CouchDB ≤ 3.3 and of PouchDB Server), `iterations`, `salt` (its text is the salt,
 * as CouchDB uses it) and `derived_key` (hex, as long as the PRF's digest). New passwords are
 * hashed as PBKDF2-SHA256 with CouchDB 3.4's default of 600,000 iterations.
 *
 * The cost: one PBKDF2 takes ~170 ms of CPU here (measured on the 2-core test machine), run on
 * libuv's thread pool so the engine's event loop stays free. Sign-in pays it once; a request
 * with basic auth pays it too, so a successful check is remembered (as CouchDB 3.4 also does):
 * keyed by the user's hash parameters, holding an HMAC of the password under a key that lives
 * only in this process. A changed password changes the salt and derived key, so the old entry
 * no longer matches. Wrong passwords are never remembered: every guess pays the full cost.
 */
import { createHmac, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';

export const PBKDF2_ITERATIONS = 600_000;
export const PBKDF2_PRF = 'sha256';
/** A stored document asking for more than this is refused rather than let it stall the engine. */
const MAX_ITERATIONS = 10_000_000;
const CACHE_SIZE = 1000;

/** CouchDB's `pbkdf2_prf` values (Erlang's digest names) and Node's names for them. */
const DIGESTS: Record<string, { node: string; bytes: number }> = {
  sha: { node: 'sha1', bytes: 20 },
  sha224: { node: 'sha224', bytes: 28 },
  sha256: { node: 'sha256', bytes: 32 },
  sha384: { node: 'sha384', bytes: 48 },
  sha512: { node: 'sha512', bytes: 64 },
};

/** PBKDF2 of `password` as hex, the way CouchDB computes `derived_key` (key length = digest length). */
export function hashPassword(password: string, salt: string, iterations: number, prf = 'sha'): Promise<string> {
  const digest = DIGESTS[prf];
  if (!digest) return Promise.reject(new Error(`unknown pbkdf2_prf ${prf}`));
  return new Promise((resolve, reject) =>
    pbkdf2(password, salt, iterations, digest.bytes, digest.node, (err, key) => (err ? reject(err) : resolve(key.toString('hex')))),
  );
}

/** The fields of a `_users` document (or a parsed server admin) that verify a password. */
export interface StoredHash {
  name?: unknown;
  password_scheme?: unknown;
  pbkdf2_prf?: unknown;
  iterations?: unknown;
  salt?: unknown;
  derived_key?: unknown;
}

const processKey = randomBytes(32).toString('hex');
/** Hash parameters of a user → HMAC (hex) of the password last verified for them. */
const verified = new Map<string, string>();
const inFlight = new Map<string, Promise<boolean>>();

function usable(doc: StoredHash): doc is { name: unknown; iterations: number; salt: string; derived_key: string; pbkdf2_prf?: string } {
  return (
    doc.password_scheme === 'pbkdf2' &&
    typeof doc.salt === 'string' &&
    typeof doc.derived_key === 'string' &&
    Number.isInteger(doc.iterations) &&
    (doc.iterations as number) > 0 &&
    (doc.iterations as number) <= MAX_ITERATIONS &&
    (doc.pbkdf2_prf === undefined || (typeof doc.pbkdf2_prf === 'string' && doc.pbkdf2_prf in DIGESTS))
  );
}

/** Constant-time comparison of two hex strings. */
function sameHex(a: string, b: string): boolean {
  const x = Uint8Array.from(Buffer.from(a.toLowerCase(), 'utf8'));
  const y = Uint8Array.from(Buffer.from(b.toLowerCase(), 'utf8'));
  return x.length === y.length && timingSafeEqual(x, y);
}

/** True when `password` matches the stored hash; any malformed input is simply false. */
export async function verifyPassword(password: unknown, doc: StoredHash): Promise<boolean> {
  if (typeof password !== 'string' || !usable(doc)) return false;
  const prf = doc.pbkdf2_prf ?? 'sha';
  const key = JSON.stringify([doc.name, prf, doc.iterations, doc.salt, doc.derived_key]);
  const mac = createHmac('sha256', processKey).update(password).digest('hex');
  const known = verified.get(key);
  if (known && sameHex(known, mac)) return true;

  // Concurrent requests with the same credentials (a replication's first burst) share one hash.
  const flightKey = key + mac;
  let pending = inFlight.get(flightKey);
  if (!pending) {
    pending = hashPassword(password, doc.salt, doc.iterations, prf).then((derived) => {
      const ok = sameHex(derived, doc.derived_key);
      if (ok) {
        if (verified.size >= CACHE_SIZE) verified.delete(verified.keys().next().value!);
        verified.set(key, mac);
      }
      return ok;
    });
    inFlight.set(flightKey, pending);
    void pending.finally(() => inFlight.delete(flightKey)).catch(() => undefined);
  }
  return pending;
}

/** A server admin's hash in the engine's config, in CouchDB 3.4's format: `-pbkdf2:sha256-<key>,<salt>,<iterations>`. */
export async function adminConfigHash(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = randomBytes(16).toString('hex');
  const key = await hashPassword(password, salt, iterations, PBKDF2_PRF);
  return `-pbkdf2:${PBKDF2_PRF}-${key},${salt},${iterations}`;
}
