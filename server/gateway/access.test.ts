import { describe, expect, it } from 'vitest';
import { goodDocs } from '../../couch-design/testing/fixtures.ts';
import { authorise, type Caller } from './access.ts';
import { checkBody, mergeBulkResults } from './body-rules.ts';
import { classify, isRefusal, type Route } from './routes.ts';

const route = (method: string, path: string): Route => {
  const r = classify(method, path);
  if (isRefusal(r)) throw new Error(`${method} ${path} refused: ${r.reason}`);
  return r;
};
const anonymous: Caller = { name: null, roles: [] };
const display: Caller = { name: 'display.dla', roles: ['display', 'branch:dla'] };
const counter: Caller = { name: 'counter.dla', roles: ['counter', 'branch:dla'] };
const hq: Caller = { name: 'supervisor.hq', roles: ['supervisor', 'hq'] };
const serverAdmin: Caller = { name: 'admin', roles: ['_admin'] };
const status = (r: ReturnType<typeof authorise>) => r?.status ?? 'ok';

describe('authorise', () => {
  it('lets nobody anonymous past the welcome and the sign-in', () => {
    expect(status(authorise(route('GET', '/'), anonymous))).toBe('ok');
    expect(status(authorise(route('POST', '/_session'), anonymous))).toBe('ok');
    expect(status(authorise(route('POST', '/fo_people/_bulk_get'), anonymous))).toBe(401);
    expect(status(authorise(route('GET', '/fo_ref/_changes'), anonymous))).toBe(401);
  });

  it('opens a database to its members only', () => {
    expect(status(authorise(route('GET', '/fo_branch_dla/_changes'), display))).toBe('ok');
    expect(status(authorise(route('POST', '/fo_branch_yde/_bulk_get'), counter))).toBe(403);
    expect(status(authorise(route('GET', '/fo_people/_all_docs'), display))).toBe(403);
    expect(status(authorise(route('GET', '/fo_people/_all_docs'), counter))).toBe('ok');
    expect(status(authorise(route('GET', '/fo_central/_all_docs'), counter))).toBe(403);
    expect(status(authorise(route('GET', '/fo_central/_all_docs'), hq))).toBe('ok');
    expect(status(authorise(route('POST', '/fo_central/_bulk_docs'), hq))).toBe(403);
  });

  it('keeps user accounts away from every user, and read-only for the server admin (branch servers pull them)', () => {
    expect(status(authorise(route('PUT', '/_users/org.couchdb.user:x'), anonymous))).toBe(401);
    expect(status(authorise(route('PUT', '/_users/org.couchdb.user:counter.dla'), counter))).toBe(403);
    expect(status(authorise(route('GET', '/_users/org.couchdb.user:counter.dla'), counter))).toBe(403);
    expect(status(authorise(route('GET', '/_users/_changes'), serverAdmin))).toBe('ok');
    expect(status(authorise(route('POST', '/_users/_bulk_docs'), serverAdmin))).toBe(403);
    expect(status(authorise(route('PUT', '/_users/org.couchdb.user:x'), serverAdmin))).toBe(403);
  });

  it('answers 404 for a database that is not Front Office’s', () => {
    expect(status(authorise(route('GET', '/fo_other/_all_docs'), serverAdmin))).toBe(404);
    expect(status(authorise(route('GET', '/other/_all_docs'), counter))).toBe(404);
  });
});

