/**
 * A branch's day of statistics pre-aggregated (`stats_day`, couch-design/types/stats-day.ts):
 * the rows the two statistics views give for that day and branch, at the group levels a report
 * reads. The server job (server/jobs/stats-rollup.ts) and the tests compute it with this one
 * function, so a report from roll-ups is the report from the views by construction.
 * No I/O here: the view query is injected.
 */
import { type DurationRow, type StatsDay, type StatsRow, STATS_DAY, statsDayId } from '../../couch-design/types/stats-day.ts';
import { DURATIONS_VIEW, STATS_VIEW } from './report-query.ts';
import type { DurationStats, ViewQuery } from './report-types.ts';

export async function computeStatsDay(query: ViewQuery, day: string, branch: string, computedAt: Date): Promise<StatsDay> {
  const range = { startkey: [day, branch], endkey: [day, branch, {}] };
  const [counts, durations] = await Promise.all([query(STATS_VIEW, { ...range, group_level: 6 }), query(DURATIONS_VIEW, { ...range, group_level: 7 })]);
  return {
    _id: statsDayId(day, branch),
    type: STATS_DAY,
    branch,
    day,
    // Compact rows (see StatsRow): the day and branch are the document's.
    stats: counts.rows.map((r): StatsRow => [(r.key as unknown[]).slice(2) as StatsRow[0], withoutTrailingZeros(r.value as number[])]),
    durations: durations.rows.map((r): DurationRow => {
      const { count, sum, min, max } = r.value as DurationStats;
      return [(r.key as unknown[]).slice(2) as DurationRow[0], [count, sum, min, max]];
    }),
    computedAt: computedAt.toISOString(),
  };
}

function withoutTrailingZeros(v: readonly number[]): number[] {
  let n = v.length;
  while (n > 0 && v[n - 1] === 0) n--;
  return v.slice(0, n);
}

/** Same figures (computedAt and revision aside): rewriting it would change nothing. */
export function sameFigures(a: Pick<StatsDay, 'stats' | 'durations'>, b: Pick<StatsDay, 'stats' | 'durations'>): boolean {
  return JSON.stringify([a.stats, a.durations]) === JSON.stringify([b.stats, b.durations]);
}
