/**
 * The rest of the reference data as the administration edits it (issue 14): the institution
 * and its cash settings, branches, the catalogue of events, document types and certificate
 * types. Pure, like ref-rules.ts: the forms check a draft against the replica's documents
 * before anything is written, then validate_doc_update judges the write again. What needs
 * other documents (a required document that exists, a document type no event requires) is
 * checked here only.
 */
import { BRANCH_CODE_PATTERN, CATALOGUE_CODE, DOC_CODE } from '../../couch-design/ids/codes.ts';
import type { Locale } from '../../couch-design/types/base.ts';
import { type Branch, branchDocId } from '../../couch-design/types/branch.ts';
import {
  type CertificateRule,
  type CertificateType,
  type DocumentType,
  type EventType,
  type PersonKind,
  MAX_CERTIFICATE_VALIDITY_MONTHS,
  certificateTypeId,
  documentTypeId,
  eventId,
  eventsRequiring,
} from '../../couch-design/types/catalogue.ts';
import type { CashSettings } from '../../couch-design/types/cash-config.ts';
import { type Institution, INSTITUTION_ID } from '../../couch-design/types/institution.ts';
import { formatAmount, parseAmount } from '../cash/money.ts';
import { cashSettings } from '../cash/config.ts';
import type { Edit, RefProblem } from './ref-rules.ts';
import { type LogoChoice, logoProblems, withLogo } from './logo-rules.ts';

const MAX_NAME = 200;
const LOCALES: readonly Locale[] = ['fr', 'en'];

function text(field: string, value: string, max: number, out: RefProblem[]) {
  if (value === '') out.push({ field, code: 'required' });
  else if (value.length > max) out.push({ field, code: 'too_long' });
}

/** A whole number of months, or nothing when `optional` and empty. */
function months(field: string, value: string, min: number, max: number, optional: boolean, out: RefProblem[]) {
  if (value === '') {
    if (!optional) out.push({ field, code: 'required' });
  } else if (!/^\d+$/.test(value)) out.push({ field, code: 'bad_format' });
  else if (Number(value) < min) out.push({ field, code: 'not_positive' });
  else if (Number(value) > max) out.push({ field, code: 'too_large' });
}

const edited = (edit: Edit) => ({ updatedBy: edit.by, updatedAt: edit.at });

// ---------------------------------------------------------------- institution

export interface InstitutionDraft {
  name: string;
  currency: string;
  currencyDecimals: string;
  languages: Locale[];
  defaultLocale: Locale;
  logo: LogoChoice;
}

export function draftOfInstitution(i: Institution): InstitutionDraft {
  return { name: i.name, currency: i.currency, currencyDecimals: String(i.currencyDecimals), languages: i.languages ? [...i.languages] : [...LOCALES], defaultLocale: i.defaultLocale, logo: { kind: 'kept' } };
}

export function normaliseInstitution(d: InstitutionDraft): InstitutionDraft {
  return { ...d, name: d.name.trim(), currency: d.currency.trim().toUpperCase(), currencyDecimals: d.currencyDecimals.trim(), languages: LOCALES.filter((l) => d.languages.includes(l)) };
}

export function institutionProblems(d: InstitutionDraft): RefProblem[] {
  const out: RefProblem[] = [];
  text('name', d.name, MAX_NAME, out);
  if (d.currency === '') out.push({ field: 'currency', code: 'required' });
  else if (!/^[A-Z]{3}$/.test(d.currency)) out.push({ field: 'currency', code: 'bad_format' });
  if (!/^[0-3]$/.test(d.currencyDecimals)) out.push({ field: 'currencyDecimals', code: 'bad_format' });
  if (d.languages.length === 0) out.push({ field: 'languages', code: 'required' });
  else if (!d.languages.includes(d.defaultLocale)) out.push({ field: 'defaultLocale', code: 'not_offered' });
  return [...out, ...logoProblems(d.logo)];
}

export function institutionFromDraft(d: InstitutionDraft, previous: Institution, edit: Edit): Institution {
  const doc: Institution = { ...previous, _id: INSTITUTION_ID, type: 'institution', name: d.name, currency: d.currency, currencyDecimals: Number(d.currencyDecimals), languages: d.languages, defaultLocale: d.defaultLocale, ...edited(edit) };
  return withLogo(doc, d.logo);
}

// ---------------------------------------------------------------- cash settings

export interface CashDraft {
  maxAmount: string;
  varianceThreshold: string;
  reversalThreshold: string;
}

type AmountField = keyof CashDraft;

/** The settings in force (the institution's own, or its currency's defaults) as the form shows them. */
export function draftOfCash(i: Institution, locale: Locale): CashDraft {
  const s = cashSettings(i);
  const f = (n: number) => formatAmount(n, i.currencyDecimals, locale);
  return { maxAmount: f(s.maxAmount), varianceThreshold: f(s.varianceThreshold), reversalThreshold: f(s.reversalThreshold) };
}

