/**
 * Revoking a certificate (issue 13), pure: finding the certificate the back office means, and
 * building its revocation. The write, and the server's own refusal, happen around it.
 */
import type { Certificate } from '../../couch-design/types/certificate.ts';
import {
  CERTIFICATE_REVOCATION,
  MAX_REVOCATION_NOTE,
  type CertificateRevocation,
  type RevocationReason,
  certificateRevocationId,
} from '../../couch-design/types/certificate-revocation.ts';

export interface FoundCertificate {
  certificate: Certificate;
  revocation: CertificateRevocation | null;
}

/** Letters and digits only, upper case: a number read over the phone or typed with spaces matches. */
const squeeze = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * The certificates a search means: the whole number (or its end, the part a caller reads out
 * last), or the holder's person number. Newest first.
 */
export function findCertificates(certificates: readonly Certificate[], revocations: readonly CertificateRevocation[], query: string, limit = 20): FoundCertificate[] {
  const q = squeeze(query);
  if (q.length < 3) return [];
  const byNumber = new Map(revocations.map((r) => [r.number, r]));
  return certificates
    .filter((c) => squeeze(c.number).endsWith(q) || c.person === `person:${query.trim()}`)
    .sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : 0))
    .slice(0, limit)
    .map((certificate) => ({ certificate, revocation: byNumber.get(certificate.number) ?? null }));
}

export type RevocationError = 'reason_required' | 'note_required' | 'note_too_long' | 'already_revoked';

export interface RevocationInput {
  found: FoundCertificate;
  reason: RevocationReason | '';
  note: string;
  agent: string;
  at: string;
  /** The branch-local day of the revocation. */
  day: string;
}

export function buildRevocation(i: RevocationInput): { revocation: CertificateRevocation } | { error: RevocationError } {
  if (i.found.revocation) return { error: 'already_revoked' };
  if (i.reason === '') return { error: 'reason_required' };
  const note = i.note.trim();
  if (i.reason === 'other' && note === '') return { error: 'note_required' };
  if (note.length > MAX_REVOCATION_NOTE) return { error: 'note_too_long' };
  const c = i.found.certificate;
  return {
    revocation: {
      _id: certificateRevocationId(c.number),
      type: CERTIFICATE_REVOCATION,
      branch: c.branch,
      day: i.day,
      certificate: c._id,
      number: c.number,
      reason: i.reason,
      ...(note ? { note } : {}),
      agent: i.agent,
      at: i.at,
    },
  };
}
