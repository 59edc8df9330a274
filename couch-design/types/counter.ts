import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, type Problem } from '../validate/problems.ts';
import { BRANCH_CODE_PATTERN, COUNTER_CODE, SERVICE_CODE, splitId } from '../ids/codes.ts';

export const COUNTER = 'counter';

/** A counter (guichet) of a branch; `services` is its row of the service matrix. */
export interface Counter extends BaseDoc {
  type: typeof COUNTER;
  branch: string;
  code: string;
  label: string;
  cashDesk: boolean;
  services: string[];
  active?: boolean;
  /** Who made the last edit and when (validate/authors.ts: always the writer); each edit is also a `ref_change`. */
  updatedBy?: string;
  updatedAt?: string;
}

export function counterId(branch: string, code: string): string {
  return 'counter:' + branch + ':' + code;
}

export function parseCounterId(id: string): { branch: string; code: string } | null {
  const p = splitId(id, 'counter', 2);
  if (!p || !BRANCH_CODE_PATTERN.test(p[0]!) || !COUNTER_CODE.test(p[1]!)) return null;
  return { branch: p[0]!, code: p[1]! };
}

export function validateCounter(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const branch = c.str('branch', { pattern: BRANCH_CODE_PATTERN });
  const code = c.str('code', { pattern: COUNTER_CODE });
  c.str('label', { max: 100 });
  c.bool('cashDesk');
  c.strList('services', SERVICE_CODE);
  c.bool('active', true);
  c.author('updatedBy', true);
  c.instant('updatedAt', doc.updatedBy == null);
  c.id(branch && code && counterId(branch, code));
  return c.problems;
}
