import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, type Problem, isObject } from '../validate/problems.ts';
import { CATALOGUE_CODE, COUNTER_CODE } from '../ids/codes.ts';
import { MAX_CERTIFICATE_VALIDITY_MONTHS } from './catalogue.ts';
import { type BranchFields, checkBranchDay, checkDayUidId, checkRef, dayUidId, parseDayUidId } from './branch-common.ts';
import { parsePersonId } from './person.ts';

export const CERTIFICATE = 'certificate';

/** A certificate as printed; immutable so that what its QR seal states can be checked later. */
export interface Certificate extends BaseDoc, BranchFields {
  type: typeof CERTIFICATE;
  certType: string;
  /** The holder on file; absent for "not registered", whose `certified` names the visitor instead. */
  person?: string;
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

/** An identity document's number as the counter types it, upper case: letters, digits, hyphens. */
export const IDENTITY_NUMBER = /^[A-Z0-9][A-Z0-9-]{2,29}$/;

/** The last day a paper issued on `day` may be valid: the contract's ceiling (YYYY-MM-DD strings compare as dates). */
function latestValidUntil(day: string): string {
  const years = MAX_CERTIFICATE_VALIDITY_MONTHS / 12;
  return String(Number(day.substring(0, 4)) + years) + day.substring(4);
}

/**
 * Someone not on file gets "not registered": no person to refer to, so what it certifies names
 * the visitor (the name and identity document the counter saw); everyone else is a person on file.
 */
function checkHolder(c: Checker): void {
  const certified = c.doc.certified;
  if (!isObject(certified) || certified.rule !== 'not_registered') return void checkRef(c, 'person', parsePersonId);
  if (c.doc.person != null) c.add('person', 'bad_value');
  const name = certified.name;
  if (typeof name !== 'string' || name.trim().length < 2 || name.length > 200) c.add('certified.name', name == null ? 'required' : 'bad_format');
  const idNumber = certified.idNumber;
  if (typeof idNumber !== 'string' || !IDENTITY_NUMBER.test(idNumber)) c.add('certified.idNumber', idNumber == null ? 'required' : 'bad_format');
}

export function validateCertificate(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { day } = checkBranchDay(c);
  c.str('certType', { pattern: CATALOGUE_CODE });
  checkHolder(c);
  c.str('number', { max: 40 });
  c.str('seal', { pattern: /^FOC1\|/, max: 2000 });
  c.str('keyId', { pattern: /^[A-Za-z0-9_-]{1,40}$/ });
  c.obj('certified');
  c.oneOf('locale', ['fr', 'en']);
  c.instant('issuedAt');
  const validUntil = c.day('validUntil', true);
  // The type's own maximum needs the catalogue: the counter's form refuses it (eligibility.ts validUntil).
  if (validUntil !== undefined && day !== undefined && validUntil < day) c.add('validUntil', 'too_small');
  if (validUntil !== undefined && day !== undefined && validUntil > latestValidUntil(day)) c.add('validUntil', 'too_large');
  c.author('agent');
  c.str('counter', { optional: true, pattern: COUNTER_CODE });
  checkDayUidId(c, 'cert', day);
  return c.problems;
}
