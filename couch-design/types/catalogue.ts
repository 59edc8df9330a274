/** The catalogue counters work from: life events, the documents they need, certificates. */
import type { BaseDoc, I18n } from './base.ts';
import { type AnyDoc, Checker, type Problem } from '../validate/problems.ts';
import { CATALOGUE_CODE, DOC_CODE, splitId } from '../ids/codes.ts';

export const PERSON_KINDS = ['insurant', 'employer', 'beneficiary'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** Who made the last edit and when (validate/authors.ts: always the writer); each edit is also a `ref_change`. */
function edited(c: Checker, doc: AnyDoc): void {
  c.author('updatedBy', true);
  c.instant('updatedAt', doc.updatedBy == null);
}

function hasDuplicate(list: readonly string[]): boolean {
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (list[i] === list[j]) return true;
  return false;
}

export const EVENT = 'event';

/** A life event a person comes for (family benefits, daily allowance) and its required papers. */
export interface EventType extends BaseDoc {
  type: typeof EVENT;
  code: string;
  name: I18n;
  requiredDocuments: string[];
  /** Service whose counters handle it, when there is one. */
  service?: string;
  updatedBy?: string;
  updatedAt?: string;
}

export function eventId(code: string): string {
  return 'event:' + code;
}

export function parseEventId(id: string): { code: string } | null {
  const p = splitId(id, 'event', 1);
  return p && CATALOGUE_CODE.test(p[0]!) ? { code: p[0]! } : null;
}

export function validateEvent(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const code = c.str('code', { pattern: CATALOGUE_CODE });
  c.i18n('name');
  const docs = c.strList('requiredDocuments', DOC_CODE);
  if (docs && hasDuplicate(docs)) c.add('requiredDocuments', 'duplicate');
  c.str('service', { optional: true, pattern: CATALOGUE_CODE });
  edited(c, doc);
  c.id(code && eventId(code));
  return c.problems;
}

export const DOCUMENT_TYPE = 'document_type';
/**
 * A document type an event still requires is not removed: refused by the form and, since
 * `validate_doc_update` cannot see the events, by the gateway (server/gateway/doctype-check.ts)
 * as `_deleted: in_use`.
 */
export const DOCTYPE_IN_USE = 'in_use';

/** The events that still require the document type `code`: it cannot be removed while there are any. */
export function eventsRequiring<E extends Pick<EventType, 'requiredDocuments'>>(code: string, events: readonly E[]): E[] {
  return events.filter((e) => e.requiredDocuments.indexOf(code) >= 0);
}

/** A paper the institution accepts (0104 Birth certificate); validity bounds its edition date. */
export interface DocumentType extends BaseDoc {
  type: typeof DOCUMENT_TYPE;
  code: string;
  name: I18n;
  validityMonths?: number;
  updatedBy?: string;
  updatedAt?: string;
}

export function documentTypeId(code: string): string {
  return 'doctype:' + code;
}

export function parseDocumentTypeId(id: string): { code: string } | null {
  const p = splitId(id, 'doctype', 1);
  return p && DOC_CODE.test(p[0]!) ? { code: p[0]! } : null;
}

export function validateDocumentType(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const code = c.str('code', { pattern: DOC_CODE });
  c.i18n('name');
  c.int('validityMonths', { optional: true, min: 0, max: 1200 });
  edited(c, doc);
  c.id(code && documentTypeId(code));
  return c.problems;
}

export const CERTIFICATE_TYPE = 'certificate_type';
/** No certificate is valid longer than this: a type's validity, and a certificate's `validUntil`, are refused beyond it. */
export const MAX_CERTIFICATE_VALIDITY_MONTHS = 60;

/**
 * What a certificate type checks before it may be issued (app/certificates/eligibility.ts):
 * registered: the person is on file; good_standing: an employer has paid every period due;
 * not_registered: nobody with that identity is on file; benefits_received: payments were made
 * to the person over the period asked; benefit_in_payment: a pension or allowance is being paid.
 */
export const CERTIFICATE_RULES = ['registered', 'good_standing', 'not_registered', 'benefits_received', 'benefit_in_payment'] as const;
export type CertificateRule = (typeof CERTIFICATE_RULES)[number];

/** A certificate counters print (affiliation, non-debt); `for` says which persons may get it. */
export interface CertificateType extends BaseDoc {
  type: typeof CERTIFICATE_TYPE;
  code: string;
  name: I18n;
  for: PersonKind[];
  rule: CertificateRule;
  /** The longest validity a counter may give; none: the certificate does not expire. */
  validityMonths?: number;
  updatedBy?: string;
  updatedAt?: string;
}

export function certificateTypeId(code: string): string {
  return 'certtype:' + code;
}

export function parseCertificateTypeId(id: string): { code: string } | null {
  const p = splitId(id, 'certtype', 1);
  return p && CATALOGUE_CODE.test(p[0]!) ? { code: p[0]! } : null;
}

export function validateCertificateType(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const code = c.str('code', { pattern: CATALOGUE_CODE });
  c.i18n('name');
  const kinds = c.strList('for', /^(insurant|employer|beneficiary)$/, true);
  if (kinds && hasDuplicate(kinds)) c.add('for', 'duplicate');
  c.oneOf('rule', CERTIFICATE_RULES);
  // The certificate's own validator holds every paper to this ceiling (certificate.ts).
  c.int('validityMonths', { optional: true, min: 1, max: MAX_CERTIFICATE_VALIDITY_MONTHS });
  edited(c, doc);
  c.id(code && certificateTypeId(code));
  return c.problems;
}