/** An amount typed as at the cash desk (app/cash/money.ts); a threshold may be 0 (every variance, every reversal). */
function amount(field: AmountField, value: string, decimals: number, locale: Locale, zero: boolean, out: RefProblem[]): number | null {
  const parsed = parseAmount(value, decimals, locale);
  if (parsed.ok) return parsed.minor;
  if (parsed.code === 'not_positive' && zero && /^[0\s.,]+$/.test(value.trim())) return 0;
  out.push({ field, code: parsed.code });
  return null;
}

/** The settings to store, or the problems of the draft: amounts strictly parsed, thresholds within the ceiling. */
export function cashFromDraft(d: CashDraft, i: Institution, locale: Locale): { settings: CashSettings | null; problems: RefProblem[] } {
  const out: RefProblem[] = [];
  const max = amount('maxAmount', d.maxAmount, i.currencyDecimals, locale, false, out);
  const variance = amount('varianceThreshold', d.varianceThreshold, i.currencyDecimals, locale, true, out);
  const reversal = amount('reversalThreshold', d.reversalThreshold, i.currencyDecimals, locale, true, out);
  if (max !== null && variance !== null && variance > max) out.push({ field: 'varianceThreshold', code: 'above_ceiling' });
  if (max !== null && reversal !== null && reversal > max) out.push({ field: 'reversalThreshold', code: 'above_ceiling' });
  if (out.length || max === null || variance === null || reversal === null) return { settings: null, problems: out };
  return { settings: { denominations: cashSettings(i).denominations, maxAmount: max, varianceThreshold: variance, reversalThreshold: reversal }, problems: [] };
}

export function institutionWithCash(i: Institution, cash: CashSettings, edit: Edit): Institution {
  return { ...i, cash, ...edited(edit) };
}

// ---------------------------------------------------------------- branches

export interface BranchDraft {
  code: string;
  name: string;
  city: string;
  timeZone: string;
}

export function draftOfBranch(b: Branch | null): BranchDraft {
  return b ? { code: b.code, name: b.name, city: b.city, timeZone: b.timeZone ?? '' } : { code: '', name: '', city: '', timeZone: 'Africa/Douala' };
}

export function normaliseBranch(d: BranchDraft): BranchDraft {
  return { code: d.code.trim().toLowerCase(), name: d.name.trim(), city: d.city.trim(), timeZone: d.timeZone.trim() };
}

/** A time zone the browser knows (IANA name): the branch's day is computed in it. */
export function knownTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/.test(zone) || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function branchProblems(d: BranchDraft, branches: readonly Branch[], creating: boolean): RefProblem[] {
  const out: RefProblem[] = [];
  if (d.code === '') out.push({ field: 'code', code: 'required' });
  else if (!BRANCH_CODE_PATTERN.test(d.code)) out.push({ field: 'code', code: 'bad_format' });
  else if (creating && branches.some((b) => b.code === d.code)) out.push({ field: 'code', code: 'code_taken' });
  text('name', d.name, 100, out);
  text('city', d.city, 100, out);
  if (d.timeZone === '') out.push({ field: 'timeZone', code: 'required' });
  else if (!knownTimeZone(d.timeZone)) out.push({ field: 'timeZone', code: 'bad_zone' });
  return out;
}

export function branchFromDraft(d: BranchDraft, previous: Branch | null, edit: Edit): Branch {
  return { ...(previous ?? { services: [] }), _id: branchDocId(d.code), type: 'branch', code: d.code, name: d.name, city: d.city, timeZone: d.timeZone, ...edited(edit) };
}

// ---------------------------------------------------------------- catalogue

export interface NamedDraft {
  code: string;
  nameFr: string;
  nameEn: string;
}

export interface DocumentTypeDraft extends NamedDraft {
  /** As typed: a whole number of months, empty for a paper that does not expire. */
  validityMonths: string;
}

export interface EventDraft extends NamedDraft {
  requiredDocuments: string[];
}

export interface CertificateTypeDraft extends NamedDraft {
  for: PersonKind[];
  rule: CertificateRule;
  validityMonths: string;
}

function normaliseNamed<T extends NamedDraft>(d: T): T {
  return { ...d, code: d.code.trim().toLowerCase(), nameFr: d.nameFr.trim(), nameEn: d.nameEn.trim() };
}

function namedProblems(d: NamedDraft, pattern: RegExp, taken: boolean, out: RefProblem[]) {
  if (d.code === '') out.push({ field: 'code', code: 'required' });
  else if (!pattern.test(d.code)) out.push({ field: 'code', code: 'bad_format' });
  else if (taken) out.push({ field: 'code', code: 'code_taken' });
  text('nameFr', d.nameFr, MAX_NAME, out);
  text('nameEn', d.nameEn, MAX_NAME, out);
}

