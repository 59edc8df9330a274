import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, DAY, type Problem } from '../validate/problems.ts';
import { BRANCH_CODE_PATTERN, COUNTER_CODE, splitId } from '../ids/codes.ts';
import { DEVICE_ID_PATTERN, UID_PATTERN } from '../ids/uid.ts';
import { type BranchFields, checkBranchDay } from './branch-common.ts';
import { COUNTER_STATUSES, type CounterStatus } from './counter-state.ts';

export const COUNTER_EVENT = 'counter_event';

export const COUNTER_ACTIONS = ['opened', 'paused', 'resumed', 'closed'] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];

/**
 * A counter changed status (immutable log). `counter_state` only says what is true now; agent
 * busy and idle time need the past, so each change records the period it ends: `busyMs` and
 * `idleMs` of an open period (serving a ticket / not), `pausedMs` of a pause.
 */
export interface CounterEvent extends BaseDoc, BranchFields {
  type: typeof COUNTER_EVENT;
  counter: string;
  agent: string;
  device: string;
  action: CounterAction;
  at: string;
  /** Local hour (0–23) of `at` in the branch's time zone: the hour-of-day statistics. */
  hour: number;
  /** Status of the period this change ends. */
  from: CounterStatus;
  busyMs: number;
  idleMs: number;
  pausedMs: number;
}

/** `counterevent:<branch>:<day>:<counter>:<uid>`: a counter's day is one key range, in time order. */
export function counterEventId(branch: string, day: string, counter: string, uid: string): string {
  return 'counterevent:' + branch + ':' + day + ':' + counter + ':' + uid;
}

export function parseCounterEventId(id: unknown): { branch: string; day: string; counter: string; uid: string } | null {
  const p = splitId(id, 'counterevent', 4);
  if (!p || !BRANCH_CODE_PATTERN.test(p[0]!) || !DAY.test(p[1]!) || !COUNTER_CODE.test(p[2]!) || !UID_PATTERN.test(p[3]!)) return null;
  return { branch: p[0]!, day: p[1]!, counter: p[2]!, uid: p[3]! };
}

export function validateCounterEvent(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { branch, day } = checkBranchDay(c);
  const counter = c.str('counter', { pattern: COUNTER_CODE });
  c.author('agent');
  c.str('device', { pattern: DEVICE_ID_PATTERN });
  c.oneOf('action', COUNTER_ACTIONS);
  c.instant('at');
  c.int('hour', { min: 0, max: 23 });
  c.oneOf('from', COUNTER_STATUSES);
  c.int('busyMs', { min: 0 });
  c.int('idleMs', { min: 0 });
  c.int('pausedMs', { min: 0 });
  const id = parseCounterEventId(doc._id);
  if (!id || (branch !== undefined && id.branch !== branch) || (day !== undefined && id.day !== day) || (counter !== undefined && id.counter !== counter))
    c.add('_id', 'bad_id');
  return c.problems;
}
