/**
 * A branch's month of statistics (`stats_month`, couch-design/types/stats-month.ts) summed from
 * its daily roll-ups: count vectors add up and `_stats` merge (count and sum add, min and max of
 * the sides), so the month's rows give exactly the figures of its days. The rows of one key
 * (counts, wait, service) become one: the key, not the kind of row, decides where a row lands
 * in the report, so nothing appears or disappears. The server job and the
 * tests compute it with this one function. Pure.
 */
import type { StatsDay } from '../../couch-design/types/stats-day.ts';
import { type MonthRow, type MonthStats, type StatsMonth, STATS_MONTH, statsMonthId } from '../../couch-design/types/stats-month.ts';

/** Rows by [period, combination], each carrying the counts and both durations of its key. */
class Rows {
  private readonly rows = new Map<string, MonthRow>();

  at(period: number, combo: number): MonthRow {
    const id = `${period}:${combo}`;
    let row = this.rows.get(id);
    if (!row) this.rows.set(id, (row = [period, combo, [], 0, 0]));
    return row;
  }

  list(): MonthRow[] {
    return [...this.rows.values()];
  }
}

function addVector(into: number[], v: readonly number[]): void {
  for (let i = 0; i < v.length; i++) into[i] = (into[i] ?? 0) + v[i]!;
}

/** View rows always count at least one value, so both sides have a min and a max. */
function mergeStats(into: MonthStats, s: readonly [number, number, number, number]): MonthStats {
  return into === 0 ? [...s] : [into[0] + s[0], into[1] + s[1], Math.min(into[2], s[2]), Math.max(into[3], s[3])];
}

/** `days`: every daily roll-up of `branch` in `month` (a missing day counts as quiet). */
export function computeStatsMonth(days: readonly StatsDay[], month: string, branch: string, computedAt: Date): StatsMonth {
  const combos: StatsMonth['combos'] = [];
  const comboIndex = new Map<string, number>();
  const combo = (service: string, counter: string, agent: string) => {
    const id = JSON.stringify([service, counter, agent]);
    let i = comboIndex.get(id);
    if (i === undefined) comboIndex.set(id, (i = combos.push([service, counter, agent]) - 1));
    return i;
  };
  const byDay = new Rows();
  const byHour = new Rows();
  for (const day of [...days].sort((a, b) => (a.day < b.day ? -1 : 1))) {
    const dayOfMonth = Number(day.day.slice(8, 10));
    for (const [[service, counter, agent, hour], v] of day.stats) {
      const c = combo(service, counter, agent);
      addVector(byDay.at(dayOfMonth, c)[2], v);
      addVector(byHour.at(hour, c)[2], v);
    }
    for (const [[service, counter, agent, hour, kind], s] of day.durations) {
      const c = combo(service, counter, agent);
      // The report reads every kind but 'wait' as service time.
      const slot = kind === 'wait' ? 3 : 4;
      for (const row of [byDay.at(dayOfMonth, c), byHour.at(hour, c)]) row[slot] = mergeStats(row[slot], s);
    }
  }
  return { _id: statsMonthId(month, branch), type: STATS_MONTH, branch, month, combos, days: byDay.list(), hours: byHour.list(), computedAt: computedAt.toISOString() };
}

/** Same figures (computedAt and revision aside): rewriting it would change nothing. */
export function sameMonthFigures(a: StatsMonth, b: StatsMonth): boolean {
  return JSON.stringify([a.combos, a.days, a.hours]) === JSON.stringify([b.combos, b.days, b.hours]);
}