export const normaliseDocumentType = (d: DocumentTypeDraft): DocumentTypeDraft => ({ ...normaliseNamed(d), validityMonths: d.validityMonths.trim() });
export const normaliseEvent = (d: EventDraft): EventDraft => normaliseNamed(d);
export const normaliseCertificateType = (d: CertificateTypeDraft): CertificateTypeDraft => ({ ...normaliseNamed(d), validityMonths: d.validityMonths.trim() });

export function draftOfDocumentType(t: DocumentType | null): DocumentTypeDraft {
  return t ? { code: t.code, nameFr: t.name.fr, nameEn: t.name.en, validityMonths: t.validityMonths === undefined ? '' : String(t.validityMonths) } : { code: '', nameFr: '', nameEn: '', validityMonths: '' };
}

export function draftOfEvent(e: EventType | null): EventDraft {
  return e ? { code: e.code, nameFr: e.name.fr, nameEn: e.name.en, requiredDocuments: [...e.requiredDocuments] } : { code: '', nameFr: '', nameEn: '', requiredDocuments: [] };
}

export function draftOfCertificateType(c: CertificateType | null): CertificateTypeDraft {
  return c
    ? { code: c.code, nameFr: c.name.fr, nameEn: c.name.en, for: [...c.for], rule: c.rule, validityMonths: c.validityMonths === undefined ? '' : String(c.validityMonths) }
    : { code: '', nameFr: '', nameEn: '', for: ['insurant'], rule: 'registered', validityMonths: '' };
}

export function documentTypeProblems(d: DocumentTypeDraft, types: readonly DocumentType[], creating: boolean): RefProblem[] {
  const out: RefProblem[] = [];
  namedProblems(d, DOC_CODE, creating && types.some((t) => t.code === d.code), out);
  months('validityMonths', d.validityMonths, 0, 1200, true, out);
  return out;
}

/** The required codes that are no document type of the catalogue. */
export function unknownDocuments(codes: readonly string[], types: readonly DocumentType[]): string[] {
  const known = new Set(types.map((t) => t.code));
  return codes.filter((c) => !known.has(c));
}

export function eventProblems(d: EventDraft, events: readonly EventType[], types: readonly DocumentType[], creating: boolean): RefProblem[] {
  const out: RefProblem[] = [];
  namedProblems(d, CATALOGUE_CODE, creating && events.some((e) => e.code === d.code), out);
  if (unknownDocuments(d.requiredDocuments, types).length) out.push({ field: 'requiredDocuments', code: 'unknown_document' });
  return out;
}

export function certificateTypeProblems(d: CertificateTypeDraft, types: readonly CertificateType[], creating: boolean): RefProblem[] {
  const out: RefProblem[] = [];
  namedProblems(d, CATALOGUE_CODE, creating && types.some((t) => t.code === d.code), out);
  if (d.for.length === 0) out.push({ field: 'for', code: 'required' });
  months('validityMonths', d.validityMonths, 1, MAX_CERTIFICATE_VALIDITY_MONTHS, true, out);
  return out;
}

export { eventsRequiring };

const optionalMonths = (v: string) => (v === '' ? {} : { validityMonths: Number(v) });

export function documentTypeFromDraft(d: DocumentTypeDraft, previous: DocumentType | null, edit: Edit): DocumentType {
  const { validityMonths: _, ...rest } = previous ?? ({} as Partial<DocumentType>);
  return { ...rest, _id: documentTypeId(d.code), type: 'document_type', code: d.code, name: { fr: d.nameFr, en: d.nameEn }, ...optionalMonths(d.validityMonths), ...edited(edit) };
}

/** The required documents in the catalogue's order, as the counter lists them. */
export function eventFromDraft(d: EventDraft, previous: EventType | null, types: readonly DocumentType[], edit: Edit): EventType {
  const order = types.map((t) => t.code);
  const required = [...new Set(d.requiredDocuments)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { ...(previous ?? {}), _id: eventId(d.code), type: 'event', code: d.code, name: { fr: d.nameFr, en: d.nameEn }, requiredDocuments: required, ...edited(edit) };
}

export function certificateTypeFromDraft(d: CertificateTypeDraft, previous: CertificateType | null, edit: Edit): CertificateType {
  const { validityMonths: _, ...rest } = previous ?? ({} as Partial<CertificateType>);
  const kinds: PersonKind[] = (['insurant', 'employer', 'beneficiary'] as const).filter((k) => d.for.includes(k));
  return { ...rest, _id: certificateTypeId(d.code), type: 'certificate_type', code: d.code, name: { fr: d.nameFr, en: d.nameEn }, for: kinds, rule: d.rule, ...optionalMonths(d.validityMonths), ...edited(edit) };
}
