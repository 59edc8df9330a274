import { describe, expect, it } from 'vitest';
import { useViewDatabases } from './testing/view-databases.ts';
import fc from 'fast-check';
import { validateStructure } from '../../couch-design/validate/structure.ts';
import { loadReport } from './report-query.ts';
import { bruteForceReport } from './testing/brute-force-report.ts';
import { counterPlan, reportFilter, ticketPlan } from './testing/arbitraries.ts';
import { TARGETS, playLog } from './testing/visit-log.ts';

const viewsOver = useViewDatabases();

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
          const query = await viewsOver('central', docs);
          for (const filter of filters) expect(await loadReport(query, filter)).toEqual(bruteForceReport(docs, filter, TARGETS));
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('a day without activity has no row; an empty period gives zero figures', async () => {
    const report = await loadReport(await viewsOver('branch', []), { from: '2024-01-01', to: '2024-12-31' });
    expect(report.byDay).toEqual([]);
    expect(report.total.wait).toEqual({ count: 0, sum: 0, min: 0, max: 0 });
    expect(report.byHour).toHaveLength(24);
  });
});
