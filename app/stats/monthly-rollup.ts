/**
 * A branch's month of statistics (`stats_month`, couch-design/types/stats-month.ts) summed from
 * its daily roll-ups: count vectors add up and `_stats` merge (count and sum add, min and max of
 * the sides), so the month's rows give exactly the figures of its days. The server job and the
 * tests compute it with this one function. Pure.
 */
import type { StatsDay } from '../../couch-design/types/stats-day.ts';
import { type StatsMonth, STATS_MONTH, statsMonthId } from '../../couch-design/types/stats-month.ts';

type Stats4 = [count: number, sum: number, min: number, max: number];

/** Rows summed by key, in the order their keys first appear. */
class Sums<V> {
  private readonly rows = new Map<string, [unknown[], V]>();
  constructor(private readonly merge: (into: V | undefined, v: V) => V) {}

  add(key: unknown[], value: V): void {
    const id = JSON.stringify(key);
    const row = this.rows.get(id);
    this.rows.set(id, [key, this.merge(row?.[1], value)]);
  }

  list<R>(): R[] {
    return [...this.rows.values()] as R[];
  }
}

function addVector(into: number[] | undefined, v: number[]): number[] {
  const out = into ? [...into] : [];
  for (let i = 0; i < v.length; i++) out[i] = (out[i] ?? 0) + v[i]!;
  return out;
}

/** View rows always count at least one value, so both sides have a min and a max. */
function mergeStats(into: Stats4 | undefined, s: Stats4): Stats4 {
  return into ? [into[0] + s[0], into[1] + s[1], Math.min(into[2], s[2]), Math.max(into[3], s[3])] : [...s];
}

/** `days`: every daily roll-up of `branch` in `month` (a missing day counts as quiet). */
export function computeStatsMonth(days: readonly StatsDay[], month: string, branch: string, computedAt: Date): StatsMonth {
  const byDay = new Sums(addVector);
  const byDayDurations = new Sums(mergeStats);
  const byHour = new Sums(addVector);
  const byHourDurations = new Sums(mergeStats);
  for (const day of [...days].sort((a, b) => (a.day < b.day ? -1 : 1))) {
    const dayOfMonth = Number(day.day.slice(8, 10));
    for (const [[service, counter, agent, hour], v] of day.stats) {
      byDay.add([dayOfMonth, service, counter, agent], v);
      byHour.add([service, counter, agent, hour], v);
    }
    for (const [[service, counter, agent, hour, kind], s] of day.durations) {
      byDayDurations.add([dayOfMonth, service, counter, agent, kind], s);
      byHourDurations.add([service, counter, agent, hour, kind], s);
    }
  }
  return {
    _id: statsMonthId(month, branch),
    type: STATS_MONTH,
    branch,
    month,
    stats: byDay.list(),
    durations: byDayDurations.list(),
    hourStats: byHour.list(),
    hourDurations: byHourDurations.list(),
    computedAt: computedAt.toISOString(),
  };
}

/** Same figures (computedAt and revision aside): rewriting it would change nothing. */
export function sameMonthFigures(a: StatsMonth, b: StatsMonth): boolean {
  return JSON.stringify([a.stats, a.durations, a.hourStats, a.hourDurations]) === JSON.stringify([b.stats, b.durations, b.hourStats, b.hourDurations]);
}
