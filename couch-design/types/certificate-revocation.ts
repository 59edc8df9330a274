/**
 * The revocation of a certificate (issue 13). A certificate is immutable, so its revocation is a
 * document of its own, immutable too, whose id is made from the certificate's number: at most
 * one per certificate, and a second one (online, or written offline elsewhere) is refused.
 * Written by the back office (a supervisor stands in), in the certificate's branch database,
 * which replicates it to head office like every branch document.
 */
import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, type Problem } from '../validate/problems.ts';
import { type BranchFields, checkBranchDay, checkRef } from './branch-common.ts';
import { parseCertificateId } from './certificate.ts';

export const CERTIFICATE_REVOCATION = 'certificate_revocation';

/** Why, from a short list the UI translates; `other` needs the note to say what. */
export const REVOCATION_REASONS = ['issued_in_error', 'data_changed', 'situation_changed', 'fraud', 'other'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/** `ATT-<BRANCH>-<YYMMDD>-<DEVICE>-<SEQ>` (app/certificates/issue.ts): no `:`, so it can sit in an id. */
export const CERTIFICATE_NUMBER = /^ATT-[A-Z][A-Z0-9]{0,15}-\d{6}-[A-Z0-9]{1,16}-\d{3,}$/;
export const MAX_REVOCATION_NOTE = 300;

export interface CertificateRevocation extends BaseDoc, BranchFields {
  type: typeof CERTIFICATE_REVOCATION;
  /** The certificate's document id. */
  certificate: string;
  number: string;
  reason: RevocationReason;
  note?: string;
  agent: string;
  at: string;
}

export function certificateRevocationId(number: string): string {
  return 'certrevocation:' + number;
}

/** The branch a certificate number belongs to (its second group, lower-cased as branch codes are). */
export function branchOfCertificateNumber(number: string): string | null {
  return CERTIFICATE_NUMBER.test(number) ? number.split('-')[1]!.toLowerCase() : null;
}

export function validateCertificateRevocation(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { branch } = checkBranchDay(c);
  checkRef(c, 'certificate', parseCertificateId);
  const number = c.str('number', { pattern: CERTIFICATE_NUMBER, max: 60 });
  const reason = c.oneOf('reason', REVOCATION_REASONS);
  const note = c.str('note', { optional: true, max: MAX_REVOCATION_NOTE });
  if (reason === 'other' && note === undefined && doc.note == null) c.add('note', 'required');
  c.author('agent');
  c.instant('at');
  // A branch revokes its own certificates: the number names the branch that issued it.
  if (number !== undefined && branch !== undefined && branchOfCertificateNumber(number) !== branch) c.add('number', 'bad_ref');
  c.id(number && certificateRevocationId(number));
  return c.problems;
}
