import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import fc from 'fast-check';
import { buildDesignDocs, type DbKind, type DesignDoc } from '../../couch-design/build/build-design-docs.ts';
import { validateStructure } from '../../couch-design/validate/structure.ts';
import { loadReport } from './report-query.ts';
import type { ViewQuery } from './report-types.ts';
import { bruteForceReport } from './testing/brute-force-report.ts';
import { counterPlan, reportFilter, ticketPlan } from './testing/arbitraries.ts';
import { TARGETS, playLog } from './testing/visit-log.ts';

PouchDB.plugin(memory).plugin(mapreduce);

let built: Record<DbKind, DesignDoc[]>;
let n = 0;
beforeAll(async () => {
  built = await buildDesignDocs();
}, 30_000);
const open: PouchDB.Database[] = [];
afterAll(async () => {
  for (const db of open) await db.destroy();
});

const BRANCHES = ['dla', 'yde'];

describe('statistics report from the views, as built, in PouchDB', () => {
  it('matches a brute-force computation over random visit logs, for random filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketPlan(BRANCHES), { maxLength: 40 }),
        fc.array(counterPlan(BRANCHES), { maxLength: 6 }),
        fc.array(reportFilter(BRANCHES), { minLength: 1, maxLength: 4 }),
        async (tickets, counters, filters) => {
          const docs = playLog(tickets, counters);
          for (const d of docs) expect(validateStructure(d as unknown as Record<string, unknown>, 'branch')).toEqual([]);
          const db = new PouchDB(`stats-prop-${n++}`, { adapter: 'memory' });
          open.push(db);
          await db.bulkDocs([...built.central, ...docs] as PouchDB.Core.PutDocument<object>[]);
          const query: ViewQuery = (view, params) => db.query(view, params);
          for (const filter of filters) expect(await loadReport(query, filter)).toEqual(bruteForceReport(docs, filter, TARGETS));
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('a day without activity has no row; an empty period gives zero figures', async () => {
    const db = new PouchDB(`stats-empty-${n++}`, { adapter: 'memory' });
    open.push(db);
    await db.bulkDocs(built.branch as PouchDB.Core.PutDocument<object>[]);
    const report = await loadReport((view, params) => db.query(view, params), { from: '2024-01-01', to: '2024-12-31' });
    expect(report.byDay).toEqual([]);
    expect(report.total.wait).toEqual({ count: 0, sum: 0, min: 0, max: 0 });
    expect(report.byHour).toHaveLength(24);
  });
});
