import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, DAY, type Problem, isInt } from '../validate/problems.ts';
import { BRANCH_CODE_PATTERN, COUNTER_CODE, SERIES, SERVICE_CODE, splitId } from '../ids/codes.ts';
import { DEVICE_ID_PATTERN, UID_PATTERN } from '../ids/uid.ts';
import { type BranchFields, checkBranchDay, checkRef } from './branch-common.ts';
import { DETAILS_LIMITS, checkTree } from '../validate/limits.ts';
import { parsePersonId } from './person.ts';

export const TICKET = 'ticket';

export const TICKET_STATES = ['waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'transferred', 'closed'] as const;
export type TicketState = (typeof TICKET_STATES)[number];
export const PRIORITIES = ['elderly', 'disabled', 'pregnant', 'appointment'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A queue ticket: mutable current state. Its history is in visit events. */
export interface Ticket extends BaseDoc, BranchFields {
  type: typeof TICKET;
  service: string;
  series: string;
  seq: number;
  /** Printed and called label: series + seq on 3 digits (A012). */
  label: string;
  issuedAt: string;
  device: string;
  personId?: string;
  priority?: Priority;
  note?: string;
  state: TicketState;
  counter?: string;
  agent?: string;
  /** When it joined its current queue (issue, transfer, resume); the waiting order. Default issuedAt. */
  queuedAt?: string;
  /** Put at the front of its queue by a transfer. */
  front?: boolean;
  /** Last call: offline double calls are resolved by the earliest one. */
  calledAt?: string;
  /** Start of service (start, or a walk-in): the `done` event's service time runs from here. */
  servingAt?: string;
  recalls?: number;
  /** How the visit ended (finish code, `end_of_day`…). */
  outcome?: string;
}

/** Outcome and close-reason codes. */
export const OUTCOME_CODE = /^[a-z][a-z0-9_]{0,31}$/;

export interface TicketKey {
  branch: string;
  day: string;
  series: string;
  seq: number;
}

function pad(n: number, width: number): string {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}

/**
 * `ticket:<branch>:<day>:<series>:<seq 4 digits>`. The branch is in the id because every
 * branch database replicates into fo_central, where A012 of two branches would collide.
 */
export function ticketId(k: TicketKey): string {
  return 'ticket:' + k.branch + ':' + k.day + ':' + k.series + ':' + pad(k.seq, 4);
}

export function parseTicketId(id: string): TicketKey | null {
  const p = splitId(id, 'ticket', 4);
  if (!p || !BRANCH_CODE_PATTERN.test(p[0]!) || !DAY.test(p[1]!) || !SERIES.test(p[2]!) || !/^\d{4}$/.test(p[3]!)) return null;
  return { branch: p[0]!, day: p[1]!, series: p[2]!, seq: parseInt(p[3]!, 10) };
}

export function ticketLabel(series: string, seq: number): string {
  return series + pad(seq, 3);
}

export function validateTicket(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { branch, day } = checkBranchDay(c);
  c.str('service', { pattern: SERVICE_CODE });
  const series = c.str('series', { pattern: SERIES });
  const seq = c.int('seq', { min: 1, max: 9999 });
  const label = c.str('label');
  c.instant('issuedAt');
  c.str('device', { pattern: DEVICE_ID_PATTERN });
  checkRef(c, 'personId', parsePersonId, true);
  c.oneOf('priority', PRIORITIES, true);
  c.str('note', { optional: true, max: 1000 });
  c.oneOf('state', TICKET_STATES);
  c.str('counter', { optional: true, pattern: COUNTER_CODE });
  c.author('agent', true);
  c.instant('queuedAt', true);
  c.bool('front', true);
  c.instant('calledAt', true);
  c.instant('servingAt', true);
  c.int('recalls', { min: 0, max: 99, optional: true });
  c.str('outcome', { optional: true, pattern: OUTCOME_CODE });
  if (series !== undefined && seq !== undefined && label !== undefined && label !== ticketLabel(series, seq)) c.add('label', 'bad_format');
  if (branch && day && series && seq) c.id(ticketId({ branch, day, series, seq }));
  return c.problems;
}

export const VISIT_EVENT = 'visit_event';

export const VISIT_ACTIONS = [
  'issued',
  'called',
  'recalled',
  'serving',
  'parked',
  'resumed',
  'transferred',
  'done',
  'no_show',
  'closed',
  'noted',
] as const;
export type VisitAction = (typeof VISIT_ACTIONS)[number];

/** One step in a ticket's life, immutable: statistics are computed from these. */
export interface VisitEvent extends BaseDoc, BranchFields {
  type: typeof VISIT_EVENT;
  ticket: string;
  /** Service of the ticket when it happened (transfers change it). */
  service: string;
  action: VisitAction;
  at: string;
  /** Local hour (0–23) of `at` in the branch's time zone, for hour-of-day statistics. */
  hour?: number;
  counter?: string;
  agent: string;
  device: string;
  /** Free-form within DETAILS_LIMITS, except the durations statistics read: see STAT_DETAILS. */
  details?: Record<string, unknown>;
}

/**
 * Durations put on events when they are written, because a view's map sees one document:
 * `called` carries waitMs (queued → called) and withinTarget (waitMs ≤ the service's target
 * then in force); `done` carries serviceMs (start of service → done).
 */
export const STAT_DETAILS = ['waitMs', 'serviceMs'] as const;

function checkStatDetails(c: Checker, details: AnyDoc | undefined): void {
  if (!details) return;
  for (let i = 0; i < STAT_DETAILS.length; i++) {
    const v = details[STAT_DETAILS[i]!];
    if (v !== undefined && (!isInt(v) || v < 0)) c.add('details.' + STAT_DETAILS[i], 'bad_value');
  }
  if (details.withinTarget !== undefined && typeof details.withinTarget !== 'boolean') c.add('details.withinTarget', 'not_boolean');
}

/** `visit:<day>:<series>:<seq>:<uid>`: a ticket's events are one key range, in time order. */
export function visitEventId(k: Omit<TicketKey, 'branch'>, uid: string): string {
  return 'visit:' + k.day + ':' + k.series + ':' + pad(k.seq, 4) + ':' + uid;
}

export function parseVisitEventId(id: string): (Omit<TicketKey, 'branch'> & { uid: string }) | null {
  const p = splitId(id, 'visit', 4);
  if (!p || !DAY.test(p[0]!) || !SERIES.test(p[1]!) || !/^\d{4}$/.test(p[2]!) || !UID_PATTERN.test(p[3]!)) return null;
  return { day: p[0]!, series: p[1]!, seq: parseInt(p[2]!, 10), uid: p[3]! };
}

export function validateVisitEvent(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { branch, day } = checkBranchDay(c);
  const ticket = c.str('ticket');
  c.str('service', { pattern: SERVICE_CODE });
  c.oneOf('action', VISIT_ACTIONS);
  c.instant('at');
  c.int('hour', { min: 0, max: 23, optional: true });
  c.str('counter', { optional: true, pattern: COUNTER_CODE });
  c.author('agent');
  c.str('device', { pattern: DEVICE_ID_PATTERN });
  checkStatDetails(c, checkTree(c, 'details', DETAILS_LIMITS, true));
  const id = typeof doc._id === 'string' ? parseVisitEventId(doc._id) : null;
  if (!id || (day !== undefined && id.day !== day)) c.add('_id', 'bad_id');
  else if (ticket !== undefined && branch !== undefined && ticket !== ticketId({ branch, day: id.day, series: id.series, seq: id.seq }))
    c.add('ticket', 'bad_ref');
  return c.problems;
}
