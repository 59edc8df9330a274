/**
 * Cash entries: every document number of a cash desk's sequence is one entry — a receipt
 * (money in), a payment (money out), a reversal, or a voided number. Immutable: a mistake is
 * never edited, it is undone by a `reversal` entry naming the entry it cancels; a number that
 * will not be used is a `void` entry with its reason, so the sequence has no unexplained gap.
 *
 * The number is in the id (`cash:<branch>:<counter>:<8 digits>`): online a second write of a
 * number gets a 409; two offline devices writing the same number make a CouchDB conflict on
 * that one id, which the audit (app/cash/audit.ts) reports. Each entry carries `prevHash`,
 * the SHA-256 of the canonical form of the desk's previous entry (app/cash/chain.ts).
 * Amounts are integers in minor units, > 0; the direction is in `kind`.
 */
import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, CURRENCY, type Problem, contains } from '../validate/problems.ts';
import { ACCOUNT_NUMBER, BRANCH_CODE_PATTERN, COUNTER_CODE, PERIOD, splitId } from '../ids/codes.ts';
import { type BranchFields, checkBranchDay, checkRef } from './branch-common.ts';
import { MAX_CASH_AMOUNT } from './cash-config.ts';
import { MAX_DOCUMENT_NUMBER, padDocumentNumber, parseCashSessionId } from './cash.ts';
import { parsePersonId } from './person.ts';
import { parsePaymentOrderId } from './payment-order.ts';

export const CASH_ENTRY = 'cash_entry';

/** `void` is a number given up (with its reason); a reversal keeps the kind of the entry it reverses. */
export const CASH_KINDS = ['receipt', 'payment', 'void'] as const;
export const CASH_CATEGORIES = ['contribution', 'punctual_payment', 'daily_allowance', 'adjustment', 'reversal', 'void'] as const;
export const PAYMENT_CATEGORIES = ['punctual_payment', 'daily_allowance', 'adjustment'] as const;
export const PAYMENT_MEANS = ['cash', 'cheque', 'transfer', 'mobile_money'] as const;
export type CashKind = (typeof CASH_KINDS)[number];
export type CashCategory = (typeof CASH_CATEGORIES)[number];
export type PaymentCategory = (typeof PAYMENT_CATEGORIES)[number];
export type PaymentMeans = (typeof PAYMENT_MEANS)[number];

/** The hash the desk's first entry names as its previous one. */
export const GENESIS_HASH = '0000000000000000000000000000000000000000000000000000000000000000';
const HASH = /^[0-9a-f]{64}$/;
const CHEQUE_NUMBER = /^[0-9A-Z-]{1,20}$/;
/** Bank transfer or mobile-money transaction references. */
const REFERENCE = /^[0-9A-Za-z][0-9A-Za-z./_-]{0,39}$/;
/** The number of the identity document a beneficiary showed. */
const ID_DOCUMENT = /^[0-9A-Za-z][0-9A-Za-z -]{2,29}$/;

export interface CashEntry extends BaseDoc, BranchFields {
  type: typeof CASH_ENTRY;
  counter: string;
  /** The document number, next in the desk's sequence (in the id). */
  number: number;
  session: string;
  agent: string;
  at: string;
  kind: CashKind;
  category: CashCategory;
  /** Absent on a void. */
  amount?: number;
  currency: string;
  means?: PaymentMeans;
  /** Cheque: bank and cheque number. */
  bank?: string;
  chequeNumber?: string;
  /** Transfer, mobile money: the transaction reference. */
  reference?: string;
  /** Payer (employer) or beneficiary: `person:<number>`. */
  person?: string;
  /** Employer account the money is booked to (415120). */
  account?: string;
  /** Contribution periods paid (2013-Q2, 2013-05): the designation is built from them. */
  periods?: string[];
  /** As printed and in the journal: 'COT 2TR 2013'. */
  designation?: string;
  /** Payment: the back office's payment order (`payorder:…`) it settles. */
  order?: string;
  /** Payment: the identity document the beneficiary showed. */
  idDocument?: string;
  /** Reversal: the entry it cancels, same desk, earlier number. */
  reverses?: string;
  /** Reversal above the session's threshold: the supervisor's `cashapproval:…`. */
  approval?: string;
  /** Reversal and void: why. */
  reason?: string;
  /** SHA-256 (hex) of the canonical form of the desk's previous entry; GENESIS_HASH for its first. */
  prevHash: string;
}

