/**
 * The institution's public keys as /api/certificates/institution-key publishes them, kept in the
 * browser once read so the verification page also works with no network (issue 13).
 */
import { fromBase64Url } from './base64url.ts';
import { verifySeal, type Verdict } from './seal.ts';

export const KEYS_PATH = '/api/certificates/institution-key';
const STORED = 'fo.institutionKeys';

export interface PublishedKey {
  kid: string;
  alg: string;
  publicKey: string;
}

export type KeySource = { keys: PublishedKey[]; from: 'server' | 'device' } | { keys: null };

/** The server's list when reachable (and kept), else the one kept from an earlier visit. */
export async function loadPublishedKeys(fetcher: typeof fetch = fetch, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): Promise<KeySource> {
  try {
    const r = await fetcher(KEYS_PATH);
    if (r.ok) {
      const { keys } = (await r.json()) as { keys: PublishedKey[] };
      storage.setItem(STORED, JSON.stringify(keys));
      return { keys, from: 'server' };
    }
  } catch {
    // No network: the kept copy below.
  }
  const kept = storage.getItem(STORED);
  return kept ? { keys: JSON.parse(kept) as PublishedKey[], from: 'device' } : { keys: null };
}

/** The seal from what a QR reader gives: the seal itself, or the verification URL carrying it after `#`. */
export function sealFromScan(text: string): string {
  const trimmed = text.trim();
  const hash = trimmed.indexOf('#');
  if (hash < 0 || !/^https?:\/\//.test(trimmed)) return trimmed;
  try {
    return decodeURIComponent(trimmed.slice(hash + 1));
  } catch {
    return trimmed.slice(hash + 1);
  }
}

/** Tries each published key: during a key change, papers certified under either still verify. */
export async function verifyWithKeys(seal: string, keys: readonly PublishedKey[], today: string): Promise<Verdict> {
  let verdict: Verdict = { status: 'unknown_signer' };
  for (const k of keys) {
    const raw = fromBase64Url(k.publicKey);
    if (!raw) continue;
    const key = await crypto.subtle.importKey('raw', raw, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
    verdict = await verifySeal(seal, key, today);
    if (verdict.status !== 'unknown_signer') return verdict;
  }
  return verdict;
}
