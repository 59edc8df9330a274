/**
 * The scan documents a filing writes and the references its submission keeps (issue 10),
 * pure: one `scan` per scanned paper in the branch's scans database, its bytes as the only
 * attachment, and on the paper a ScanRef naming it with its size and SHA-256.
 */
import { SCAN, scanAttachmentName, scanId, type Scan, type ScanContentType } from '../../couch-design/types/scan.ts';
import type { ScanRef, SubmittedDocument } from '../../couch-design/types/submission.ts';

/** A prepared scan: its bytes (a Blob in the browser, base64 in Node) and what the ref records. */
export interface ScanFile<Data> {
  readonly contentType: ScanContentType;
  readonly length: number;
  readonly sha256: string;
  readonly data: Data;
}

export type ScanDoc<Data> = Scan & { _attachments: Record<string, { content_type: ScanContentType; data: Data }> };

export interface ScanContext {
  readonly branch: string;
  readonly day: string;
  /** The submission's uid (its id is submission:<day>:<uid>). */
  readonly uid: string;
  readonly submission: string;
  readonly agent: string;
  readonly at: string;
}

export function scanRef(ctx: ScanContext, code: string, file: ScanFile<unknown>): ScanRef {
  return { id: scanId(ctx.day, ctx.uid, code), name: scanAttachmentName(code, file.contentType), contentType: file.contentType, length: file.length, sha256: file.sha256 };
}

export function buildScan<Data>(ctx: ScanContext, code: string, file: ScanFile<Data>): ScanDoc<Data> {
  return {
    _id: scanId(ctx.day, ctx.uid, code),
    type: SCAN,
    branch: ctx.branch,
    day: ctx.day,
    submission: ctx.submission,
    code,
    agent: ctx.agent,
    at: ctx.at,
    _attachments: { [scanAttachmentName(code, file.contentType)]: { content_type: file.contentType, data: file.data } },
  };
}

/**
 * The papers with their scan references, and the scan documents to write first (a submission
 * never names a scan its device does not hold). Papers without a scan are left as they are.
 */
export function withScans<Data>(ctx: ScanContext, documents: readonly SubmittedDocument[], files: ReadonlyMap<string, ScanFile<Data>>): { documents: SubmittedDocument[]; scans: ScanDoc<Data>[] } {
  const scans: ScanDoc<Data>[] = [];
  const out = documents.map((d) => {
    const file = files.get(d.code);
    if (!file) return d;
    scans.push(buildScan(ctx, d.code, file));
    return { ...d, scan: scanRef(ctx, d.code, file) };
  });
  return { documents: out, scans };
}
