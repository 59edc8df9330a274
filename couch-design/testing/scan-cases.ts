/**
 * Writes of scans (issue 10) and of submissions naming them, with the answer the contract must
 * give; shared by types/scan.test.ts and the built validate_doc_update test.
 */
import { MAX_SCAN_BYTES } from '../types/scan.ts';
import { SERVER_ADMIN, goodDocs, user } from './fixtures.ts';
import { dla, type WriteCase } from './write-cases.ts';

type Doc = Record<string, unknown>;
const no = (field: string, code: string) => ({ field, code });
// The limit as a number, not the constant: a changed constant must fail a test.
const LIMIT = 2 * 1024 * 1024;
const SHA = 'ab'.repeat(32);

/** Base64 text of exactly `bytes` bytes (no padding when bytes is a multiple of 3). */
function base64Of(bytes: number): string {
  const full = Math.floor(bytes / 3) * 4;
  const rest = bytes % 3;
  return 'A'.repeat(full) + (rest === 0 ? '' : rest === 1 ? 'AA==' : 'AAA=');
}

export function scanCases(): WriteCase[] {
  const d = goodDocs();
  const scan = d.scan!;
  const counter = dla('counter');
  const withAtts = (atts: unknown): Doc => ({ ...scan, _attachments: atts });
  const jpeg = (bytes: number) => ({ '0104.jpg': { content_type: 'image/jpeg', data: base64Of(bytes) } });
  const c = (name: string, doc: Doc, expect: WriteCase['expect'], u = counter, old: Doc | null = null): WriteCase => ({ name, doc, old, user: u, db: 'scans', expect });
  const sub = d.submission!;
  const paper = (sc: unknown) => ({ ...sub, documents: [{ code: '0104', designation: 'Acte de naissance', copies: 1, scan: sc }] });
  const ref = { id: String(scan._id), name: '0104.jpg', contentType: 'image/jpeg', length: 1000, sha256: SHA };
  const s = (name: string, doc: Doc, expect: WriteCase['expect']): WriteCase => ({ name, doc, old: null, user: counter, db: 'branch', expect });
  if (LIMIT !== MAX_SCAN_BYTES) throw new Error('MAX_SCAN_BYTES changed: update the cases');
  return [
    c('a scan by the counter that filed it', scan, null),
    c('a scan of exactly the limit', withAtts(jpeg(LIMIT)), null),
    c('a scan one byte over the limit', withAtts(jpeg(LIMIT + 1)), no('_attachments.0104.jpg', 'too_large')),
    c('a scan as a stub over the limit', withAtts({ '0104.jpg': { content_type: 'image/jpeg', stub: true, length: LIMIT + 1 } }), no('_attachments.0104.jpg', 'too_large')),
    c('a PDF scan', withAtts({ '0104.pdf': { content_type: 'application/pdf', data: base64Of(1000) } }), null),
    c('a PDF named .jpg', withAtts({ '0104.jpg': { content_type: 'application/pdf', data: base64Of(1000) } }), no('_attachments.0104.jpg', 'bad_attachment')),
    c('a PNG scan', withAtts({ '0104.jpg': { content_type: 'image/png', data: base64Of(1000) } }), no('_attachments.0104.jpg', 'bad_attachment')),
    c('a scan named for another paper', withAtts({ '0215.jpg': { content_type: 'image/jpeg', data: base64Of(10) } }), no('_attachments.0215.jpg', 'bad_attachment')),
    c('a scan without its attachment', withAtts(undefined), no('_attachments', 'required')),
    c('a scan with two attachments', withAtts({ ...jpeg(10), '0104.pdf': { content_type: 'application/pdf', data: base64Of(10) } }), no('_attachments', 'too_large')),
    c('a scan of 0 bytes', withAtts(jpeg(0)), no('_attachments.0104.jpg', 'required')),
    c('a scan whose id names another paper', { ...scan, code: '0215', _attachments: { '0215.jpg': { content_type: 'image/jpeg', data: base64Of(10) } } }, no('_id', 'bad_id')),
    c('a scan whose id names another submission', { ...scan, submission: 'submission:2024-03-05:' + 'lt9x1z000-c1-0009' }, no('_id', 'bad_id')),
    c('a scan in another agent\'s name', { ...scan, agent: 'someone.else' }, no('agent', 'not_author')),
    c('a scan by another branch', scan, no('branch', 'wrong_branch'), user(['counter', 'branch:yde'], 'counter.yde')),
    c('a scan by a display', scan, no('_id', 'forbidden_role'), dla('display')),
    c('a scan by a cashier', scan, no('_id', 'forbidden_role'), dla('cashier')),
    c('a scan changed once written', { ...scan, _rev: '2-b', at: '2024-03-05T09:00:00.000Z' }, no('_id', 'immutable'), counter, { ...scan, _rev: '1-a' }),
    c('a scan deleted', { _id: scan._id, _rev: '2-b', _deleted: true }, no('_deleted', 'immutable'), SERVER_ADMIN, { ...scan, _rev: '1-a' }),
    { name: 'a scan in the branch database', doc: scan, old: null, user: counter, db: 'branch', expect: no('type', 'wrong_db') },
    { name: 'a submission in the scans database', doc: d.submission!, old: null, user: counter, db: 'scans', expect: no('type', 'wrong_db') },
    s('a submission naming its scan', paper(ref), null),
    s('a PDF scan reference', paper({ ...ref, name: '0104.pdf', contentType: 'application/pdf' }), null),
    s('a scan reference to another submission\'s scan', paper({ ...ref, id: 'scan:2024-03-05:lt9x1z000-c1-0009:0104' }), no('documents.0.scan.id', 'bad_ref')),
    s('a scan reference to another paper\'s scan', paper({ ...ref, id: String(scan._id).replace(/0104$/, '0215') }), no('documents.0.scan.id', 'bad_ref')),
    s('a scan reference whose name disagrees with its type', paper({ ...ref, name: '0104.pdf' }), no('documents.0.scan.name', 'bad_value')),
    s('a scan reference to a PNG', paper({ ...ref, contentType: 'image/png' }), no('documents.0.scan.contentType', 'bad_value')),
    s('a scan reference over the limit', paper({ ...ref, length: LIMIT + 1 }), no('documents.0.scan.length', 'too_large')),
    s('a scan reference of 0 bytes', paper({ ...ref, length: 0 }), no('documents.0.scan.length', 'not_positive')),
    s('a scan reference with an upper-case digest', paper({ ...ref, sha256: SHA.toUpperCase() }), no('documents.0.scan.sha256', 'bad_format')),
    s('a scan reference with extra fields', paper({ ...ref, note: 'x' }), no('documents.0.scan', 'too_large')),
  ];
}
