import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, type Problem } from '../validate/problems.ts';
import { BRANCH_CODE_PATTERN, COUNTER_CODE, SERVICE_CODE, splitId } from '../ids/codes.ts';
import { DEVICE_ID_PATTERN } from '../ids/uid.ts';
import { checkRef } from './branch-common.ts';
import { parseTicketId } from './ticket.ts';

export const COUNTER_STATE = 'counter_state';

export const COUNTER_STATUSES = ['closed', 'open', 'paused'] as const;
export type CounterStatus = (typeof COUNTER_STATUSES)[number];

/** Who sits at a counter now and which ticket they serve; drives the display screens. */
export interface CounterState extends BaseDoc {
  type: typeof COUNTER_STATE;
  branch: string;
  counter: string;
  status: CounterStatus;
  agent?: string;
  currentTicket?: string;
  /** Services the agent takes right now, a subset of the counter's matrix row. */
  services?: string[];
  updatedAt: string;
  device?: string;
  /** When the current status began; with busyMs/idleMs (the open period so far, up to
   * updatedAt), what a status change needs to log the period it ends (counter_event). */
  statusSince?: string;
  busyMs?: number;
  idleMs?: number;
}

/** `counterstate:<branch>:<counter>`: one per counter; branch in the id for fo_central. */
export function counterStateId(branch: string, counter: string): string {
  return 'counterstate:' + branch + ':' + counter;
}

export function parseCounterStateId(id: string): { branch: string; counter: string } | null {
  const p = splitId(id, 'counterstate', 2);
  if (!p || !BRANCH_CODE_PATTERN.test(p[0]!) || !COUNTER_CODE.test(p[1]!)) return null;
  return { branch: p[0]!, counter: p[1]! };
}

export function validateCounterState(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const branch = c.str('branch', { pattern: BRANCH_CODE_PATTERN });
  const counter = c.str('counter', { pattern: COUNTER_CODE });
  c.oneOf('status', COUNTER_STATUSES);
  c.author('agent', true);
  checkRef(c, 'currentTicket', parseTicketId, true);
  c.strList('services', SERVICE_CODE, false, true);
  c.instant('updatedAt');
  c.str('device', { optional: true, pattern: DEVICE_ID_PATTERN });
  c.instant('statusSince', true);
  c.int('busyMs', { min: 0, optional: true });
  c.int('idleMs', { min: 0, optional: true });
  c.id(branch && counter && counterStateId(branch, counter));
  return c.problems;
}