export function cashEntryId(branch: string, counter: string, number: number): string {
  return 'cash:' + branch + ':' + counter + ':' + padDocumentNumber(number);
}

export function parseCashEntryId(id: unknown): { branch: string; counter: string; number: number } | null {
  const p = splitId(id, 'cash', 3);
  if (!p || !BRANCH_CODE_PATTERN.test(p[0]!) || !COUNTER_CODE.test(p[1]!) || !/^\d{8}$/.test(p[2]!)) return null;
  const number = parseInt(p[2]!, 10);
  return number >= 1 ? { branch: p[0]!, counter: p[1]!, number } : null;
}

function only(c: Checker, fields: readonly string[], allowed: boolean): void {
  if (allowed) return;
  for (let i = 0; i < fields.length; i++) if (c.doc[fields[i]!] != null) c.add(fields[i]!, 'bad_value');
}

export function validateCashEntry(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { branch } = checkBranchDay(c);
  const counter = c.str('counter', { pattern: COUNTER_CODE });
  const number = c.int('number', { min: 1, max: MAX_DOCUMENT_NUMBER });
  const session = checkRef(c, 'session', parseCashSessionId);
  c.author('agent');
  c.instant('at');
  const kind = c.oneOf('kind', CASH_KINDS);
  const category = c.oneOf('category', CASH_CATEGORIES);
  c.str('currency', { pattern: CURRENCY });
  c.str('prevHash', { pattern: HASH });
  const isVoid = kind === 'void';
  const reversal = category === 'reversal';
  const payment = kind === 'payment' && !reversal;
  const contribution = category === 'contribution';
  // Kind and category go together: a void is both, receipts are contributions, payments are benefits.
  if (kind !== undefined && category !== undefined) {
    const fits = isVoid
      ? category === 'void'
      : reversal || (kind === 'receipt' ? contribution : contains(PAYMENT_CATEGORIES, category));
    if (!fits) c.add('category', 'bad_value');
  }
  c.int('amount', { optional: isVoid, min: 1, max: MAX_CASH_AMOUNT });
  const means = c.oneOf('means', PAYMENT_MEANS, isVoid);
  c.str('bank', { optional: means !== 'cheque', max: 60 });
  c.str('chequeNumber', { optional: means !== 'cheque', pattern: CHEQUE_NUMBER });
  c.str('reference', { optional: means !== 'transfer' && means !== 'mobile_money', pattern: REFERENCE });
  only(c, ['bank', 'chequeNumber'], means === 'cheque');
  only(c, ['reference'], means === 'transfer' || means === 'mobile_money');
  checkRef(c, 'person', parsePersonId, isVoid || reversal);
  c.str('account', { optional: !contribution, pattern: ACCOUNT_NUMBER });
  c.strList('periods', PERIOD, true, !contribution, 24);
  c.str('designation', { optional: isVoid, max: 120 });
  checkRef(c, 'order', parsePaymentOrderId, !payment);
  c.str('idDocument', { optional: !payment, pattern: ID_DOCUMENT });
  only(c, ['amount', 'means', 'person', 'account', 'periods', 'designation'], !isVoid);
  only(c, ['order', 'idDocument'], payment);
  only(c, ['account', 'periods'], contribution || reversal);
  const reverses = checkRef(c, 'reverses', parseCashEntryId, !reversal);
  only(c, ['reverses'], reversal);
  c.str('reason', { optional: !reversal && !isVoid, max: 200 });
  only(c, ['reason'], reversal || isVoid);
  const approval = c.str('approval', { optional: true });
  only(c, ['approval'], reversal);
  // A reversal cancels an earlier entry of the same desk (never another desk's), with that entry's approval.
  const target = reverses !== undefined ? parseCashEntryId(reverses) : null;
  if (target && (target.branch !== branch || target.counter !== counter || (number !== undefined && target.number >= number))) c.add('reverses', 'bad_ref');
  if (approval !== undefined && (!target || approval !== 'cashapproval:' + target.branch + ':' + target.counter + ':' + padDocumentNumber(target.number))) c.add('approval', 'bad_ref');
  const s = session !== undefined ? parseCashSessionId(session) : null;
  if (s && (s.branch !== branch || s.counter !== counter)) c.add('session', 'bad_ref');
  const id = parseCashEntryId(doc._id);
  if (!id || (branch !== undefined && id.branch !== branch) || (counter !== undefined && id.counter !== counter) || (number !== undefined && id.number !== number)) c.add('_id', 'bad_id');
  return c.problems;
}
