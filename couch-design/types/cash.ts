/**
 * Cash sessions: a cashier's till at one cash desk from opening to closing. Amounts are
 * integers in minor units of `currency`, never floats. Entries are in cash-entry.ts.
 *
 * One session at a time per desk, by construction: a desk's sessions are numbered 1, 2, 3 …
 * and the number is in the id (`cashsession:<branch>:<counter>:<seq>`). Opening session n + 1
 * is a create-only write of a known id, so two devices opening the same desk get a 409 online,
 * and a CouchDB conflict on that one id when both were offline (the audit reports it).
 *
 * Life: `open` → (blind count by its cashier) → `closed`, or → `counted` when |variance| is
 * above the threshold fixed at opening, then → `closed` by a supervisor's sign-off. A closed
 * session is frozen; no session is ever deleted (validate/history.ts).
 */
import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, CURRENCY, type Problem, isInt } from '../validate/problems.ts';
import { BRANCH_CODE_PATTERN, COUNTER_CODE, splitId } from '../ids/codes.ts';
import { type BranchFields, checkBranchDay } from './branch-common.ts';
import { MAX_CASH_AMOUNT, MAX_DENOMINATIONS } from './cash-config.ts';

export const CASH_SESSION = 'cash_session';
export const CASH_SESSION_STATES = ['open', 'counted', 'closed'] as const;
export type CashSessionState = (typeof CASH_SESSION_STATES)[number];

/** A drawer counted note by note: [denomination, how many], denominations decreasing. */
export type CountLine = [denomination: number, count: number];

export interface CashSession extends BaseDoc, BranchFields {
  type: typeof CASH_SESSION;
  counter: string;
  /** The desk's session number, 1, 2, 3 … (in the id). */
  seq: number;
  cashier: string;
  currency: string;
  openedAt: string;
  openingFloat: number;
  /** The float counted by denomination, when it was (sums to openingFloat). */
  openingCount?: CountLine[];
  /** The session's first document number: the desk's previous session's lastNumber + 1 (1 for its first). */
  firstNumber: number;
  /** Copied from the configuration at opening, so the server can hold the closing to it. */
  varianceThreshold: number;
  reversalThreshold: number;
  state: CashSessionState;
  /** Blind count, by the cashier: what the drawer holds, entered before seeing what it should. */
  countedAt?: string;
  countedAmount?: number;
  closingCount?: CountLine[];
  /** Opening float + cash effects of the session's entries (app/cash/totals.ts). */
  expectedAmount?: number;
  /** countedAmount − expectedAmount: negative is a shortage. */
  variance?: number;
  /** The last document number the session used (firstNumber − 1 when it used none). */
  lastNumber?: number;
  closedBy?: string;
  closedAt?: string;
  /** A supervisor, when |variance| > varianceThreshold. */
  signedOffBy?: string;
  signedOffAt?: string;
}

/** Fields fixed at opening. */
export const CASH_SESSION_OPENING_FIELDS = [
  'branch', 'day', 'counter', 'seq', 'cashier', 'currency', 'openedAt', 'openingFloat', 'openingCount',
  'firstNumber', 'varianceThreshold', 'reversalThreshold',
] as const;
/** Fields the cashier's blind count adds. */
export const CASH_SESSION_COUNT_FIELDS = ['countedAt', 'countedAmount', 'closingCount', 'expectedAmount', 'variance', 'lastNumber', 'closedBy'] as const;
/** Fields the closing adds (the cashier's, or the supervisor's sign-off). */
export const CASH_SESSION_CLOSE_FIELDS = ['closedAt', 'signedOffBy', 'signedOffAt'] as const;

export const MAX_SESSION_SEQ = 999999;
export const MAX_DOCUMENT_NUMBER = 99999999;
const MAX_PIECES = 1000000;

function pad(n: number, width: number): string {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}

export function cashSessionId(branch: string, counter: string, seq: number): string {
  return 'cashsession:' + branch + ':' + counter + ':' + pad(seq, 6);
}

export function parseCashSessionId(id: unknown): { branch: string; counter: string; seq: number } | null {
  const p = splitId(id, 'cashsession', 3);
  if (!p || !BRANCH_CODE_PATTERN.test(p[0]!) || !COUNTER_CODE.test(p[1]!) || !/^\d{6}$/.test(p[2]!)) return null;
  const seq = parseInt(p[2]!, 10);
  return seq >= 1 ? { branch: p[0]!, counter: p[1]!, seq } : null;
}

