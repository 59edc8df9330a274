import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, type Problem } from '../validate/problems.ts';
import { CATALOGUE_CODE, COUNTER_CODE } from '../ids/codes.ts';
import { type BranchFields, checkBranchDay, checkDayUidId, checkRef, dayUidId, parseDayUidId } from './branch-common.ts';
import { parsePersonId } from './person.ts';

export const CERTIFICATE = 'certificate';

/** A certificate as printed; immutable so the verification code can be checked later. */
export interface Certificate extends BaseDoc, BranchFields {
  type: typeof CERTIFICATE;
  certType: string;
  person: string;
  number: string;
  /** Printed on the paper (and in its QR code) so a third party can check it. */
  verificationCode: string;
  issuedAt: string;
  validUntil?: string;
  agent: string;
  counter?: string;
}

export function certificateId(day: string, uid: string): string {
  return dayUidId('cert', day, uid);
}

export function parseCertificateId(id: string): { day: string; uid: string } | null {
  return parseDayUidId(id, 'cert');
}

export function validateCertificate(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { day } = checkBranchDay(c);
  c.str('certType', { pattern: CATALOGUE_CODE });
  checkRef(c, 'person', parsePersonId);
  c.str('number', { max: 40 });
  c.str('verificationCode', { pattern: /^[A-Z0-9]{6,16}$/ });
  c.instant('issuedAt');
  c.day('validUntil', true);
  c.author('agent');
  c.str('counter', { optional: true, pattern: COUNTER_CODE });
  checkDayUidId(c, 'cert', day);
  return c.problems;
}
