/** Pieces shared by the documents of a branch database (`fo_branch_<code>`). */
import { type AnyDoc, Checker, DAY } from '../validate/problems.ts';
import { BRANCH_CODE_PATTERN, splitId } from '../ids/codes.ts';
import { UID_PATTERN } from '../ids/uid.ts';

/** Every branch document names its branch (checked against the writer's `branch:<code>` role) and day. */
export interface BranchFields {
  branch: string;
  /** Branch-local date YYYY-MM-DD. */
  day: string;
}

export function checkBranchDay(c: Checker): { branch?: string; day?: string } {
  return { branch: c.str('branch', { pattern: BRANCH_CODE_PATTERN }), day: c.day('day') };
}

/** `<prefix>:<day>:<uid>`: one day's documents are one allDocs key range. */
export function dayUidId(prefix: string, day: string, uid: string): string {
  return prefix + ':' + day + ':' + uid;
}

export function parseDayUidId(id: unknown, prefix: string): { day: string; uid: string } | null {
  const p = splitId(id, prefix, 2);
  if (!p || !DAY.test(p[0]!) || !UID_PATTERN.test(p[1]!)) return null;
  return { day: p[0]!, uid: p[1]! };
}

/** Checks a `<prefix>:<day>:<uid>` id and that its day is the document's day. */
export function checkDayUidId(c: Checker, prefix: string, day: string | undefined): void {
  const parsed = parseDayUidId(c.doc._id, prefix);
  if (!parsed || (day !== undefined && parsed.day !== day)) c.add('_id', 'bad_id');
}

/** A reference to another document: present (unless optional) and parsable by `parse`. */
export function checkRef(c: Checker, field: string, parse: (id: string) => unknown, optional = false): string | undefined {
  const v = c.str(field, { optional });
  if (v !== undefined && !parse(v)) {
    c.add(field, 'bad_ref');
    return undefined;
  }
  return v;
}

export function isDoc(v: unknown): v is AnyDoc {
  return typeof v === 'object' && v !== null;
}
