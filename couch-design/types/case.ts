import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, type Problem } from '../validate/problems.ts';
import { CASE_NO, DOC_CODE, PERSON_NUMBER, BRANCH_CODE_PATTERN, splitId } from '../ids/codes.ts';
import { personId } from './person.ts';

export const CASE = 'case';

export const CASE_KINDS = [
  'family_benefits',
  'pension',
  'work_injury',
  'daily_allowance',
  'contributions',
  'registration',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_STATUSES = ['open', 'pending_documents', 'in_review', 'approved', 'rejected', 'paid', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A file (dossier) of a person, as the back office keeps it; counters read it. */
export interface Case extends BaseDoc {
  type: typeof CASE;
  /** `person:<number>` */
  person: string;
  caseNo: string;
  kind: CaseKind;
  status: CaseStatus;
  openedAt: string;
  updatedAt: string;
  summary: string;
  missingDocuments: string[];
  /** The person's home branch, copied so the branch's devices replicate the case with them (docs/PEOPLE.md). */
  branch?: string;
}

export function caseId(personNumber: string, caseNo: string): string {
  return 'case:' + personNumber + ':' + caseNo;
}

export function parseCaseId(id: string): { personNumber: string; caseNo: string } | null {
  const p = splitId(id, 'case', 2);
  if (!p || !PERSON_NUMBER.test(p[0]!) || !CASE_NO.test(p[1]!)) return null;
  return { personNumber: p[0]!, caseNo: p[1]! };
}

export function validateCase(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const person = c.str('person');
  const caseNo = c.str('caseNo', { pattern: CASE_NO });
  c.oneOf('kind', CASE_KINDS);
  c.oneOf('status', CASE_STATUSES);
  c.instant('openedAt');
  c.instant('updatedAt');
  c.str('summary', { max: 2000 });
  c.strList('missingDocuments', DOC_CODE);
  c.str('branch', { optional: true, pattern: BRANCH_CODE_PATTERN });
  const parsed = typeof doc._id === 'string' ? parseCaseId(doc._id) : null;
  if (!parsed) c.add('_id', 'bad_id');
  else {
    if (person !== undefined && person !== personId(parsed.personNumber)) c.add('person', 'bad_ref');
    if (caseNo !== undefined && caseNo !== parsed.caseNo) c.add('_id', 'bad_id');
  }
  return c.problems;
}
