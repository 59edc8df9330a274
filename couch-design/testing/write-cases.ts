/**
 * Writes with the answer the contract must give, shared by the TypeScript tests
 * (validate/*.test.ts) and the built validate_doc_update test (build/), so both enforce the
 * same rules. Each limit is tried at the limit (accepted) and one above (refused).
 */
import type { DbKind, Problem, UserCtx } from '../validate/problems.ts';
import { measure, type TreeLimits } from '../validate/limits.ts';
import { SERVER_ADMIN, goodDocs, user } from './fixtures.ts';

type Doc = Record<string, unknown>;

export interface WriteCase {
  name: string;
  doc: Doc;
  old: Doc | null;
  user: UserCtx;
  db: DbKind;
  /** The first problem, or null when the write is accepted. */
  expect: Problem | null;
}

export const dla = (role: string, name = role + '.dla'): UserCtx => user([role, 'branch:dla'], name);
const HQ_ADMIN = user(['admin', 'hq'], 'admin.hq');
const x = (n: number, ch = 'x') => new Array(n + 1).join(ch);
const refused = (field: string, code: string): Problem => ({ field, code });
// The limits as numbers, not limits.ts's constants: a changed constant must fail a test.
const MAX_DOC_BYTES = 64 * 1024;
const MAX_ROLLUP_BYTES = 4 * 1024 * 1024;
const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

/** `doc` with a `pad` member making its JSON exactly `bytes` long (limits.ts counts it). */
export function sized(doc: Doc, bytes: number): Doc {
  const base = measure({ ...doc, pad: '' }, { depth: 99, items: 1e9, bytes: 1e9 }, ['_attachments', '_revisions']).bytes;
  return { ...doc, pad: x(bytes - base) };
}

/** An object nested `depth` levels deep (the object itself is level 1). */
export function nested(depth: number): Doc {
  let v: Doc = { leaf: 1 };
  for (let i = 1; i < depth; i++) v = { n: v };
  return v;
}

/** `n` entries. */
function entries(n: number): Doc {
  const v: Doc = {};
  for (let i = 0; i < n; i++) v['k' + i] = i;
  return v;
}

/** A free-form object of exactly `bytes` of JSON. */
function blob(bytes: number): Doc {
  return { note: x(bytes - '{"note":""}'.length) };
}

function pair(name: string, make: (over: boolean) => Omit<WriteCase, 'name' | 'expect'>, problem: Problem): WriteCase[] {
  return [
    { name: name + ' at the limit', ...make(false), expect: null },
    { name: name + ' above the limit', ...make(true), expect: problem },
  ];
}

