import { afterEach, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import MemoryAdapter from 'pouchdb-adapter-memory';
import MapReduce from 'pouchdb-mapreduce';
import { openDataLayer, type DataLayer } from '../data/data-layer.ts';
import { httpRollups, localViewQuery, rollupsOrNone, withLocalFallback } from './report-source.ts';
import { ServerUnreachable } from '../data/errors.ts';
import { httpViewQuery, isRebuilding, ViewError } from './http-view.ts';
import { loadReport } from './report-query.ts';
import { event, ticket } from './board-fixtures.ts';

PouchDB.plugin(MemoryAdapter).plugin(MapReduce);

let layer: DataLayer | null = null;
let n = 0;
afterEach(async () => {
  await layer?.close();
  layer = null;
});

describe('report sources', () => {
  it('runs the report views on the local replica as temporary views (no eval: the CSP forbids it)', async () => {
    layer = openDataLayer({ user: { name: `s${n++}`, roles: ['supervisor', 'branch:dla'] }, Pouch: PouchDB, adapter: 'memory', remoteBase: null, validate: () => [], report: () => {} });
    const t = ticket('family', 1, 'done');
    for (const e of [event(t, 'issued', 0), event(t, 'called', 4, { counter: 'C01', details: { waitMs: 240_000, withinTarget: true } }), event(t, 'done', 9, { counter: 'C01' })])
      await layer.put('branch', e);
    const report = await loadReport(localViewQuery(layer), { from: '2026-03-02', to: '2026-03-02' });
    expect(report.total).toMatchObject({ issued: 1, served: 1, withinTarget: 1 });
    expect(report.total.waitBands[0]).toBe(1);
    expect((globalThis as { emit?: unknown }).emit).toBeUndefined();
  });

  it('asks CouchDB with JSON-encoded parameters and explains its refusals', async () => {
    const urls: string[] = [];
    const answer = (status: number, body: unknown) => async (url: RequestInfo | URL) => {
      urls.push(String(url));
      return new Response(JSON.stringify(body), { status });
    };
    const ok = httpViewQuery('/db', 'fo_central', answer(200, { rows: [{ key: ['a'], value: 1 }] }) as typeof fetch);
    expect(await ok('fo/visit_stats', { startkey: ['2026-03-01'], endkey: ['2026-03-02', {}], group_level: 6 })).toEqual({ rows: [{ key: ['a'], value: 1 }] });
    expect(decodeURIComponent(urls[0]!)).toBe('/db/fo_central/_design/fo/_view/visit_stats?startkey=["2026-03-01"]&endkey=["2026-03-02",{}]&group_level=6');
    const cold = httpViewQuery('/db', 'fo_central', answer(500, { error: 'timeout', reason: 'timeout' }) as typeof fetch);
    const error = await cold('fo/visit_stats', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ViewError);
    expect(isRebuilding(error)).toBe(true);
    expect(isRebuilding(new ViewError(403, 'forbidden'))).toBe(false);
  });

  it('falls back to the replica only when the server does not answer', async () => {
    const local = async () => ({ rows: [{ key: 'local', value: 1 }] });
    const down = withLocalFallback(async () => Promise.reject(new ServerUnreachable(new TypeError('fetch failed'))), local);
    expect((await down('fo/visit_stats', {})).rows[0]!.key).toBe('local');
    const refused = withLocalFallback(async () => Promise.reject(new ViewError(403, 'forbidden')), local);
    await expect(refused('fo/visit_stats', {})).rejects.toBeInstanceOf(ViewError);
  });

  it('reads the daily roll-ups of a period as one id range; none when the server does not answer', async () => {
    const urls: string[] = [];
    const doc = { _id: 'statsday:2026-03-01:dla', type: 'stats_day' };
    const ok = httpRollups('/db', 'fo_branch_dla', (async (url: RequestInfo | URL) => {
      urls.push(String(url));
      return new Response(JSON.stringify({ rows: [{ id: doc._id, doc }] }), { status: 200 });
    }) as typeof fetch);
    expect(await ok('2026-03-01', '2026-03-31')).toEqual([doc]);
    expect(decodeURIComponent(urls[0]!)).toBe('/db/fo_branch_dla/_all_docs?startkey="statsday:2026-03-01:"&endkey="statsday:2026-03-31:\ufff0"&include_docs=true');
    const down = httpRollups('/db', 'fo_central', (async () => Promise.reject(new TypeError('fetch failed'))) as typeof fetch);
    expect(await rollupsOrNone(down)('2026-03-01', '2026-03-31')).toEqual([]);
    const refused = httpRollups('/db', 'fo_central', (async () => new Response('{"error":"forbidden"}', { status: 403 })) as typeof fetch);
    await expect(rollupsOrNone(refused)('2026-03-01', '2026-03-31')).rejects.toBeInstanceOf(ViewError);
  });
});
