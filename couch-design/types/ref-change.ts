import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, type Problem, isObject } from '../validate/problems.ts';
import { UID_PATTERN } from '../ids/uid.ts';
import { parseServiceId, validateService } from './service.ts';
import { parseCounterId, validateCounter } from './counter.ts';
import { INSTITUTION_ID, validateInstitution } from './institution.ts';
import { parseBranchDocId, validateBranch } from './branch.ts';
import {
  parseCertificateTypeId,
  parseDocumentTypeId,
  parseEventId,
  validateCertificateType,
  validateDocumentType,
  validateEvent,
} from './catalogue.ts';
import { parsePrinterRoleId, validatePrinterRole } from './printer-role.ts';

export const REF_CHANGE = 'ref_change';

/** The reference documents whose edits are logged (issue 14): every one the administration edits. */
export type RefChangeTarget = 'service' | 'counter' | 'institution' | 'branch' | 'event' | 'document_type' | 'certificate_type' | 'printer_role';

const VALIDATORS: Readonly<Record<RefChangeTarget, (doc: AnyDoc) => Problem[]>> = {
  service: validateService,
  counter: validateCounter,
  institution: validateInstitution,
  branch: validateBranch,
  event: validateEvent,
  document_type: validateDocumentType,
  certificate_type: validateCertificateType,
  printer_role: validatePrinterRole,
};

/**
 * One edit of a reference document, kept for ever (immutable): CouchDB revisions are
 * compacted away, so they are no history. `before` is null for a creation, `after` null for a
 * removal (only document types are removed; the rest is deactivated or kept). Written by the
 * app beside the edited document; `by` is the writer (validate/authors.ts).
 */
export interface RefChange extends BaseDoc {
  type: typeof REF_CHANGE;
  /** The edited document's id (`service:family`, `counter:dla:C01`). */
  target: string;
  /** A counter's branch, so a supervisor's log entries are checked against its branch like the counter. */
  branch?: string;
  before: AnyDoc | null;
  after: AnyDoc | null;
  by: string;
  at: string;
}

/**
 * `refchange:<target id>:<uid>`: one item's history is one id range (`refchange:service:family:`),
 * in time order since the uid starts with the time.
 */
export function refChangeId(target: string, uid: string): string {
  return 'refchange:' + target + ':' + uid;
}

export function refChangePrefix(target: string): string {
  return 'refchange:' + target + ':';
}

/** The target's kind and branch, or null for an id of anything else. */
export function refChangeTargetOf(target: unknown): { kind: RefChangeTarget; branch: string | null } | null {
  if (typeof target !== 'string') return null;
  if (parseServiceId(target)) return { kind: 'service', branch: null };
  const counter = parseCounterId(target);
  if (counter) return { kind: 'counter', branch: counter.branch };
  if (target === INSTITUTION_ID) return { kind: 'institution', branch: null };
  if (parseBranchDocId(target)) return { kind: 'branch', branch: null };
  if (parseEventId(target)) return { kind: 'event', branch: null };
  if (parseDocumentTypeId(target)) return { kind: 'document_type', branch: null };
  if (parseCertificateTypeId(target)) return { kind: 'certificate_type', branch: null };
  if (parsePrinterRoleId(target)) return { kind: 'printer_role', branch: null };
  return null;
}

/** The content of a logged document as it was: a valid document of the target's type, with the target's id. */
function snapshot(c: Checker, field: string, target: string, kind: RefChangeTarget, optional: boolean): void {
  const v = c.doc[field];
  if (v === null || v === undefined) {
    if (!optional) c.add(field, 'required');
    return;
  }
  if (!isObject(v)) return c.add(field, 'not_object');
  if (v._id !== target) return c.add(field + '._id', 'bad_ref');
  const problems = VALIDATORS[kind](v);
  if (v.type !== kind) c.add(field + '.type', 'bad_value');
  else if (problems.length) c.add(field + '.' + problems[0]!.field, problems[0]!.code);
}

export function validateRefChange(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const target = c.str('target', { max: 100 });
  const of = target ? refChangeTargetOf(target) : null;
  if (target && !of) c.add('target', 'bad_ref');
  if (of && target) {
    snapshot(c, 'before', target, of.kind, true);
    // A removal (after: null) needs what was removed; only a document type is ever removed.
    const removal = doc.after === null && of.kind === 'document_type' && doc.before != null;
    snapshot(c, 'after', target, of.kind, removal);
    // The branch is the counter's; a service has none.
    if (of.branch === null ? doc.branch != null : doc.branch !== of.branch) c.add('branch', 'bad_value');
  }
  c.author('by');
  c.instant('at');
  const id = doc._id;
  const prefix = target ? refChangePrefix(target) : null;
  if (prefix !== null && !(typeof id === 'string' && id.substring(0, prefix.length) === prefix && UID_PATTERN.test(id.substring(prefix.length))))
    c.add('_id', 'bad_id');
  return c.problems;
}
