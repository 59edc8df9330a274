import { describe, expect, it } from 'vitest';
import { useViewDatabases } from './testing/view-databases.ts';
import fc from 'fast-check';
import { validateStructure } from '../../couch-design/validate/structure.ts';
import type { StatsDay } from '../../couch-design/types/stats-day.ts';
import type { StatsMonth } from '../../couch-design/types/stats-month.ts';
import { loadReport } from './report-query.ts';
import { computeStatsDay } from './daily-rollup.ts';
import { computeStatsMonth, sameMonthFigures } from './monthly-rollup.ts';
import { planMonths, wholeMonthsOf } from './rollup-plan.ts';
import { bruteForceReport } from './testing/brute-force-report.ts';
import { DAYS, counterPlan, reportFilter, ticketPlan } from './testing/arbitraries.ts';
import { TARGETS, playLog } from './testing/visit-log.ts';

const viewsOver = useViewDatabases();

const BRANCHES = ['dla', 'yde'];
const DAY_PAIRS = DAYS.flatMap((day) => BRANCHES.map((branch) => ({ day, branch })));
// The arbitraries' days span February's end and March's start: both months can be whole.
const MONTH_PAIRS = ['2024-02', '2024-03'].flatMap((month) => BRANCHES.map((branch) => ({ month, branch })));
const NOW = new Date('2024-04-02T00:10:00Z');

/**
 * A filter of the arbitraries, its ends stretched (or not) to whole months, and often without
 * service, counter and agent: rows then share keys across hours and days, where a wrong merge shows.
 */
const wideFilter = fc.tuple(reportFilter(BRANCHES), fc.boolean(), fc.boolean(), fc.boolean()).map(([f, fromMonthStart, toMonthEnd, narrow]) => {
  const { service, counter, agent, ...wide } = f;
  return { ...(narrow ? f : wide), ...(fromMonthStart ? { from: '2024-02-01' } : {}), ...(toMonthEnd ? { to: '2024-03-31' } : {}) };
});

describe('statistics report from monthly and daily roll-ups and the views', () => {
  it('matches a brute-force computation, whichever branch-months and branch-days are rolled up', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketPlan(BRANCHES), { minLength: 10, maxLength: 40 }),
        fc.array(counterPlan(BRANCHES), { maxLength: 6 }),
        fc.subarray(MONTH_PAIRS),
        fc.subarray(DAY_PAIRS),
        fc.array(wideFilter, { minLength: 1, maxLength: 4 }),
        async (tickets, counters, monthsRolledUp, daysRolledUp, filters) => {
          const docs = playLog(tickets, counters);
          const query = await viewsOver('central', docs);
          const days: StatsDay[] = [];
          for (const { day, branch } of daysRolledUp) days.push(await computeStatsDay(query, day, branch, NOW));
          // A month from every active day of it (the others are quiet: empty daily roll-ups).
          const months: StatsMonth[] = [];
          for (const { month, branch } of monthsRolledUp) {
            const ofMonth = await Promise.all(DAYS.filter((d) => d.startsWith(month)).map((d) => computeStatsDay(query, d, branch, NOW)));
            months.push(computeStatsMonth(ofMonth, month, branch, NOW));
          }
          for (const m of months) expect(validateStructure(m, 'branch')).toEqual([]);
          const sources = {
            rollups: async (from: string, to: string) => days.filter((r) => r.day >= from && r.day <= to),
            months: async (from: string, to: string) => months.filter((m) => m.month >= from && m.month <= to),
            // Months need the branch list (planMonths); without it, the days decide alone, as in
            // report-rollup.test.ts, where a branch with activity and no roll-up at all is missed.
            branches: BRANCHES,
          };
          for (const filter of filters) expect(await loadReport(query, filter, sources)).toEqual(bruteForceReport(docs, filter, TARGETS));
        },
      ),
      { numRuns: 40 },
    );
  }, 180_000);

  it('takes a whole month from monthly roll-ups only when every branch of the report has one', () => {
    const month = (m: string, branch: string) => ({ month: m, branch }) as StatsMonth;
    const period = { from: '2024-01-15', to: '2024-04-30' };
    expect(wholeMonthsOf(period)).toEqual(['2024-02', '2024-03', '2024-04']);
    expect(wholeMonthsOf({ from: '2024-02-01', to: '2024-02-28' })).toEqual([]);
    const closed = [month('2024-02', 'dla'), month('2024-03', 'dla'), month('2024-03', 'yde'), month('2024-01', 'dla')];
    const dla = planMonths({ ...period, branch: 'dla' }, closed);
    expect(dla.months.map((m) => m.month)).toEqual(['2024-02', '2024-03']);
    expect(dla.dayRanges).toEqual([
      { from: '2024-01-15', to: '2024-01-31' },
      { from: '2024-04-01', to: '2024-04-30' },
    ]);
    expect(planMonths(period, closed, ['dla', 'yde']).months.map((m) => `${m.month} ${m.branch}`)).toEqual(['2024-03 dla', '2024-03 yde']);
    // Branches unknown: no month is taken, the days decide as before.
    expect(planMonths(period, closed)).toEqual({ months: [], dayRanges: [period] });
  });

  it('a month summed again from the same days has the same figures', async () => {
    const docs = playLog([{ branch: 'dla', day: DAYS[0], service: 0, startSec: 0, walkIn: true, steps: [{ step: 'finish', counter: 0, agent: 0, afterSec: 60 }] }], []);
    const query = await viewsOver('branch', docs);
    const days = [await computeStatsDay(query, DAYS[0], 'dla', NOW), await computeStatsDay(query, DAYS[1], 'dla', NOW)];
    const a = computeStatsMonth(days, '2024-02', 'dla', NOW);
    expect(a.days.length).toBeGreaterThan(0);
    expect(sameMonthFigures(a, computeStatsMonth([...days].reverse(), '2024-02', 'dla', new Date()))).toBe(true);
    expect(sameMonthFigures(a, computeStatsMonth([], '2024-02', 'dla', NOW))).toBe(false);
  });

  it('merges durations of one key across hours and days: counts and sums add, min and max of the sides', async () => {
    // One service, counter and agent: the same key two hours apart on one day, and the same hour on the next.
    const ticket = (day: (typeof DAYS)[number], startSec: number, waitSec: number) => ({
      branch: 'dla',
      day,
      service: 0,
      startSec,
      walkIn: false,
      steps: [
        { step: 'call' as const, counter: 0, agent: 0, afterSec: waitSec },
        { step: 'start' as const, counter: 0, agent: 0, afterSec: 5 },
        { step: 'finish' as const, counter: 0, agent: 0, afterSec: waitSec },
      ],
    });
    const docs = playLog([ticket(DAYS[0], 0, 600), ticket(DAYS[0], 7200, 60), ticket(DAYS[1], 0, 900)], []);
    const query = await viewsOver('branch', docs);
    const february = computeStatsMonth([await computeStatsDay(query, DAYS[0], 'dla', NOW), await computeStatsDay(query, DAYS[1], 'dla', NOW)], '2024-02', 'dla', NOW);
    const filter = { from: '2024-02-01', to: '2024-02-29', branch: 'dla' };
    const report = await loadReport(query, filter, { months: async () => [february] });
    expect(report).toEqual(bruteForceReport(docs, filter, TARGETS));
    expect(report.total.wait).toEqual({ count: 3, sum: 1_560_000, min: 60_000, max: 900_000 });
  });
});

