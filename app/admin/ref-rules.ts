/**
 * Reference data as the administration edits it (issue 14): services, a branch's counters and
 * its service matrix. Pure: the forms check a draft with these rules against the replica's
 * documents before anything is written, then the contract (validate_doc_update) and the
 * gateway (series-check.ts) judge the write again.
 */
import { COUNTER_CODE, SERIES, SERVICE_CODE } from '../../couch-design/ids/codes.ts';
import { attachmentLength } from '../../couch-design/validate/limits.ts';
import { type Counter, counterId } from '../../couch-design/types/counter.ts';
import { type Service, serviceId } from '../../couch-design/types/service.ts';
import { type RefChange, refChangeId } from '../../couch-design/types/ref-change.ts';
import type { Institution } from '../../couch-design/types/institution.ts';
import type { Branch } from '../../couch-design/types/branch.ts';
import type { CertificateType, DocumentType, EventType } from '../../couch-design/types/catalogue.ts';
import type { PrinterRoleDefaults } from '../../couch-design/types/printer-role.ts';

/** Every reference document the administration edits, each logged as a `ref_change`. */
export type RefDoc = Service | Counter | Institution | Branch | EventType | DocumentType | CertificateType | PrinterRoleDefaults;

/** A problem with a draft: the field it belongs to and what is wrong, translated by the screen. */
export interface RefProblem {
  field: string;
  code:
    | 'required'
    | 'bad_format'
    | 'too_long'
    | 'too_large'
    | 'code_taken'
    | 'series_taken'
    | 'not_positive'
    | 'too_precise'
    | 'above_ceiling'
    | 'not_offered'
    | 'bad_zone'
    | 'unknown_document'
    | 'in_use'
    | 'bad_value'
    | 'cashier_only';
}

export interface ServiceDraft {
  code: string;
  nameFr: string;
  nameEn: string;
  series: string;
  /** As typed: a whole number of minutes. */
  targetWaitMinutes: string;
  cashDesk: boolean;
  active: boolean;
}

export interface CounterDraft {
  code: string;
  label: string;
  cashDesk: boolean;
  active: boolean;
}

const MAX_LABEL = 200;
const MAX_COUNTER_LABEL = 100;
const MAX_WAIT = 24 * 60;

/** The draft as it will be stored: trimmed, codes and letters in their case. */
export function normaliseService(d: ServiceDraft): ServiceDraft {
  return { ...d, code: d.code.trim().toLowerCase(), nameFr: d.nameFr.trim(), nameEn: d.nameEn.trim(), series: d.series.trim().toUpperCase(), targetWaitMinutes: d.targetWaitMinutes.trim() };
}

export function normaliseCounter(d: CounterDraft): CounterDraft {
  return { ...d, code: d.code.trim().toUpperCase(), label: d.label.trim() };
}

/** The other service that holds `series`, active or not (a deactivated one may come back): ticket ids carry the letter. */
export function seriesHolder(services: readonly Service[], code: string, series: string): Service | null {
  return services.find((s) => s.series === series && s.code !== code) ?? null;
}

function label(field: string, value: string, max: number, out: RefProblem[]) {
  if (value === '') out.push({ field, code: 'required' });
  else if (value.length > max) out.push({ field, code: 'too_long' });
}

/** Everything wrong with a (normalised) service draft, all at once. `creating`: the code must be new. */
export function serviceProblems(d: ServiceDraft, services: readonly Service[], creating: boolean): RefProblem[] {
  const out: RefProblem[] = [];
  if (d.code === '') out.push({ field: 'code', code: 'required' });
  else if (!SERVICE_CODE.test(d.code)) out.push({ field: 'code', code: 'bad_format' });
  else if (creating && services.some((s) => s.code === d.code)) out.push({ field: 'code', code: 'code_taken' });
  label('nameFr', d.nameFr, MAX_LABEL, out);
  label('nameEn', d.nameEn, MAX_LABEL, out);
  if (d.series === '') out.push({ field: 'series', code: 'required' });
  else if (!SERIES.test(d.series)) out.push({ field: 'series', code: 'bad_format' });
  else if (seriesHolder(services, d.code, d.series)) out.push({ field: 'series', code: 'series_taken' });
  if (d.targetWaitMinutes === '') out.push({ field: 'targetWaitMinutes', code: 'required' });
  else if (!/^\d+$/.test(d.targetWaitMinutes)) out.push({ field: 'targetWaitMinutes', code: 'bad_format' });
  else if (Number(d.targetWaitMinutes) > MAX_WAIT) out.push({ field: 'targetWaitMinutes', code: 'too_large' });
  return out;
}

