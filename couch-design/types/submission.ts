import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, DAY, MAX_ITEMS, type Problem, isInt, isObject } from '../validate/problems.ts';
import { CATALOGUE_CODE, COUNTER_CODE, DOC_CODE } from '../ids/codes.ts';
import { type BranchFields, checkBranchDay, checkDayUidId, checkRef, dayUidId, parseDayUidId } from './branch-common.ts';
import { parsePersonId } from './person.ts';
import { parseTicketId } from './ticket.ts';
import { MAX_SCAN_BYTES, scanAttachmentName, scanId } from './scan.ts';

export const SUBMISSION = 'submission';


export interface SubmittedDocument {
  /** Document-type code (0104). */
  code: string;
  designation: string;
  /** Date the paper was issued, YYYY-MM-DD. */
  edition?: string;
  /** Date it expires, YYYY-MM-DD. */
  validity?: string;
  copies: number;
  /** The scan handed in with this paper, stored in the branch's scans database (scan.ts). */
  scan?: ScanRef;
}

/** What a submission records of its scan, so the EDM export and audits can check the bytes. */
export interface ScanRef {
  /** The scan document's id: scanId(submission day, submission uid, document code). */
  id: string;
  /** The attachment's name in that document: `<code>.jpg` or `<code>.pdf`. */
  name: string;
  contentType: 'image/jpeg' | 'application/pdf';
  /** Size in bytes of the attachment. */
  length: number;
  /** Lower-case hex SHA-256 of the attachment's bytes. */
  sha256: string;
}

/** Papers a person handed in at a counter for an event; immutable, it backs a printed receipt. */
export interface Submission extends BaseDoc, BranchFields {
  type: typeof SUBMISSION;
  person: string;
  ticket?: string;
  event: string;
  documents: SubmittedDocument[];
  receiptNumber: string;
  agent: string;
  counter: string;
  at: string;
}

export function submissionId(day: string, uid: string): string {
  return dayUidId('submission', day, uid);
}

export function parseSubmissionId(id: string): { day: string; uid: string } | null {
  return parseDayUidId(id, 'submission');
}

/**
 * What the counter's form refuses, refused here too (issue 10): an edition date after the
 * submission's day (too_large), a validity date before the edition date (too_small), 0 copies.
 * Whether a code is in the catalogue needs the catalogue: the form checks it (app/desk/filing.ts).
 */
function checkDocuments(c: Checker, day: string | undefined, uid: string | undefined): void {
  const list = c.doc.documents;
  if (!Array.isArray(list)) return c.add('documents', list == null ? 'required' : 'not_array');
  if (list.length === 0) return c.add('documents', 'required');
  if (list.length > MAX_ITEMS) return c.add('documents', 'too_long');
  for (let i = 0; i < list.length; i++) {
    const d: unknown = list[i];
    const f = 'documents.' + i;
    if (!isObject(d)) {
      c.add(f, 'not_object');
      continue;
    }
    if (typeof d.code !== 'string' || !DOC_CODE.test(d.code)) c.add(f + '.code', 'bad_format');
    if (typeof d.designation !== 'string' || d.designation.length === 0) c.add(f + '.designation', 'required');
    else if (d.designation.length > 200) c.add(f + '.designation', 'too_long');
    if (d.edition != null && (typeof d.edition !== 'string' || !DAY.test(d.edition))) c.add(f + '.edition', 'bad_format');
    if (d.validity != null && (typeof d.validity !== 'string' || !DAY.test(d.validity))) c.add(f + '.validity', 'bad_format');
    const edition = typeof d.edition === 'string' && DAY.test(d.edition) ? d.edition : undefined;
    if (edition !== undefined && day !== undefined && edition > day) c.add(f + '.edition', 'too_large');
    else if (edition !== undefined && typeof d.validity === 'string' && DAY.test(d.validity) && d.validity < edition) c.add(f + '.validity', 'too_small');
    if (!isInt(d.copies)) c.add(f + '.copies', 'not_integer');
    else if (d.copies < 1) c.add(f + '.copies', 'not_positive');
    if (d.scan != null) checkScanRef(c, f + '.scan', d.scan, day, uid, typeof d.code === 'string' ? d.code : undefined);
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A paper's scan reference names its own scan document (same day, uid, code) and its attachment. */
function checkScanRef(c: Checker, f: string, ref: unknown, day: string | undefined, uid: string | undefined, code: string | undefined): void {
  if (!isObject(ref)) return c.add(f, 'not_object');
  if (typeof ref.id !== 'string' || day === undefined || uid === undefined || code === undefined || ref.id !== scanId(day, uid, code)) c.add(f + '.id', 'bad_ref');
  const type = ref.contentType;
  if (type !== 'image/jpeg' && type !== 'application/pdf') c.add(f + '.contentType', 'bad_value');
  else if (code !== undefined && ref.name !== scanAttachmentName(code, type)) c.add(f + '.name', 'bad_value');
  if (!isInt(ref.length)) c.add(f + '.length', 'not_integer');
  else if (ref.length < 1) c.add(f + '.length', 'not_positive');
  else if (ref.length > MAX_SCAN_BYTES) c.add(f + '.length', 'too_large');
  if (typeof ref.sha256 !== 'string' || !SHA256_HEX.test(ref.sha256)) c.add(f + '.sha256', 'bad_format');
  if (Object.keys(ref).length > 5) c.add(f, 'too_large');
}

export function validateSubmission(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { day } = checkBranchDay(c);
  checkRef(c, 'person', parsePersonId);
  checkRef(c, 'ticket', parseTicketId, true);
  c.str('event', { pattern: CATALOGUE_CODE });
  const parsed = parseSubmissionId(typeof doc._id === 'string' ? doc._id : '');
  checkDocuments(c, day, parsed ? parsed.uid : undefined);
  c.str('receiptNumber', { max: 40 });
  c.author('agent');
  c.str('counter', { pattern: COUNTER_CODE });
  c.instant('at');
  checkDayUidId(c, 'submission', day);
  return c.problems;
}

export const SUBMISSION_REVIEW = 'submission_review';

/**
 * The back office validates or refuses one submitted document. Append-only: a correction
 * is a new review naming the one it corrects, so the history of decisions stays.
 */
export interface SubmissionReview extends BaseDoc, BranchFields {
  type: typeof SUBMISSION_REVIEW;
  submission: string;
  documentCode: string;
  decision: 'validated' | 'refused';
  reason?: string;
  corrects?: string;
  agent: string;
  at: string;
}

export function submissionReviewId(day: string, uid: string): string {
  return dayUidId('review', day, uid);
}

export function parseSubmissionReviewId(id: string): { day: string; uid: string } | null {
  return parseDayUidId(id, 'review');
}

export function validateSubmissionReview(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { day } = checkBranchDay(c);
  checkRef(c, 'submission', parseSubmissionId);
  c.str('documentCode', { pattern: DOC_CODE });
  const decision = c.oneOf('decision', ['validated', 'refused']);
  c.str('reason', { optional: decision !== 'refused', max: 1000 });
  checkRef(c, 'corrects', parseSubmissionReviewId, true);
  c.author('agent');
  c.instant('at');
  checkDayUidId(c, 'review', day);
  return c.problems;
}