describe('checkBody', () => {
  it('judges every written document with the contract before the engine does, keeping the good ones', () => {
    const docs = goodDocs();
    const honest = docs.counter_state!;
    const forged = { ...docs.counter_state!, _id: String(honest._id).replace('C01', 'C02'), counter: 'C02', branch: 'yde' };
    const design = { _id: '_design/fo', validate_doc_update: 'function(){}' };
    const v = checkBody(route('POST', '/fo_branch_dla/_bulk_docs'), counter, { docs: [design, honest, 'x', forged] });
    if (!v.ok) throw new Error('refused whole');
    expect((v.body as { docs: unknown[] }).docs).toEqual([honest]);
    expect(v.refused.map((r) => [r.index, r.reason.split(':')[0]])).toEqual([
      [0, '_id'],
      [2, ''],
      [3, expect.any(String)],
    ]);
  });

  it('refuses malformed bodies as a whole with a reason', () => {
    const bulk = route('POST', '/fo_branch_dla/_bulk_docs');
    expect(checkBody(bulk, counter, { docs: 'x' })).toMatchObject({ ok: false, refusal: { status: 400 } });
    expect(checkBody(bulk, counter, { docs: [], all_or_nothing: true })).toMatchObject({ ok: false });
    expect(checkBody(bulk, counter, { docs: [], new_edits: 'no' })).toMatchObject({ ok: false });
    expect(checkBody(bulk, counter, undefined)).toMatchObject({ ok: false });
    expect(checkBody(route('POST', '/fo_branch_dla/_bulk_get'), counter, { docs: [{ id: 'a', rev: 'nope' }] })).toMatchObject({ ok: false });
    expect(checkBody(route('POST', '/fo_branch_dla/_revs_diff'), counter, { a: 'x' })).toMatchObject({ ok: false });
    expect(checkBody(route('POST', '/fo_branch_dla/_changes'), counter, { selector: {} })).toMatchObject({ ok: false });
    expect(checkBody(route('GET', '/fo_branch_dla/_changes?filter=_doc_ids'), counter, undefined)).toMatchObject({ ok: false });
    expect(checkBody(route('POST', '/_session'), anonymous, { name: 'a', password: 'b', roles: ['admin'] })).toMatchObject({ ok: false });
  });

  it('refuses a document PUT whose body names another id than its URL', () => {
    const doc = goodDocs().counter_state!;
    const r = route('PUT', `/fo_branch_dla/${encodeURIComponent('counterstate:dla:C09')}`);
    expect(checkBody(r, counter, doc)).toMatchObject({ ok: false, refusal: { status: 400 } });
  });
});

describe('mergeBulkResults', () => {
  it('puts the gateway’s refusals back in their places', () => {
    const refused = [
      { index: 0, id: 'a', error: 'forbidden' as const, reason: 'x' },
      { index: 2, id: 'c', error: 'forbidden' as const, reason: 'y' },
    ];
    expect(mergeBulkResults([{ id: 'b', rev: '1-1' }, { id: 'd', rev: '1-2' }], refused, true).map((r) => (r as { id: string }).id)).toEqual(['a', 'b', 'c', 'd']);
    expect(mergeBulkResults([], refused, false)).toHaveLength(2);
  });
});

describe('scans databases (issue 10)', () => {
  const backoffice: Caller = { name: 'backoffice.hq', roles: ['backoffice', 'hq'] };
  it('lets the branch that files push, and nothing else', () => {
    for (const [m, p] of [
      ['GET', '/fo_scans_dla/'],
      ['POST', '/fo_scans_dla/_revs_diff'],
      ['POST', '/fo_scans_dla/_bulk_docs'],
      ['GET', '/fo_scans_dla/_local/abcdefghijklmnopqrstuv'],
      ['PUT', '/fo_scans_dla/_local/abcdefghijklmnopqrstuv'],
      ['POST', '/fo_scans_dla/_ensure_full_commit'],
    ] as const)
      expect(status(authorise(route(m, p), counter)), `${m} ${p}`).toBe('ok');
    for (const [m, p] of [
      ['GET', '/fo_scans_dla/_changes'],
      ['GET', '/fo_scans_dla/_all_docs'],
      ['POST', '/fo_scans_dla/_bulk_get'],
      ['GET', '/fo_scans_dla/scan:2024-03-05:x:0104'],
      ['GET', '/fo_scans_dla/scan:2024-03-05:x:0104/0104.jpg'],
      ['PUT', '/fo_scans_dla/scan:2024-03-05:x:0104'],
    ] as const)
      expect(status(authorise(route(m, p), counter)), `${m} ${p}`).toBe(403);
  });
  it('keeps displays, kiosks and other branches out', () => {
    expect(status(authorise(route('GET', '/fo_scans_dla/'), display))).toBe(403);
    expect(status(authorise(route('POST', '/fo_scans_dla/_bulk_docs'), display))).toBe(403);
    expect(status(authorise(route('POST', '/fo_scans_yde/_bulk_docs'), counter))).toBe(403);
  });
  it('lets the back office and head office read one scan, and nothing more', () => {
    expect(status(authorise(route('GET', '/fo_scans_dla/scan:2024-03-05:x:0104/0104.jpg'), backoffice))).toBe('ok');
    expect(status(authorise(route('GET', '/fo_scans_dla/_changes'), backoffice))).toBe(403);
    expect(status(authorise(route('GET', '/fo_scans_dla/scan:2024-03-05:x:0104'), backoffice))).toBe(403);
    expect(status(authorise(route('POST', '/fo_scans_dla/_bulk_docs'), backoffice))).toBe(403);
  });
  it('gives a branch server\'s replicator the push it needs', () => {
    expect(status(authorise(route('POST', '/fo_scans_dla/_bulk_docs'), serverAdmin))).toBe('ok');
  });
});
