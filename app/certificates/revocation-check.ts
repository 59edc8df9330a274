/**
 * Asks the server whether a certificate was revoked (issue 13). The paper cannot say it: a
 * verifier online asks by number; offline, or when the server cannot tell, the answer is
 * "could not be checked", never "not revoked".
 */
import type { RevocationReason } from '../../couch-design/types/certificate-revocation.ts';

export const REVOCATIONS_PATH = '/api/certificates/revocations/';

export type RevocationCheck = { state: 'revoked'; reason: RevocationReason; day: string } | { state: 'not_revoked' } | { state: 'unknown' };

export async function checkRevocation(number: string, fetcher: typeof fetch = fetch): Promise<RevocationCheck> {
  try {
    // Whoever asks wants the answer of now, not one a cache kept from a minute ago.
    const r = await fetcher(REVOCATIONS_PATH + encodeURIComponent(number), { cache: 'no-cache' });
    if (!r.ok) return { state: 'unknown' };
    const body = (await r.json()) as { number?: unknown; revoked?: unknown; reason?: unknown; day?: unknown };
    if (body.number !== number) return { state: 'unknown' };
    if (body.revoked === false) return { state: 'not_revoked' };
    if (body.revoked === true && typeof body.reason === 'string' && typeof body.day === 'string') return { state: 'revoked', reason: body.reason as RevocationReason, day: body.day };
  } catch {
    // No network: said as such below.
  }
  return { state: 'unknown' };
}
