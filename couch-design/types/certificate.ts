import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, type Problem } from '../validate/problems.ts';
import { CATALOGUE_CODE, COUNTER_CODE } from '../ids/codes.ts';
import { type BranchFields, checkBranchDay, checkDayUidId, checkRef, dayUidId, parseDayUidId } from './branch-common.ts';
import { parsePersonId } from './person.ts';

export const CERTIFICATE = 'certificate';

/** A certificate as printed; immutable so that what its QR seal states can be checked later. */
export interface Certificate extends BaseDoc, BranchFields {
  type: typeof CERTIFICATE;
  certType: string;
  person: string;
  number: string;
  /** The QR's content (app/certificates/seal.ts): the essential fields, signed by the issuing device. */
  seal: string;
  /** The device key that signed it (the seal's key id). */
  keyId: string;
  /** What it certifies, as the eligibility rule found it when issued (app/certificates/eligibility.ts). */
  certified: Record<string, unknown>;
  /** The paper's language, the person's choice. */
  locale: 'fr' | 'en';
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
  c.str('seal', { pattern: /^FOC1\|/, max: 2000 });
  c.str('keyId', { pattern: /^[A-Za-z0-9_-]{1,40}$/ });
  c.obj('certified');
  c.oneOf('locale', ['fr', 'en']);
  c.instant('issuedAt');
  c.day('validUntil', true);
  c.author('agent');
  c.str('counter', { optional: true, pattern: COUNTER_CODE });
  checkDayUidId(c, 'cert', day);
  return c.problems;
}
