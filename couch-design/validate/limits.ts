/**
 * Size limits: the whole document, free-form nested fields and attachments. Structural (no
 * user needed) and applied to every writer, the server admin included, before the shape is
 * even looked at, so a huge or deeply nested write costs one bounded walk. The walk is a loop
 * with its own stack, never recursion or JSON.stringify, so depth cannot overflow the engine's
 * stack and the validator still never throws. ES5 only: bundled into validate_doc_update.
 *
 * The numbers:
 * - 64 KiB per document: the largest honest document is a back-office request at its field
 *   limits (subject 200 + message 4,000 + answer 4,000 characters, ≤ 25 KiB even if every
 *   character takes 3 bytes) or a submission of 50 papers (≈ 15 KiB); 64 KiB leaves 2.5× room
 *   and keeps a device's first pull (batches of 1,000 documents) bounded.
 * - Roll-ups (stats_day, stats_month) are computed and written by the server only; a busy
 *   branch's month is a few hundred KiB, so they get 4 MiB (still half of CouchDB's default
 *   max_document_size).
 * - Depth 6 for a whole document: the deepest honest one is a settings document (values → a
 *   list → an object → …) at 5; stats rows are 4.
 * - Attachments: the app writes none today; when it does they are scans and receipts, so only
 *   JPEG, PNG and PDF, at most 4 per document and 2 MiB each (an A4 page scanned at 200 dpi
 *   is 0.5–1 MiB as JPEG). Anything else (text/html…) would be served from our own origin.
 */
import { type AnyDoc, type Checker, type Problem, isObject } from './problems.ts';

export const MAX_DOC_BYTES = 64 * 1024;
export const MAX_ROLLUP_BYTES = 4 * 1024 * 1024;
export const MAX_DOC_DEPTH = 6;
/** The longest id a builder makes is ~90 characters (counter events). */
export const MAX_ID = 200;
export const ATTACHMENT_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'application/pdf'];
export const MAX_ATTACHMENTS = 4;
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
const MAX_ATTACHMENT_NAME = 100;

export interface TreeLimits {
  /** Nesting levels, the value itself being 1. */
  depth: number;
  /** Entries of any one object or array. */
  items: number;
  /** JSON text (as JSON.stringify writes it) in UTF-8 bytes. */
  bytes: number;
}

/** A visit event's `details`: flat key → value notes (waitMs, outcome, a transfer's note ≤ 1,000 characters). */
export const DETAILS_LIMITS: TreeLimits = { depth: 2, items: 20, bytes: 4096 };
/** Settings `values`: free-form tunables (e.g. `overdue: [{ service, minutes }]`). */
export const SETTINGS_LIMITS: TreeLimits = { depth: 4, items: 100, bytes: 16 * 1024 };

/** Top-level members CouchDB adds or that carry no content: not counted in the size. */
const META = ['_attachments', '_revisions', '_conflicts', '_deleted_conflicts', '_revs_info', '_local_seq'];

/** The string as JSON text in UTF-8, quotes and escapes included (a lone surrogate counts 2, not 6). */
function stringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) n += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
    else if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    // A surrogate pair is 4 bytes in UTF-8: 2 for each half.
    else n += c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return n;
}

function skipped(key: string, skip: readonly string[]): boolean {
  for (let i = 0; i < skip.length; i++) if (skip[i] === key) return true;
  return false;
}

/**
 * Walks a JSON value: its size, or the first limit it breaks ('too_deep', or 'too_large' for
 * too many entries or bytes). `skip`: top-level keys left out.
 */
