/**
 * A supervisor's approval to reverse one cash entry whose amount is above the session's
 * reversal threshold. One per entry (the entry's number is in the id), written by the
 * supervisor in their own name, immutable; the reversal entry names it in `approval`.
 */
import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, type Problem } from '../validate/problems.ts';
import { COUNTER_CODE } from '../ids/codes.ts';
import { type BranchFields, checkBranchDay, checkRef } from './branch-common.ts';
import { MAX_CASH_AMOUNT } from './cash-config.ts';
import { padDocumentNumber } from './cash.ts';
import { parseCashEntryId } from './cash-entry.ts';

export const CASH_APPROVAL = 'cash_approval';

export interface CashApproval extends BaseDoc, BranchFields {
  type: typeof CASH_APPROVAL;
  counter: string;
  /** The entry the approval allows to reverse. */
  entry: string;
  amount: number;
  reason: string;
  supervisor: string;
  at: string;
}

export function cashApprovalId(branch: string, counter: string, number: number): string {
  return 'cashapproval:' + branch + ':' + counter + ':' + padDocumentNumber(number);
}

export function validateCashApproval(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { branch } = checkBranchDay(c);
  const counter = c.str('counter', { pattern: COUNTER_CODE });
  const entry = checkRef(c, 'entry', parseCashEntryId);
  c.int('amount', { min: 1, max: MAX_CASH_AMOUNT });
  c.str('reason', { max: 200 });
  c.author('supervisor');
  c.instant('at');
  const target = entry !== undefined ? parseCashEntryId(entry) : null;
  if (target && (target.branch !== branch || target.counter !== counter)) c.add('entry', 'bad_ref');
  if (target && doc._id !== cashApprovalId(target.branch, target.counter, target.number)) c.add('_id', 'bad_id');
  return c.problems;
}
