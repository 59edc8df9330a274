import { describe, expect, it } from 'vitest';
import { classify, isRefusal, type Route } from './routes.ts';
import { checkBody } from './body-rules.ts';

const kind = (method: string, path: string) => {
  const r = classify(method, path);
  return isRefusal(r) ? r.status : r.kind;
};

describe('classify (the allowlist)', () => {
  it('knows every request PouchDB and CouchDB replicators make', () => {
    expect(kind('GET', '/')).toBe('root');
    expect(kind('POST', '/_session')).toBe('session');
    expect(kind('GET', '/fo_branch_dla/')).toBe('db_info');
    expect(kind('GET', '/fo_branch_dla')).toBe('db_info');
    expect(kind('GET', '/fo_branch_dla/_changes?style=all_docs&since=0&limit=100&feed=longpoll&heartbeat=10000')).toBe('changes');
    expect(kind('GET', '/fo_ref/_changes?filter=fo%2Freplicable&feed=normal&since=12-g1AAAA_x')).toBe('changes');
    expect(kind('POST', '/fo_branch_dla/_changes?filter=_doc_ids')).toBe('changes');
    expect(kind('POST', '/fo_branch_dla/_bulk_get?revs=true&attachments=true&latest=true')).toBe('bulk_get');
    expect(kind('POST', '/fo_branch_dla/_revs_diff')).toBe('revs_diff');
    expect(kind('POST', '/fo_branch_dla/_bulk_docs')).toBe('bulk_docs');
    expect(kind('GET', '/fo_branch_dla/_local/Y1Lw0ukpIzmdP0N0OZAtUQ%3D%3D')).toBe('checkpoint_read');
    expect(kind('PUT', '/fo_branch_dla/_local/0123456789abcdef0123456789abcdef')).toBe('checkpoint_write');
    expect(kind('GET', '/fo_branch_dla/ticket%3Adla%3A2024-03-05%3AA%3A0012?revs=true&open_revs=%5B%221-abc%22%5D&latest=true')).toBe('doc_read');
    expect(kind('PUT', '/fo_branch_dla/ticket%3Adla%3A2024-03-05%3AA%3A0012')).toBe('doc_write');
    expect(kind('GET', '/fo_branch_dla/_design/fo')).toBe('doc_read');
    expect(kind('GET', '/fo_branch_dla/_design/fo/_view/visit_stats?group_level=3&startkey=%5B%222024%22%5D')).toBe('view');
    expect(kind('GET', '/fo_branch_dla/_all_docs?startkey=%22ticket%3A%22&endkey=%22ticket%3A%EF%BF%B0%22&include_docs=true')).toBe('all_docs');
    expect(kind('GET', '/fo_branch_dla/submission%3A1/scan.pdf')).toBe('attachment_read');
  });

  it('refuses the endpoints nobody uses, whatever the engine does with them', () => {
    for (const [method, path] of [
      ['GET', '/_all_dbs'],
      ['GET', '/_config'],
      ['GET', '/_node/_local/_config'],
      ['GET', '/_membership'],
      ['GET', '/_uuids'],
      ['GET', '/_utils'],
      ['POST', '/_replicate'],
      ['POST', '/fo_people/_find'],
      ['POST', '/fo_people/_index'],
      ['GET', '/fo_people/_index'],
      ['GET', '/fo_branch_dla/_security'],
      ['PUT', '/fo_branch_dla/_security'],
      ['GET', '/fo_branch_dla/_local/_security'],
      ['PUT', '/_users/_local/_security'],
      ['PUT', '/fo_branch_dla/_local/stats-rollup'],
      ['PUT', '/fo_branch_dla/_local/end-of-day'],
      ['PUT', '/fo_branch_dla/_design/fo'],
      ['DELETE', '/fo_branch_dla/_design/fo'],
      ['POST', '/fo_branch_dla/_purge'],
      ['POST', '/fo_branch_dla/_compact'],
      ['POST', '/fo_branch_dla/_view_cleanup'],
      ['PUT', '/anything'],
      ['DELETE', '/fo_central'],
      ['GET', '/fo_branch_dla/_changes/'],
      ['PUT', '/fo_branch_dla/doc/page.html'],
      ['GET', '/fo_branch_dla/_design/fo/_show/x'],
      ['GET', '/fo_branch_dla/_design/fo/_list/a/b'],
      ['POST', '/fo_branch_dla/_design/fo/_update/x'],
      ['GET', '/fo_branch_dla/a%2Fb'],
      ['GET', '/fo_branch_dla%2F_changes'],
    ]) {
      expect([method, path, kind(method!, path!)]).toEqual([method, path, expect.any(Number)]);
    }
  });

  it('refuses the filters and parameters that crashed the embedded engine', () => {
    for (const q of ['filter=_selector', 'filter=nope/nope', 'filter=fo/nope', 'filter=_view&view=nope/nope', 'filter=_selector%00', 'feed=eventsource', 'since=%00', 'limit=-1', 'limit=abc', 'x=1', 'since=1&since=2', 'constructor=1']) {
      expect([q, kind('GET', `/fo_branch_dla/_changes?${q}`)]).toEqual([q, 400]);
    }
    expect(kind('GET', '/fo_branch_dla/abc?open_revs=%5B%22nope%22%5D')).toBe(400);
    expect(kind('GET', '/fo_branch_dla/_all_docs?startkey=%7Bbad')).toBe(400);
  });

  it('refuses a method the endpoint does not take, and malformed paths', () => {
    expect(kind('DELETE', '/fo_branch_dla/_changes')).toBe(405);
    expect(kind('GET', '/fo_branch_dla/_bulk_docs')).toBe(405);
    expect(kind('PATCH', '/fo_branch_dla/abc')).toBe(405);
    expect(kind('GET', '/fo_branch_dla/%E0%A4%A')).toBe(400);
    expect(kind('GET', '/fo_branch_dla/a%00b')).toBe(400);
  });
});

describe('a device’s share of the people (docs/PEOPLE.md)', () => {
  const verdict = (path: string) => {
    const r = classify('GET', path);
    if (isRefusal(r)) return r.status;
    const v = checkBody(r as Route, { name: 'ana', roles: ['counter', 'branch:dla'] }, undefined);
    return v.ok ? 'ok' : v.refusal.status;
  };
  it('allows the people_of_branch filter with a branch code, on fo_people only', () => {
    expect(verdict('/fo_people/_changes?style=all_docs&filter=fo%2Fpeople_of_branch&branch=dla&since=0&limit=1000')).toBe('ok');
    expect(verdict('/fo_people/_changes?filter=fo%2Fpeople_of_branch')).toBe(400);
    expect(verdict('/fo_people/_changes?branch=dla')).toBe(400);
    expect(verdict('/fo_people/_changes?filter=fo%2Fpeople_of_branch&branch=DLA%27')).toBe(400);
    expect(verdict('/fo_branch_dla/_changes?filter=fo%2Fpeople_of_branch&branch=dla')).toBe(400);
    expect(verdict('/fo_people/_changes?filter=fo%2Freplicable&branch=dla')).toBe(400);
  });
});
