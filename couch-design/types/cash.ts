/** Cash desk money documents. Amounts are integers in minor units of `currency`, never floats. */
import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, CURRENCY, DAY, type Problem } from '../validate/problems.ts';
import { ACCOUNT_NUMBER, COUNTER_CODE, splitId } from '../ids/codes.ts';
import { UID_PATTERN } from '../ids/uid.ts';
import { type BranchFields, checkBranchDay, checkDayUidId, checkRef, dayUidId, parseDayUidId } from './branch-common.ts';
import { parsePersonId } from './person.ts';

export const CASH_SESSION = 'cash_session';

/** A cashier's till from opening to closing. Opened once, closed once, then frozen. */
export interface CashSession extends BaseDoc, BranchFields {
  type: typeof CASH_SESSION;
  counter: string;
  cashier: string;
  currency: string;
  openingFloat: number;
  openedAt: string;
  state: 'open' | 'closed';
  closedAt?: string;
  /** What the cashier counted in the drawer at closing. */
  countedAmount?: number;
  /** What the entries say should be there (float + receipts − payments), stored for the report. */
  expectedAmount?: number;
  closedBy?: string;
}

/** Fields fixed at opening; closing may only add the closing fields. */
export const CASH_SESSION_OPENING_FIELDS = ['branch', 'day', 'counter', 'cashier', 'currency', 'openingFloat', 'openedAt'] as const;

export function cashSessionId(day: string, counter: string, uid: string): string {
  return 'cashsession:' + day + ':' + counter + ':' + uid;
}

export function parseCashSessionId(id: string): { day: string; counter: string; uid: string } | null {
  const p = splitId(id, 'cashsession', 3);
  if (!p || !DAY.test(p[0]!) || !COUNTER_CODE.test(p[1]!) || !UID_PATTERN.test(p[2]!)) return null;
  return { day: p[0]!, counter: p[1]!, uid: p[2]! };
}

export function validateCashSession(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { day } = checkBranchDay(c);
  const counter = c.str('counter', { pattern: COUNTER_CODE });
  c.author('cashier');
  c.str('currency', { pattern: CURRENCY });
  c.int('openingFloat', { min: 0 });
  c.instant('openedAt');
  const closed = c.oneOf('state', ['open', 'closed']) === 'closed';
  c.instant('closedAt', !closed);
  c.int('countedAmount', { optional: !closed, min: 0 });
  c.int('expectedAmount', { optional: true });
  c.author('closedBy', !closed);
  const id = typeof doc._id === 'string' ? parseCashSessionId(doc._id) : null;
  if (!id || (day !== undefined && id.day !== day) || (counter !== undefined && id.counter !== counter)) c.add('_id', 'bad_id');
  return c.problems;
}

export const CASH_ENTRY = 'cash_entry';

export const CASH_KINDS = ['receipt', 'payment'] as const;
export const CASH_CATEGORIES = ['contribution', 'punctual_payment', 'daily_allowance', 'adjustment', 'reversal'] as const;
export type CashKind = (typeof CASH_KINDS)[number];
export type CashCategory = (typeof CASH_CATEGORIES)[number];

/**
 * Money in (receipt) or out (payment). Immutable: a mistake is undone by a `reversal`
 * entry of the opposite kind naming the entry it `reverses`.
 */
export interface CashEntry extends BaseDoc, BranchFields {
  type: typeof CASH_ENTRY;
  session: string;
  kind: CashKind;
  category: CashCategory;
  /** Integer minor units, > 0; the direction is in `kind`. */
  amount: number;
  currency: string;
  person: string;
  /** Employer account number the money is booked to, when there is one. */
  account?: string;
  /** As printed on the receipt: 'COT 2TR 2013'. */
  designation: string;
  documentNumber: string;
  reverses?: string;
  agent: string;
  counter: string;
  at: string;
}

export function cashEntryId(day: string, uid: string): string {
  return dayUidId('cash', day, uid);
}

export function parseCashEntryId(id: string): { day: string; uid: string } | null {
  return parseDayUidId(id, 'cash');
}

export function validateCashEntry(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { day } = checkBranchDay(c);
  checkRef(c, 'session', parseCashSessionId);
  c.oneOf('kind', CASH_KINDS);
  const category = c.oneOf('category', CASH_CATEGORIES);
  c.int('amount', { min: 1 });
  c.str('currency', { pattern: CURRENCY });
  checkRef(c, 'person', parsePersonId);
  c.str('account', { optional: true, pattern: ACCOUNT_NUMBER });
  c.str('designation', { max: 120 });
  c.str('documentNumber', { max: 40 });
  const reverses = checkRef(c, 'reverses', parseCashEntryId, true);
  if (category === 'reversal' && doc.reverses == null) c.add('reverses', 'required');
  if (reverses !== undefined && category !== undefined && category !== 'reversal') c.add('category', 'bad_value');
  if (reverses !== undefined && reverses === doc._id) c.add('reverses', 'bad_ref');
  c.author('agent');
  c.str('counter', { pattern: COUNTER_CODE });
  c.instant('at');
  checkDayUidId(c, 'cash', day);
  return c.problems;
}
