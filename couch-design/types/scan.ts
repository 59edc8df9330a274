/**
 * A scan of one submitted paper (issue 10): one document per paper, its image or PDF as the
 * only attachment, in the branch's scans database (databases.ts `scansDb`). Immutable like the
 * submission that names it (Submission.documents[i].scan).
 */
import type { BaseDoc } from './base.ts';
import type { BranchFields } from './branch-common.ts';
import { type AnyDoc, Checker, type Problem, isObject } from '../validate/problems.ts';
import { DOC_CODE, splitId } from '../ids/codes.ts';
import { MAX_ATTACHMENT_BYTES, attachmentLength } from '../validate/limits.ts';
import { checkBranchDay, checkRef, parseDayUidId } from './branch-common.ts';

export const SCAN = 'scan';

/**
 * Largest scan, after the browser's downscale and compression: an A4 page at 200 dpi is
 * 0.5–1 MiB as JPEG. The form (app/desk/scan-checks.ts) and this validator use this number.
 */
export const MAX_SCAN_BYTES = MAX_ATTACHMENT_BYTES;

export type ScanContentType = 'image/jpeg' | 'application/pdf';
export const SCAN_TYPES: readonly ScanContentType[] = ['image/jpeg', 'application/pdf'];

export interface Scan extends BaseDoc, BranchFields {
  type: typeof SCAN;
  /** The submission's id (submission:<day>:<uid>). */
  submission: string;
  /** The paper's document-type code (0104). */
  code: string;
  agent: string;
  at: string;
}

/** One scan per paper of a submission: the submission's day and uid, then the paper's code. */
export function scanId(day: string, uid: string, code: string): string {
  return `scan:${day}:${uid}:${code}`;
}

export function parseScanId(id: unknown): { day: string; uid: string; code: string } | null {
  const p = splitId(id, 'scan', 3);
  if (!p || !DOC_CODE.test(p[2]!)) return null;
  const dayUid = parseDayUidId('submission:' + p[0] + ':' + p[1], 'submission');
  return dayUid && { day: dayUid.day, uid: dayUid.uid, code: p[2]! };
}

/** The attachment's name: the paper's code and the type's extension. */
export function scanAttachmentName(code: string, contentType: ScanContentType): string {
  return code + (contentType === 'application/pdf' ? '.pdf' : '.jpg');
}

/** Exactly one attachment, `<code>.jpg` as JPEG or `<code>.pdf` as PDF, within MAX_SCAN_BYTES. */
function checkScanAttachment(c: Checker, code: string | undefined): void {
  const atts = c.doc._attachments;
  if (!isObject(atts)) return c.add('_attachments', atts == null ? 'required' : 'not_object');
  const names = Object.keys(atts);
  if (names.length !== 1) return c.add('_attachments', names.length === 0 ? 'required' : 'too_large');
  const name = names[0]!;
  const att = atts[name];
  const field = '_attachments.' + name.substring(0, 100);
  if (!isObject(att)) return c.add(field, 'bad_attachment');
  const type = typeof att.content_type === 'string' ? att.content_type.toLowerCase() : '';
  if (type !== 'image/jpeg' && type !== 'application/pdf') return c.add(field, 'bad_attachment');
  if (code !== undefined && name !== scanAttachmentName(code, type)) return c.add(field, 'bad_attachment');
  const length = attachmentLength(att);
  if (length === null) return c.add(field, 'bad_attachment');
  if (length > MAX_SCAN_BYTES) c.add(field, 'too_large');
  else if (length < 1) c.add(field, 'required');
}

export function validateScan(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { day } = checkBranchDay(c);
  const submission = checkRef(c, 'submission', (id) => parseDayUidId(id, 'submission'));
  const code = c.str('code', { pattern: DOC_CODE });
  c.author('agent');
  c.instant('at');
  const parsed = parseDayUidId(submission, 'submission');
  const id = parseScanId(doc._id);
  if (!id || (day !== undefined && id.day !== day) || (parsed && id.uid !== parsed.uid) || (parsed && id.day !== parsed.day) || (code !== undefined && id.code !== code))
    c.add('_id', 'bad_id');
  checkScanAttachment(c, code);
  return c.problems;
}
