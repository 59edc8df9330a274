import { describe, expect, it } from 'vitest';
import { useViewDatabases } from './testing/view-databases.ts';
import fc from 'fast-check';
import { validateStructure } from '../../couch-design/validate/structure.ts';
import type { StatsDay } from '../../couch-design/types/stats-day.ts';
import { loadReport } from './report-query.ts';
import { computeStatsDay, sameFigures } from './daily-rollup.ts';
import { planReport } from './rollup-plan.ts';
import { bruteForceReport } from './testing/brute-force-report.ts';
import { DAYS, counterPlan, reportFilter, ticketPlan } from './testing/arbitraries.ts';
import { TARGETS, playLog } from './testing/visit-log.ts';

const viewsOver = useViewDatabases();

const BRANCHES = ['dla', 'yde'];
const PAIRS = DAYS.flatMap((day) => BRANCHES.map((branch) => ({ day, branch })));
const NOW = new Date('2024-03-02T00:10:00Z');

describe('statistics report from daily roll-ups and the views', () => {
  it('matches a brute-force computation, whichever branch-days are rolled up', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketPlan(BRANCHES), { maxLength: 40 }),
        fc.array(counterPlan(BRANCHES), { maxLength: 6 }),
        fc.subarray(PAIRS),
        fc.boolean(),
        fc.array(reportFilter(BRANCHES), { minLength: 1, maxLength: 4 }),
        async (tickets, counters, rolledUp, knowBranches, filters) => {
          const docs = playLog(tickets, counters);
          const query = await viewsOver('central', docs);
          const rollups: StatsDay[] = [];
          for (const { day, branch } of rolledUp) rollups.push(await computeStatsDay(query, day, branch, NOW));
          for (const r of rollups) expect(validateStructure(r, 'branch')).toEqual([]);
          const sources = { rollups: async (from: string, to: string) => rollups.filter((r) => r.day >= from && r.day <= to), ...(knowBranches ? { branches: BRANCHES } : {}) };
          for (const filter of filters) expect(await loadReport(query, filter, sources)).toEqual(bruteForceReport(docs, filter, TARGETS));
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('takes a day from roll-ups only when every branch of the report has one; the rest in runs', () => {
    const day = (d: string, branch: string) => ({ day: d, branch }) as StatsDay;
    const year = { from: '2024-01-01', to: '2024-12-31' };
    const closed = [day('2024-01-01', 'dla'), day('2024-01-02', 'dla'), day('2024-01-04', 'dla'), day('2024-01-02', 'yde')];
    expect(planReport({ ...year, branch: 'dla' }, closed).viewRanges).toEqual([
      { from: '2024-01-03', to: '2024-01-03' },
      { from: '2024-01-05', to: '2024-12-31' },
    ]);
    expect(planReport(year, closed, ['dla']).rollups.map((r) => `${r.day} ${r.branch}`)).toEqual(['2024-01-02 dla', '2024-01-02 yde']);
    // Branches unknown: a branch active in the period without any roll-up could go unseen.
    expect(planReport(year, closed).viewRanges).toEqual([year]);
    expect(planReport(year, closed, ['dla', 'yde', 'bfm']).viewRanges).toEqual([year]);
    expect(planReport(year, []).viewRanges).toEqual([year]);
  });

  it('a roll-up recomputed with nothing new has the same figures', async () => {
    const docs = playLog([{ branch: 'dla', day: DAYS[0], service: 0, startSec: 0, walkIn: true, steps: [{ step: 'finish', counter: 0, agent: 0, afterSec: 60 }] }], []);
    const query = await viewsOver('branch', docs);
    const a = await computeStatsDay(query, DAYS[0], 'dla', NOW);
    expect(a.stats.length).toBeGreaterThan(0);
    expect(sameFigures(a, await computeStatsDay(query, DAYS[0], 'dla', new Date()))).toBe(true);
    expect(sameFigures(a, { stats: [], durations: [] })).toBe(false);
  });
});
