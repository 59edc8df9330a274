import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, CURRENCY, type Problem } from '../validate/problems.ts';
import { PERIOD, PERSON_NUMBER, BRANCH_CODE_PATTERN, splitId } from '../ids/codes.ts';
import { personId } from './person.ts';

export const ACCOUNT_LINE = 'account_line';

/** What an employer owes and paid for one period, in integer minor units of `currency`. */
export interface AccountLine extends BaseDoc {
  type: typeof ACCOUNT_LINE;
  /** `person:<number>` of the employer */
  employer: string;
  period: string;
  amountDue: number;
  amountPaid: number;
  currency: string;
  /** The employer's home branch, copied so the branch's devices replicate the line with them (docs/PEOPLE.md). */
  branch?: string;
}

export function accountLineId(employerNumber: string, period: string): string {
  return 'accline:' + employerNumber + ':' + period;
}

export function parseAccountLineId(id: string): { employerNumber: string; period: string } | null {
  const p = splitId(id, 'accline', 2);
  if (!p || !PERSON_NUMBER.test(p[0]!) || !PERIOD.test(p[1]!)) return null;
  return { employerNumber: p[0]!, period: p[1]! };
}

export function validateAccountLine(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const employer = c.str('employer');
  const period = c.str('period', { pattern: PERIOD });
  c.int('amountDue', { min: 0 });
  c.int('amountPaid', { min: 0 });
  c.str('currency', { pattern: CURRENCY });
  c.str('branch', { optional: true, pattern: BRANCH_CODE_PATTERN });
  const parsed = typeof doc._id === 'string' ? parseAccountLineId(doc._id) : null;
  if (!parsed || (period !== undefined && period !== parsed.period)) c.add('_id', 'bad_id');
  else if (employer !== undefined && employer !== personId(parsed.employerNumber)) c.add('employer', 'bad_ref');
  return c.problems;
}
