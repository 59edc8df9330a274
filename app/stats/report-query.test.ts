import { describe, expect, it } from 'vitest';
import { useViewDatabases } from './testing/view-databases.ts';
import fc from 'fast-check';
import { validateStructure } from '../../couch-design/validate/structure.ts';
import { loadReport, type ReportProgress } from './report-query.ts';
import type { StatsDay } from '../../couch-design/types/stats-day.ts';
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

  it('reads seven years of little activity in a few reads, telling its progress as it goes', async () => {
    const docs = playLog([{ branch: 'dla', day: '2024-02-28', service: 0, startSec: 0, walkIn: true, steps: [{ step: 'finish', counter: 0, agent: 0, afterSec: 60 }] }], []);
    const views = await viewsOver('branch', docs);
    const reads: string[] = [];
    const query: typeof views = (view, params) => {
      reads.push(`${view} ${JSON.stringify(params.startkey)}`);
      return views(view, params);
    };
    // Roll-ups of two closed days; no monthly roll-up: the views answer for the rest in two ranges.
    const day = (d: string) => ({ day: d, branch: 'dla', stats: [], durations: [] }) as unknown as StatsDay;
    const progress: ReportProgress[] = [];
    const filter = { from: '2020-01-01', to: '2026-12-31', branch: 'dla' };
    const report = await loadReport(query, filter, {
      rollups: async () => [day('2024-03-01'), day('2024-03-02')],
      months: async () => [],
      onProgress: (p) => progress.push(p),
    });
    expect(report.total.issued).toBe(1);
    expect(report.byDay.map((d) => d.day)).toEqual(['2024-02-28']);
    expect(reads).toEqual([
      'fo/visit_stats ["2020-01-01"]',
      'fo/visit_durations ["2020-01-01"]',
      'fo/visit_stats ["2024-03-03"]',
      'fo/visit_durations ["2024-03-03"]',
    ]);
    // Months, the days' roll-ups, then the two view ranges: every step told, ending complete.
    expect(progress.at(-1)).toEqual({ done: 4, total: 4 });
    expect(progress.every((p, i) => i === 0 || (p.done >= progress[i - 1]!.done && p.total >= progress[i - 1]!.total))).toBe(true);
  });
});
