import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, type Problem } from '../validate/problems.ts';
import { BRANCH_CODE_PATTERN, SERVICE_CODE, splitId } from '../ids/codes.ts';

export const BRANCH = 'branch';

/** A branch office. `services` lists the service codes it offers (kiosk buttons). */
export interface Branch extends BaseDoc {
  type: typeof BRANCH;
  code: string;
  name: string;
  city: string;
  services: string[];
  /** IANA time zone that defines the branch-local `<day>` (Africa/Douala). */
  timeZone?: string;
  /** Who made the last edit and when (validate/authors.ts: always the writer); each edit is also a `ref_change`. */
  updatedBy?: string;
  updatedAt?: string;
}

export function branchDocId(code: string): string {
  return 'branch:' + code;
}

export function parseBranchDocId(id: string): { code: string } | null {
  const p = splitId(id, 'branch', 1);
  return p && BRANCH_CODE_PATTERN.test(p[0]!) ? { code: p[0]! } : null;
}

export function validateBranch(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const code = c.str('code', { pattern: BRANCH_CODE_PATTERN });
  c.str('name', { max: 100 });
  c.str('city', { max: 100 });
  c.strList('services', SERVICE_CODE);
  c.str('timeZone', { optional: true, max: 64, pattern: /^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/ });
  c.author('updatedBy', true);
  c.instant('updatedAt', doc.updatedBy == null);
  c.id(code && branchDocId(code));
  return c.problems;
}
