/**
 * Is a certificate revoked? Read for the public endpoint (certificates-api.ts) from the database
 * that holds the certificate's branch: its branch database where this server keeps it (a branch
 * server its own, head office every branch's), else head office's `fo_central`. A server holding
 * neither cannot say, which is not the same as "not revoked".
 */
import { CENTRAL_DB, branchDb } from '../../couch-design/databases.ts';
import { type CertificateRevocation, branchOfCertificateNumber, certificateRevocationId } from '../../couch-design/types/certificate-revocation.ts';
import { type Couch, getOrNull } from '../provision/couch-client.ts';

/** Only what the public may learn: revoked or not, and if so why (a reason code) and on which day. */
export type RevocationStatus = { revoked: false } | { revoked: true; reason: CertificateRevocation['reason']; day: string };

/** null: this server does not hold the certificate's branch. */
export type RevocationLookup = (number: string) => Promise<RevocationStatus | null>;

export function revocationLookup(couch: Couch, held: { branches: readonly string[]; headOffice: boolean }): RevocationLookup {
  return async (number) => {
    const branch = branchOfCertificateNumber(number);
    if (branch === null) return null;
    const db = held.branches.includes(branch) ? branchDb(branch) : held.headOffice ? CENTRAL_DB : null;
    if (db === null) return null;
    const doc = await getOrNull(couch.use<CertificateRevocation>(db), certificateRevocationId(number));
    return doc && doc.type === 'certificate_revocation' ? { revoked: true, reason: doc.reason, day: doc.day } : { revoked: false };
  };
}