export function limitCases(): WriteCase[] {
  const d = goodDocs();
  const branch = (doc: Doc, role: string, old: Doc | null = null) => ({ doc, old, user: dla(role), db: 'branch' as const });
  const str = (type: string, field: string, max: number, role: string, db: DbKind) =>
    pair(`${type}.${field} of ${max} characters`, (over) => ({ doc: { ...d[type]!, [field]: x(over ? max + 1 : max) }, old: null, user: role === 'admin' ? HQ_ADMIN : dla(role), db }), refused(field, 'too_long'));
  const openRequest = { ...d.backoffice_request!, _rev: '1-a' };
  const answered = (answer: string) => ({ ...openRequest, status: 'answered', answer, answeredBy: 'backoffice.dla', answeredAt: '2024-03-05T09:00:00.000Z' });
  const services = (n: number) => Array.from({ length: n }, (_, i) => 's' + i);
  const papers = (n: number) => Array.from({ length: n }, (_, i) => ({ code: String(1000 + i), designation: 'Acte', copies: 1 }));
  const details = (v: Doc) => ({ ...d.visit_event!, agent: 'counter.dla', details: v });
  const settings = (v: Doc) => ({ doc: { ...d.settings!, values: v }, old: null, user: HQ_ADMIN, db: 'ref' as const });
  const att = (a: Doc) => ({ ...d.ticket!, _attachments: a });
  const png = (length: number) => ({ content_type: 'image/png', length, stub: true, digest: 'md5-x', revpos: 1 });
  const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => ['p' + i + '.png', png(10)]));
  // Longest name a user may have; its author fields then hold it too.
  const longId = (n: number) => ({ ...d.ticket!, _id: String(d.ticket!._id) + x(n - String(d.ticket!._id).length) });
  const longName = (n: number) => ({ doc: { ...d.visit_event!, agent: x(n, 'a') }, old: null, user: dla('counter', x(n, 'a')), db: 'branch' as const });
  const DETAILS: TreeLimits = { depth: 2, items: 20, bytes: 4096 };
  const SETTINGS: TreeLimits = { depth: 4, items: 100, bytes: 16 * 1024 };
  return [
    ...str('ticket', 'note', 1000, 'counter', 'branch'),
    ...str('backoffice_request', 'subject', 200, 'counter', 'branch'),
    ...str('backoffice_request', 'message', 4000, 'counter', 'branch'),
    ...str('submission_review', 'reason', 1000, 'backoffice', 'branch'),
    ...str('cash_entry', 'designation', 120, 'cashier', 'branch'),
    ...str('payment_order', 'designation', 120, 'backoffice', 'branch'),
    ...str('certificate', 'number', 40, 'counter', 'branch'),
    ...str('submission', 'receiptNumber', 40, 'counter', 'branch'),
    ...str('case', 'summary', 2000, 'backoffice', 'people'),
    ...str('person', 'familyName', 100, 'backoffice', 'people'),
    ...str('person', 'givenName', 100, 'backoffice', 'people'),
    ...str('person', 'address', 300, 'backoffice', 'people'),
    ...str('branch', 'name', 100, 'admin', 'ref'),
    ...str('branch', 'city', 100, 'admin', 'ref'),
    ...str('counter', 'label', 100, 'admin', 'ref'),
    ...str('institution', 'name', 200, 'admin', 'ref'),
    ...pair('an author name of 100 characters', (over) => longName(over ? 101 : 100), refused('agent', 'too_long')),
    ...pair('a back-office answer of 4000 characters', (over) => branch(answered(x(over ? 4001 : 4000)), 'backoffice', openRequest), refused('answer', 'too_long')),
    ...pair('a bilingual label of 200 characters', (over) => ({ doc: { ...d.service!, name: { fr: x(over ? 201 : 200), en: 'x' } }, old: null, user: HQ_ADMIN, db: 'ref' }), refused('name.fr', 'too_long')),
    ...pair('a bilingual label with a third key', (over) => ({ doc: { ...d.service!, name: { fr: 'x', en: 'y', ...(over ? { de: 'z' } : {}) } }, old: null, user: HQ_ADMIN, db: 'ref' }), refused('name', 'too_large')),
    ...pair('a counter with 50 services', (over) => ({ doc: { ...d.counter!, services: services(over ? 51 : 50) }, old: null, user: HQ_ADMIN, db: 'ref' }), refused('services', 'too_long')),
    ...pair('a submission of 50 papers', (over) => branch({ ...d.submission!, documents: papers(over ? 51 : 50) }, 'counter'), refused('documents', 'too_long')),
    ...pair('a paper designation of 200 characters', (over) => branch({ ...d.submission!, documents: [{ code: '0104', designation: x(over ? 201 : 200), copies: 1 }] }, 'counter'), refused('documents.0.designation', 'too_long')),
    ...pair('visit details of 4 KiB', (over) => branch(details(blob(DETAILS.bytes + (over ? 1 : 0))), 'counter'), refused('details', 'too_large')),
    ...pair('visit details 2 levels deep', (over) => branch(details(nested(DETAILS.depth + (over ? 1 : 0))), 'counter'), refused('details', 'too_deep')),
    ...pair('visit details of 20 keys', (over) => branch(details(entries(DETAILS.items + (over ? 1 : 0))), 'counter'), refused('details', 'too_large')),
    ...pair('settings values of 16 KiB', (over) => settings(blob(SETTINGS.bytes + (over ? 1 : 0))), refused('values', 'too_large')),
    ...pair('settings values 4 levels deep', (over) => settings(nested(SETTINGS.depth + (over ? 1 : 0))), refused('values', 'too_deep')),
    ...pair('settings values of 100 keys', (over) => settings(entries(SETTINGS.items + (over ? 1 : 0))), refused('values', 'too_large')),
    ...pair('a document of 64 KiB', (over) => branch(sized(d.ticket!, MAX_DOC_BYTES + (over ? 1 : 0)), 'counter'), refused('', 'too_large')),
    ...pair('a document of 64 KiB with 35 kB of revision history and a 100 kB attachment', (over) => branch(sized({ ...d.ticket!, _revisions: { start: 1000, ids: Array.from({ length: 1000 }, () => x(32, 'a')) }, _attachments: { 'scan.jpg': { content_type: 'image/jpeg', data: x(100_000, 'A') } } }, MAX_DOC_BYTES + (over ? 1 : 0)), 'counter'), refused('', 'too_large')),
    ...pair('a document 6 levels deep', (over) => branch({ ...d.ticket!, extra: nested(5 + (over ? 1 : 0)) }, 'counter'), refused('', 'too_deep')),
    ...pair('a tombstone of 64 KiB', (over) => branch(sized({ _id: d.ticket!._id, _rev: '2-b', _deleted: true }, MAX_DOC_BYTES + (over ? 1 : 0)), 'supervisor', { ...d.ticket!, _rev: '1-a' }), refused('', 'too_large')),
    ...pair('a roll-up of 4 MiB', (over) => ({ doc: sized(d.stats_day!, MAX_ROLLUP_BYTES + (over ? 1 : 0)), old: null, user: SERVER_ADMIN, db: 'branch' }), refused('', 'too_large')),
    // Within the limit an id is judged on its content (no builder makes this one); above it, on its length.
    { name: 'an id of 200 characters', ...branch(longId(200), 'counter'), expect: refused('_id', 'bad_id') },
    { name: 'an id of 201 characters', ...branch(longId(201), 'counter'), expect: refused('_id', 'too_long') },
    ...pair('4 attachments', (over) => branch(att(many(over ? 5 : 4)), 'counter'), refused('_attachments', 'too_large')),
    ...pair('an attachment of 2 MiB', (over) => branch(att({ 'scan.png': png(MAX_ATTACHMENT_BYTES + (over ? 1 : 0)) }), 'counter'), refused('_attachments.scan.png', 'too_large')),
    // Base64: 4 characters carry 3 bytes.
    ...pair('an inline attachment of 2 MiB', (over) => branch(att({ 'scan.pdf': { content_type: 'application/pdf', data: x(Math.floor((MAX_ATTACHMENT_BYTES * 4) / 3) + (over ? 2 : 0), 'A') } }), 'counter'), refused('_attachments.scan.pdf', 'too_large')),
    { name: 'an HTML attachment', ...branch(att({ 'x.html': { content_type: 'text/html', length: 10, stub: true } }), 'counter'), expect: refused('_attachments.x.html', 'bad_attachment') },
    { name: 'an SVG attachment', ...branch(att({ 'x.svg': { content_type: 'image/svg+xml', data: 'PHN2Zz4=' } }), 'counter'), expect: refused('_attachments.x.svg', 'bad_attachment') },
    { name: 'an attachment without a type', ...branch(att({ 'x.png': { data: 'AAAA' } }), 'counter'), expect: refused('_attachments.x.png', 'bad_attachment') },
    { name: 'an attachment stub without a length', ...branch(att({ 'x.jpg': { content_type: 'image/jpeg', stub: true, digest: 'md5-x', revpos: 1 } }), 'counter'), expect: null },
    // Deeper would overflow the test's own JSON.stringify; limits.test.ts walks 200,000 levels.
    { name: 'a document nested 2,000 levels deep', ...branch({ ...d.ticket!, extra: nested(2000) }, 'counter'), expect: refused('', 'too_deep') },
  ];
}
