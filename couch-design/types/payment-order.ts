/**
 * A payment the back office authorised (punctual payment, daily allowance, adjustment): the
 * only thing a cashier may pay out. Paid once: `authorised` → `paid` by a cashier, naming the
 * payment entry, or → `cancelled` by the back office; then frozen, never deleted.
 *
 * Paying is an update of this document with its `_rev`: online, the second of two desks gets
 * a 409. Two desks that were both offline each write a revision 2 from the same revision 1:
 * CouchDB keeps both as a conflict on this one document, and the two payment entries both name
 * it; the audit (app/cash/audit.ts) reports the order as paid twice for the supervisor to recover.
 */
import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, CURRENCY, type Problem } from '../validate/problems.ts';
import { BRANCH_CODE_PATTERN, COUNTER_CODE, splitId } from '../ids/codes.ts';
import { UID_PATTERN } from '../ids/uid.ts';
import { type BranchFields, checkBranchDay, checkRef } from './branch-common.ts';
import { MAX_CASH_AMOUNT } from './cash-config.ts';
import { parsePersonId } from './person.ts';

export const PAYMENT_ORDER = 'payment_order';
export const PAYMENT_ORDER_STATES = ['authorised', 'paid', 'cancelled'] as const;
export type PaymentOrderState = (typeof PAYMENT_ORDER_STATES)[number];

export interface PaymentOrder extends BaseDoc, BranchFields {
  type: typeof PAYMENT_ORDER;
  /** `person:<number>` of whom is paid. */
  beneficiary: string;
  kind: 'punctual_payment' | 'daily_allowance' | 'adjustment';
  /** What it pays for, as printed: 'IJ 01/03–15/03/2024', 'PF T1 2024'. */
  designation: string;
  amount: number;
  currency: string;
  authorisedBy: string;
  authorisedAt: string;
  state: PaymentOrderState;
  /** Paid: the cash entry, its desk and cashier. */
  entry?: string;
  counter?: string;
  paidBy?: string;
  paidAt?: string;
  cancelledBy?: string;
  cancelledAt?: string;
  cancelReason?: string;
}

/** Fields the payment adds; every other field is fixed once authorised. */
export const PAYMENT_ORDER_PAID_FIELDS = ['entry', 'counter', 'paidBy', 'paidAt'] as const;
export const PAYMENT_ORDER_CANCEL_FIELDS = ['cancelledBy', 'cancelledAt', 'cancelReason'] as const;

/** `payorder:<branch>:<uid>`: orders are assigned to the branch whose desks pay them. */
export function paymentOrderId(branch: string, uid: string): string {
  return 'payorder:' + branch + ':' + uid;
}

export function parsePaymentOrderId(id: unknown): { branch: string; uid: string } | null {
  const p = splitId(id, 'payorder', 2);
  if (!p || !BRANCH_CODE_PATTERN.test(p[0]!) || !UID_PATTERN.test(p[1]!)) return null;
  return { branch: p[0]!, uid: p[1]! };
}

function absent(c: Checker, fields: readonly string[], allowed: boolean): void {
  if (!allowed) for (let i = 0; i < fields.length; i++) if (c.doc[fields[i]!] != null) c.add(fields[i]!, 'bad_value');
}

/** `cash:<branch>:<counter>:<8 digits>` (cash-entry.ts imports this module, so it is not imported back). */
function parseCashEntryIdLoose(id: string): { branch: string; counter: string } | null {
  const p = splitId(id, 'cash', 3);
  return p && /^\d{8}$/.test(p[2]!) ? { branch: p[0]!, counter: p[1]! } : null;
}

export function validatePaymentOrder(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { branch } = checkBranchDay(c);
  checkRef(c, 'beneficiary', parsePersonId);
  c.oneOf('kind', ['punctual_payment', 'daily_allowance', 'adjustment']);
  c.str('designation', { max: 120 });
  c.int('amount', { min: 1, max: MAX_CASH_AMOUNT });
  c.str('currency', { pattern: CURRENCY });
  c.author('authorisedBy');
  c.instant('authorisedAt');
  const state = c.oneOf('state', PAYMENT_ORDER_STATES);
  const paid = state === 'paid';
  const cancelled = state === 'cancelled';
  const entry = c.str('entry', { optional: !paid });
  c.str('counter', { optional: !paid, pattern: COUNTER_CODE });
  c.author('paidBy', !paid);
  c.instant('paidAt', !paid);
  c.author('cancelledBy', !cancelled);
  c.instant('cancelledAt', !cancelled);
  c.str('cancelReason', { optional: !cancelled, max: 200 });
  absent(c, PAYMENT_ORDER_PAID_FIELDS, paid);
  absent(c, PAYMENT_ORDER_CANCEL_FIELDS, cancelled);
  // The entry is one of this branch's cash entries, at the desk named.
  const e = entry !== undefined ? parseCashEntryIdLoose(entry) : null;
  if (entry !== undefined && (!e || e.branch !== branch || e.counter !== doc.counter)) c.add('entry', 'bad_ref');
  const id = parsePaymentOrderId(doc._id);
  if (!id || (branch !== undefined && id.branch !== branch)) c.add('_id', 'bad_id');
  return c.problems;
}
