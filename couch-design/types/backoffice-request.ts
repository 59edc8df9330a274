import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, DAY, type Problem, contains, isObject } from '../validate/problems.ts';
import { COUNTER_CODE } from '../ids/codes.ts';
import { type BranchFields, checkBranchDay, checkDayUidId, checkRef, dayUidId, parseDayUidId } from './branch-common.ts';
import { parsePersonId } from './person.ts';
import { parseTicketId } from './ticket.ts';
import { parseCaseId } from './case.ts';

export const BACKOFFICE_REQUEST = 'backoffice_request';

/** How the request reached the institution: a counter's "send to back office", a letter, a phone call. */
export const REQUEST_CHANNELS = ['counter', 'letter', 'phone'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** Who asks: the person, or an authority (a ministry, a court) about a person or in general. */
export const REQUESTER_KINDS = ['person', 'authority'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

export const REQUEST_STATUSES = ['new', 'in_progress', 'waiting_documents', 'answered', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** What requests written before the register (issue 11) say for `new`: read as `new`, never written again. */
export const LEGACY_OPEN = 'open';

/**
 * Where a status may go. An answer is final (a wrong one is corrected by a new request); a
 * request is closed when the person has been told, or dropped (a duplicate) before an answer.
 */
export const REQUEST_TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  new: ['in_progress', 'waiting_documents', 'answered', 'closed'],
  in_progress: ['waiting_documents', 'answered', 'closed'],
  waiting_documents: ['in_progress', 'answered', 'closed'],
  answered: ['closed'],
  closed: [],
};

/** One line of the request's history; the list only grows (validate/history.ts). */
export interface RequestNote {
  by: string;
  at: string;
  text: string;
}

/** A request to the back office about a person's case (or an authority's question), answered on the same doc. */
export interface BackofficeRequest extends BaseDoc, BranchFields {
  type: typeof BACKOFFICE_REQUEST;
  channel: RequestChannel;
  requester: RequesterKind;
  /** The authority's name, when it asks. */
  authority?: string;
  /** Required when the person asks; an authority may ask about nobody in particular. */
  person?: string;
  ticket?: string;
  case?: string;
  subject: string;
  message: string;
  status: RequestStatus;
  /** Branch day by which to answer, and the branch day it was set (never before it). */
  dueDate: string;
  dueSetOn: string;
  assignee?: string;
  notes?: RequestNote[];
  requestedBy: string;
  requestedAt: string;
  counter?: string;
  answer?: string;
  answeredBy?: string;
  answeredAt?: string;
  closedBy?: string;
  closedAt?: string;
  updatedAt: string;
}

export const MAX_REQUEST_NOTES = 200;
export const MAX_NOTE = 2000;
export const MAX_AUTHORITY = 200;

export function backofficeRequestId(day: string, uid: string): string {
  return dayUidId('borequest', day, uid);
}

export function parseBackofficeRequestId(id: string): { day: string; uid: string } | null {
  return parseDayUidId(id, 'borequest');
}

/** The status a stored request stands in, reading the old `open` as `new`. */
export function requestStatusOf(status: unknown): RequestStatus | null {
  if (status === LEGACY_OPEN) return 'new';
  return contains(REQUEST_STATUSES, status) ? (status as RequestStatus) : null;
}

export function validateBackofficeRequest(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { day } = checkBranchDay(c);
  c.oneOf('channel', REQUEST_CHANNELS);
  const requester = c.oneOf('requester', REQUESTER_KINDS);
  c.str('authority', { optional: requester !== 'authority', max: MAX_AUTHORITY });
  if (requester === 'person' && doc.authority != null) c.add('authority', 'bad_value');
  checkRef(c, 'person', parsePersonId, requester !== 'person');
  checkRef(c, 'ticket', parseTicketId, true);
  checkRef(c, 'case', parseCaseId, true);
  c.str('subject', { max: 200 });
  c.str('message', { max: 4000 });
  const status = c.oneOf('status', REQUEST_STATUSES);
  const dueSetOn = c.day('dueSetOn');
  const dueDate = c.day('dueDate');
  // Never due before the day it was set (nor set before the request existed).
  if (dueDate !== undefined && dueSetOn !== undefined && dueDate < dueSetOn) c.add('dueDate', 'too_small');
  if (dueSetOn !== undefined && day !== undefined && dueSetOn < day) c.add('dueSetOn', 'too_small');
  c.author('assignee', true);
  checkNotes(c);
  c.author('requestedBy');
  c.instant('requestedAt');
  c.str('counter', { optional: true, pattern: COUNTER_CODE });
  const answered = status === 'answered';
  // An answer belongs to an answered request, or to a closed one that was answered first.
  if (!answered && status !== 'closed' && (doc.answer != null || doc.answeredBy != null)) c.add('answer', 'bad_value');
  c.str('answer', { optional: !answered, max: 4000 });
  c.author('answeredBy', !answered && doc.answer == null);
  c.instant('answeredAt', !answered && doc.answer == null);
  const closed = status === 'closed';
  c.author('closedBy', !closed);
  c.instant('closedAt', !closed);
  if (!closed && doc.closedBy != null) c.add('closedBy', 'bad_value');
  c.instant('updatedAt');
  checkDayUidId(c, 'borequest', day);
  return c.problems;
}

function checkNotes(c: Checker): void {
  const notes = c.doc.notes;
  if (notes == null) return;
  if (!Array.isArray(notes)) return void c.add('notes', 'not_array');
  if (notes.length > MAX_REQUEST_NOTES) return void c.add('notes', 'too_long');
  for (let i = 0; i < notes.length; i++) {
    const n: unknown = notes[i];
    if (!isObject(n)) return void c.add('notes.' + i, 'not_object');
    const note = new Checker(n);
    note.author('by');
    note.instant('at');
    note.str('text', { max: MAX_NOTE });
    for (let j = 0; j < note.problems.length; j++) c.add('notes.' + i + '.' + note.problems[j]!.field, note.problems[j]!.code);
  }
}

/** Set when the request reaches the institution; an update keeps them (the request as received). */
const REQUEST_FIXED = ['branch', 'day', 'channel', 'requester', 'authority', 'person', 'ticket', 'case', 'subject', 'message', 'requestedBy', 'requestedAt', 'counter'];
const ANSWER_FIELDS = ['answer', 'answeredBy', 'answeredAt'];

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The branch day before an instant's UTC day: the writer's day in any time zone is no earlier. */
function dayBefore(instant: unknown): string | null {
  if (typeof instant !== 'string' || !DAY.test(instant.substring(0, 10))) return null;
  const t = Date.UTC(+instant.substring(0, 4), +instant.substring(5, 7) - 1, +instant.substring(8, 10)) - 86400000;
  return new Date(t).toISOString().substring(0, 10);
}

/**
 * What an update may do to a request (validate/history.ts, whoever writes): a closed request is
 * frozen; the status moves along REQUEST_TRANSITIONS; the request as received, an answer once
 * given and earlier notes never change; a due date moved is not set in the past. `creating`:
 * the app knows there is no earlier revision, and a new request is `new`.
 */
export function backofficeRequestChange(doc: AnyDoc, old: AnyDoc | null, creating: boolean): Problem[] {
  if (!old) return creating && doc.status !== 'new' ? [{ field: 'status', code: 'bad_transition' }] : [];
  const was = requestStatusOf(old.status);
  const now = requestStatusOf(doc.status);
  if (was === 'closed') return [{ field: same(doc.answer, old.answer) ? 'status' : 'answer', code: 'immutable' }];
  if (was !== null && now !== null && now !== was && !contains(REQUEST_TRANSITIONS[was], now)) return [{ field: 'status', code: 'bad_transition' }];
  const problems: Problem[] = [];
  // A request written before the register lacks the newer fields: the first update adds them.
  for (let i = 0; i < REQUEST_FIXED.length; i++) {
    const f = REQUEST_FIXED[i]!;
    if (old[f] !== undefined && !same(doc[f], old[f])) problems.push({ field: f, code: 'immutable' });
  }
  if (old.answer != null) for (let i = 0; i < ANSWER_FIELDS.length; i++) if (!same(doc[ANSWER_FIELDS[i]!], old[ANSWER_FIELDS[i]!])) problems.push({ field: ANSWER_FIELDS[i]!, code: 'immutable' });
  const before = Array.isArray(old.notes) ? old.notes : [];
  const after = Array.isArray(doc.notes) ? doc.notes : [];
  if (after.length < before.length) problems.push({ field: 'notes', code: 'immutable' });
  else for (let i = 0; i < before.length; i++) if (!same(after[i], before[i])) problems.push({ field: 'notes.' + i, code: 'immutable' });
  if (doc.dueDate !== old.dueDate || doc.dueSetOn !== old.dueSetOn) {
    const floor = dayBefore(doc.updatedAt);
    if (typeof old.dueSetOn === 'string' && typeof doc.dueSetOn === 'string' && doc.dueSetOn < old.dueSetOn) problems.push({ field: 'dueSetOn', code: 'too_small' });
    else if (floor !== null && typeof doc.dueSetOn === 'string' && doc.dueSetOn < floor) problems.push({ field: 'dueSetOn', code: 'too_small' });
  }
  return problems;
}