export function measure(root: unknown, limits: TreeLimits, skip: readonly string[] = []): { bytes: number; code: string | null } {
  const values: unknown[] = [root];
  const depths: number[] = [1];
  let bytes = 0;
  while (values.length > 0) {
    const v = values.pop();
    const depth = depths.pop()!;
    if (typeof v === 'string') bytes += stringBytes(v);
    else if (typeof v === 'number') bytes += String(v).length;
    else if (typeof v === 'boolean') bytes += v ? 4 : 5;
    else if (typeof v === 'object' && v !== null) {
      if (depth > limits.depth) return { bytes, code: 'too_deep' };
      if (Array.isArray(v)) {
        if (v.length > limits.items) return { bytes, code: 'too_large' };
        bytes += 2 + (v.length > 0 ? v.length - 1 : 0);
        for (let i = 0; i < v.length; i++) {
          values.push(v[i]);
          depths.push(depth + 1);
        }
      } else {
        const keys = Object.keys(v);
        if (keys.length > limits.items) return { bytes, code: 'too_large' };
        let members = 0;
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!;
          if (depth === 1 && skipped(key, skip)) continue;
          // "key": plus a comma before every member but the first.
          bytes += stringBytes(key) + 1 + (members++ > 0 ? 1 : 0);
          values.push((v as AnyDoc)[key]);
          depths.push(depth + 1);
        }
        bytes += 2;
      }
    } else bytes += 4; // null
    if (bytes > limits.bytes) return { bytes, code: 'too_large' };
  }
  return { bytes, code: null };
}

/** A free-form object field (`details`, `values`): an object within `limits`. */
export function checkTree(c: Checker, field: string, limits: TreeLimits, optional: boolean): AnyDoc | undefined {
  const v = c.obj(field, optional);
  if (v === undefined) return undefined;
  const m = measure(v, limits);
  if (m.code !== null) {
    c.add(field, m.code);
    return undefined;
  }
  return v;
}

function checkAttachments(atts: unknown, problems: Problem[]): void {
  if (atts === undefined) return;
  if (!isObject(atts)) return void problems.push({ field: '_attachments', code: 'not_object' });
  const names = Object.keys(atts);
  if (names.length > MAX_ATTACHMENTS) return void problems.push({ field: '_attachments', code: 'too_large' });
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const field = '_attachments.' + name.substring(0, MAX_ATTACHMENT_NAME);
    const att = atts[name];
    if (name.length > MAX_ATTACHMENT_NAME || !isObject(att)) {
      problems.push({ field, code: 'bad_attachment' });
      continue;
    }
    const type = att.content_type;
    if (typeof type !== 'string' || !contains(ATTACHMENT_TYPES, type.toLowerCase())) {
      problems.push({ field, code: 'bad_attachment' });
      continue;
    }
    const length = attachmentLength(att);
    if (!(length === null || length <= MAX_ATTACHMENT_BYTES)) problems.push({ field, code: 'too_large' });
  }
}

/** Bytes behind base64 text, padding excluded. */
export function base64Length(data: string): number {
  let pad = 0;
  if (data.length > 0 && data.charAt(data.length - 1) === '=') pad++;
  if (data.length > 1 && data.charAt(data.length - 2) === '=') pad++;
  return Math.floor((data.length * 3) / 4) - pad;
}

/**
 * An attachment's size as a validator can see it: CouchDB shows validate_doc_update a stub with
 * `length`; a write with the bytes inline carries `data` as base64 (HTTP, replication) or, in
 * the app before a local write, as a Blob (`size`). Null when none of these says.
 */
export function attachmentLength(att: AnyDoc): number | null {
  if (typeof att.length === 'number') return att.length;
  const data = att.data;
  if (typeof data === 'string') return base64Length(data);
  if (isObject(data) && typeof data.size === 'number') return data.size;
  return null;
}

function contains(list: readonly string[], v: string): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === v) return true;
  return false;
}

/**
 * The limits every write meets whatever its type: id length, whole-document depth and size
 * (`maxBytes`, without attachments and revision history), attachments.
 */
export function validateLimits(doc: AnyDoc, maxBytes: number): Problem[] {
  const problems: Problem[] = [];
  if (typeof doc._id === 'string' && doc._id.length > MAX_ID) problems.push({ field: '_id', code: 'too_long' });
  const m = measure(doc, { depth: MAX_DOC_DEPTH, items: maxBytes, bytes: maxBytes }, META);
  if (m.code !== null) problems.push({ field: '', code: m.code });
  checkAttachments(doc._attachments, problems);
  return problems;
}