/** Everything wrong with a (normalised) counter draft; `counters` are the branch's. */
export function counterProblems(d: CounterDraft, counters: readonly Counter[], creating: boolean): RefProblem[] {
  const out: RefProblem[] = [];
  if (d.code === '') out.push({ field: 'code', code: 'required' });
  else if (!COUNTER_CODE.test(d.code)) out.push({ field: 'code', code: 'bad_format' });
  else if (creating && counters.some((c) => c.code === d.code)) out.push({ field: 'code', code: 'code_taken' });
  label('label', d.label, MAX_COUNTER_LABEL, out);
  return out;
}

/** Who edits, when: every edit names its editor (the contract checks it against the session). */
export interface Edit {
  by: string;
  at: string;
}

/** The service to store: the previous one with the draft's fields, or a new one. */
export function serviceFromDraft(d: ServiceDraft, previous: Service | null, edit: Edit): Service {
  return {
    ...(previous ?? {}),
    _id: serviceId(d.code),
    type: 'service',
    code: d.code,
    name: { fr: d.nameFr, en: d.nameEn },
    series: d.series,
    targetWaitMinutes: Number(d.targetWaitMinutes),
    cashDesk: d.cashDesk,
    active: d.active,
    updatedBy: edit.by,
    updatedAt: edit.at,
  };
}

export function counterFromDraft(d: CounterDraft, branch: string, previous: Counter | null, edit: Edit): Counter {
  return {
    ...(previous ?? { services: [] }),
    _id: counterId(branch, d.code),
    type: 'counter',
    branch,
    code: d.code,
    label: d.label,
    cashDesk: d.cashDesk,
    active: d.active,
    updatedBy: edit.by,
    updatedAt: edit.at,
  };
}

export function draftOfService(s: Service | null): ServiceDraft {
  return s
    ? { code: s.code, nameFr: s.name.fr, nameEn: s.name.en, series: s.series, targetWaitMinutes: String(s.targetWaitMinutes), cashDesk: s.cashDesk, active: s.active }
    : { code: '', nameFr: '', nameEn: '', series: '', targetWaitMinutes: '15', cashDesk: false, active: true };
}

export function draftOfCounter(c: Counter | null): CounterDraft {
  return c ? { code: c.code, label: c.label, cashDesk: c.cashDesk, active: c.active !== false } : { code: '', label: '', cashDesk: false, active: true };
}

/**
 * The content of a stored document without its revision: what a change log entry keeps. An
 * attachment (the institution's logo) is kept as what it is, not its bytes: a log entry is a
 * small document.
 */
function content<T extends { _rev?: string }>(doc: T): Omit<T, '_rev'> {
  const { _rev: _, ...rest } = doc as T & { _rev?: string; _attachments?: Record<string, Record<string, unknown>> };
  const atts = (rest as { _attachments?: Record<string, Record<string, unknown>> })._attachments;
  if (!atts) return rest;
  const described = Object.fromEntries(
    Object.entries(atts).map(([name, att]) => [name, { content_type: att.content_type, length: attachmentLength(att) ?? 0, stub: true }]),
  );
  return { ...rest, _attachments: described };
}

/** Only what the editor changes counts: a save that changes nothing is not an edit. */
export function changedFields(before: RefDoc | null, after: RefDoc): string[] {
  const skip = new Set(['_rev', 'updatedBy', 'updatedAt']);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const a = (before ?? {}) as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  return [...keys].filter((k) => !skip.has(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

/**
 * The log entry of one edit (types/ref-change.ts); `uid` is time-sortable so the log reads in
 * order. `after` null: the removal of `before` (a document type).
 */
export function refChangeOf(before: RefDoc | null, after: RefDoc | null, edit: Edit, uid: string): RefChange {
  const doc = (after ?? before)!;
  return {
    _id: refChangeId(doc._id, uid),
    type: 'ref_change',
    target: doc._id,
    ...(doc.type === 'counter' ? { branch: doc.branch } : {}),
    before: before ? content(before) : null,
    after: after ? content(after) : null,
    by: edit.by,
    at: edit.at,
  } as RefChange;
}

/** A counter's services with `service` ticked or not, in the services' order. */
export function withService(counter: Counter, service: string, on: boolean, order: readonly string[]): string[] {
  const set = new Set(counter.services);
  if (on) set.add(service);
  else set.delete(service);
  return order.filter((code) => set.has(code)).concat([...set].filter((code) => !order.includes(code)));
}

/**
 * The active services no active counter of the branch serves: their tickets would wait for
 * ever. A warning, not a refusal (a branch may open a service before its counter is staffed).
 */
export function unservedServices(services: readonly Service[], counters: readonly Counter[]): Service[] {
  const served = new Set(counters.filter((c) => c.active !== false).flatMap((c) => c.services));
  return services.filter((s) => s.active && !served.has(s.code));
}
