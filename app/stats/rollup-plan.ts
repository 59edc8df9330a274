/**
 * Which whole months of a report come from monthly roll-ups (planMonths), and of the days left,
 * which come from daily roll-ups and which from the views. A day is taken
 * from roll-ups only when every branch the report covers has one for it (the views answer for
 * the whole day otherwise, so nothing is counted twice or missed); the other days are grouped
 * into runs, one view range each. The job writes a roll-up for every closed day, quiet ones
 * included, so the view runs are usually one: today and the days not rolled up yet. Pure.
 */
import type { StatsDay } from '../../couch-design/types/stats-day.ts';
import type { StatsMonth } from '../../couch-design/types/stats-month.ts';
import { type DayRange, daysOf, periodRange } from './period.ts';
import type { ReportFilter } from './report-types.ts';

export interface RollupPlan {
  /** Roll-ups of the days they cover. */
  rollups: StatsDay[];
  /** Inclusive day ranges left to the views. */
  viewRanges: { from: string; to: string }[];
}

/**
 * `branches`: every branch an all-branches report must cover (head office: the branches of
 * fo_ref); the branches seen in the roll-ups are added. Without it, an all-branches report
 * takes nothing from roll-ups. A branch report covers its branch only.
 */
export function planReport(filter: ReportFilter, rollups: readonly StatsDay[], branches: readonly string[] = []): RollupPlan {
  const inPeriod = rollups.filter((r) => r.day >= filter.from && r.day <= filter.to);
  // Without the list, a branch with activity but no roll-up in the period would go unseen.
  const expected = filter.branch !== undefined ? [filter.branch] : branches.length > 0 ? [...new Set([...branches, ...inPeriod.map((r) => r.branch)])] : [];
  const byDay = new Map<string, Set<string>>();
  for (const r of inPeriod) byDay.set(r.day, (byDay.get(r.day) ?? new Set()).add(r.branch));
  const covered = (day: string) => expected.length > 0 && expected.every((b) => byDay.get(day)?.has(b));

  return { rollups: inPeriod.filter((r) => covered(r.day)), viewRanges: uncoveredRuns(filter, covered) };
}

export interface MonthPlan {
  /** Monthly roll-ups of the whole months they cover. */
  months: StatsMonth[];
  /** Inclusive day ranges left to the daily roll-ups and the views (planReport). */
  dayRanges: { from: string; to: string }[];
}

/** The months lying wholly inside the period, as `YYYY-MM`. */
export function wholeMonthsOf(filter: DayRange): string[] {
  const out: string[] = [];
  for (const day of daysOf(filter)) if (day.endsWith('-01') && lastDayOf(day.slice(0, 7)) <= filter.to) out.push(day.slice(0, 7));
  return out;
}

export function lastDayOf(month: string): string {
  return periodRange('month', `${month}-01`).to;
}

/**
 * Which whole months of a report come from monthly roll-ups: those every branch the report
 * covers has one for. Used for a branch report, or an all-branches one when the branches are
 * known (`branches`, plus those seen in the monthly roll-ups): a branch known only from daily
 * roll-ups could not be checked without reading every day, which is what months save.
 */
export function planMonths(filter: ReportFilter, months: readonly StatsMonth[], branches: readonly string[] = []): MonthPlan {
  const whole = new Set(wholeMonthsOf(filter));
  const inPeriod = months.filter((m) => whole.has(m.month));
  const expected = filter.branch !== undefined ? [filter.branch] : branches.length > 0 ? [...new Set([...branches, ...inPeriod.map((m) => m.branch)])] : [];
  const byMonth = new Map<string, Set<string>>();
  for (const m of inPeriod) byMonth.set(m.month, (byMonth.get(m.month) ?? new Set()).add(m.branch));
  const covered = (month: string) => expected.length > 0 && expected.every((b) => byMonth.get(month)?.has(b));

  const dayRanges = uncoveredRuns(filter, (day) => covered(day.slice(0, 7)));
  return { months: inPeriod.filter((m) => covered(m.month) && expected.includes(m.branch)), dayRanges };
}

/** The days of the period that `covered` leaves out, as runs of consecutive days. */
function uncoveredRuns(filter: DayRange, covered: (day: string) => boolean): { from: string; to: string }[] {
  const runs: { from: string; to: string }[] = [];
  let run: { from: string; to: string } | null = null;
  for (const day of daysOf(filter)) {
    if (covered(day)) run = null;
    else if (run) run.to = day;
    else runs.push((run = { from: day, to: day }));
  }
  return runs;
}
