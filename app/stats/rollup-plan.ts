/**
 * Which days of a report come from daily roll-ups and which from the views. A day is taken
 * from roll-ups only when every branch the report covers has one for it (the views answer for
 * the whole day otherwise, so nothing is counted twice or missed); the other days are grouped
 * into runs, one view range each. The job writes a roll-up for every closed day, quiet ones
 * included, so the view runs are usually one: today and the days not rolled up yet. Pure.
 */
import type { StatsDay } from '../../couch-design/types/stats-day.ts';
import { daysOf } from './period.ts';
import type { ReportFilter } from './report-types.ts';

export interface RollupPlan {
  /** Roll-ups of the days they cover. */
  rollups: StatsDay[];
  /** Inclusive day ranges left to the views. */
  viewRanges: { from: string; to: string }[];
}

/**
 * `branches`: every branch an all-branches report must cover (head office: the branches of
 * fo_ref); the branches seen in the roll-ups are added. A branch report covers its branch only.
 */
export function planReport(filter: ReportFilter, rollups: readonly StatsDay[], branches: readonly string[] = []): RollupPlan {
  const inPeriod = rollups.filter((r) => r.day >= filter.from && r.day <= filter.to);
  const expected = filter.branch !== undefined ? [filter.branch] : [...new Set([...branches, ...inPeriod.map((r) => r.branch)])];
  const byDay = new Map<string, Set<string>>();
  for (const r of inPeriod) byDay.set(r.day, (byDay.get(r.day) ?? new Set()).add(r.branch));
  const covered = (day: string) => expected.length > 0 && expected.every((b) => byDay.get(day)?.has(b));

  const viewRanges: RollupPlan['viewRanges'] = [];
  let run: { from: string; to: string } | null = null;
  for (const day of daysOf(filter)) {
    if (covered(day)) run = null;
    else if (run) run.to = day;
    else viewRanges.push((run = { from: day, to: day }));
  }
  return { rollups: inPeriod.filter((r) => covered(r.day)), viewRanges };
}
