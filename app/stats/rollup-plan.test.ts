import { describe, expect, it } from 'vitest';
import type { StatsDay } from '../../couch-design/types/stats-day.ts';
import type { StatsMonth } from '../../couch-design/types/stats-month.ts';
import { planMonths, planReport, uncoveredRuns, wholeMonthsOf } from './rollup-plan.ts';

const rolledUp = (day: string, branch = 'dla') => ({ day, branch }) as StatsDay;
const month = (m: string, branch = 'dla') => ({ month: m, branch }) as StatsMonth;

describe('report planning', () => {
  it('leaves the gaps between covered spans to the views', () => {
    const period = { from: '2024-01-01', to: '2024-01-10' };
    expect(uncoveredRuns(period, [])).toEqual([period]);
    expect(uncoveredRuns(period, [{ from: '2024-01-01', to: '2024-01-10' }])).toEqual([]);
    expect(uncoveredRuns(period, [{ from: '2024-01-03', to: '2024-01-03' }, { from: '2024-01-04', to: '2024-01-05' }, { from: '2024-01-10', to: '2024-01-10' }])).toEqual([
      { from: '2024-01-01', to: '2024-01-02' },
      { from: '2024-01-06', to: '2024-01-09' },
    ]);
  });

  it('plans a long period in work proportional to its roll-ups, not to its days', () => {
    // 9,900 years, 3.6 million days, two closed days and one closed month: the plan must come at once.
    const period = { from: '0100-01-01', to: '9999-12-31', branch: 'dla' };
    const started = performance.now();
    const days = planReport(period, [rolledUp('2024-01-08'), rolledUp('2024-01-09')]);
    const months = planMonths(period, [month('2024-02')]);
    const took = performance.now() - started;
    expect(days.viewRanges).toEqual([
      { from: '0100-01-01', to: '2024-01-07' },
      { from: '2024-01-10', to: '9999-12-31' },
    ]);
    expect(months.dayRanges).toEqual([
      { from: '0100-01-01', to: '2024-01-31' },
      { from: '2024-03-01', to: '9999-12-31' },
    ]);
    expect(took, `planned in ${took.toFixed(1)} ms`).toBeLessThan(250);
  });

  it('lists whole months by month: across a year end, leap February, partial ends', () => {
    expect(wholeMonthsOf({ from: '2023-11-15', to: '2024-02-29' })).toEqual(['2023-12', '2024-01', '2024-02']);
    expect(wholeMonthsOf({ from: '2023-11-01', to: '2024-02-28' })).toEqual(['2023-11', '2023-12', '2024-01']);
    expect(wholeMonthsOf({ from: '2024-01-02', to: '2024-01-31' })).toEqual([]);
    expect(wholeMonthsOf({ from: '2020-01-01', to: '2026-12-31' })).toHaveLength(84);
  });
});