export function padDocumentNumber(n: number): string {
  return pad(n, 8);
}

/** Sum of a count, or null when it is not a list of [denomination, count] with decreasing denominations. */
export function countTotal(v: unknown): number | null {
  if (!Array.isArray(v) || v.length > MAX_DENOMINATIONS) return null;
  let total = 0;
  for (let i = 0; i < v.length; i++) {
    const line: unknown = v[i];
    if (!Array.isArray(line) || line.length !== 2) return null;
    const d: unknown = line[0];
    const n: unknown = line[1];
    if (!isInt(d) || d < 1 || d > MAX_CASH_AMOUNT || !isInt(n) || n < 0 || n > MAX_PIECES) return null;
    if (i > 0 && d >= (v[i - 1] as number[])[0]!) return null;
    total += d * n;
  }
  return total;
}

function checkCount(c: Checker, field: string, amount: number | undefined, optional: boolean): void {
  if (c.doc[field] == null) {
    if (!optional) c.add(field, 'required');
    return;
  }
  const total = countTotal(c.doc[field]);
  if (total === null) c.add(field, 'bad_format');
  else if (amount !== undefined && total !== amount) c.add(field, 'bad_value');
}

function absent(c: Checker, fields: readonly string[]): void {
  for (let i = 0; i < fields.length; i++) if (c.doc[fields[i]!] != null) c.add(fields[i]!, 'bad_value');
}

export function validateCashSession(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { branch } = checkBranchDay(c);
  const counter = c.str('counter', { pattern: COUNTER_CODE });
  const seq = c.int('seq', { min: 1, max: MAX_SESSION_SEQ });
  const cashier = c.author('cashier');
  c.str('currency', { pattern: CURRENCY });
  c.instant('openedAt');
  const float = c.int('openingFloat', { min: 0, max: MAX_CASH_AMOUNT });
  checkCount(c, 'openingCount', float, true);
  const first = c.int('firstNumber', { min: 1, max: MAX_DOCUMENT_NUMBER });
  const threshold = c.int('varianceThreshold', { min: 0, max: MAX_CASH_AMOUNT });
  c.int('reversalThreshold', { min: 0, max: MAX_CASH_AMOUNT });
  const state = c.oneOf('state', CASH_SESSION_STATES);
  const counted = state === 'counted' || state === 'closed';
  c.instant('countedAt', !counted);
  const amount = c.int('countedAmount', { optional: !counted, min: 0, max: MAX_CASH_AMOUNT });
  checkCount(c, 'closingCount', amount, true);
  const expected = c.int('expectedAmount', { optional: !counted, min: -MAX_CASH_AMOUNT, max: MAX_CASH_AMOUNT });
  const variance = c.int('variance', { optional: !counted, min: -2 * MAX_CASH_AMOUNT, max: 2 * MAX_CASH_AMOUNT });
  const last = c.int('lastNumber', { optional: !counted, min: 0, max: MAX_DOCUMENT_NUMBER });
  c.author('closedBy', !counted);
  const closed = state === 'closed';
  c.instant('closedAt', !closed);
  const large = variance !== undefined && threshold !== undefined && Math.abs(variance) > threshold;
  const signer = c.author('signedOffBy', !(closed && large));
  c.instant('signedOffAt', signer === undefined);
  if (amount !== undefined && expected !== undefined && variance !== undefined && variance !== amount - expected) c.add('variance', 'bad_value');
  if (first !== undefined && last !== undefined && last < first - 1) c.add('lastNumber', 'too_small');
  // The blind count is the cashier's own (validate/authors.ts); the sign-off is someone else's.
  if (signer !== undefined && signer === cashier) c.add('signedOffBy', 'bad_value');
  // `counted` exists only while a large variance waits for its sign-off.
  if (state === 'counted' && variance !== undefined && threshold !== undefined && !large) c.add('state', 'bad_value');
  if (!counted) absent(c, CASH_SESSION_COUNT_FIELDS);
  if (!closed) absent(c, CASH_SESSION_CLOSE_FIELDS);
  const id = parseCashSessionId(doc._id);
  if (!id || (branch !== undefined && id.branch !== branch) || (counter !== undefined && id.counter !== counter) || (seq !== undefined && id.seq !== seq)) c.add('_id', 'bad_id');
  return c.problems;
}
