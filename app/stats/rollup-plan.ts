/**
 * Which whole months of a report come from monthly roll-ups (planMonths), and of the days left,
 * which come from daily roll-ups and which from the views. A day is taken
 * from roll-ups only when every branch the report covers has one for it (the views answer for
 * the whole day otherwise, so nothing is counted twice or missed); the other days are grouped
 * into runs, one view range each. The job writes a roll-up for every closed day, quiet ones
 * included, so the view runs are usually one: today and the days not rolled up yet. Pure.
 * The work is proportional to the roll-ups found (and to the months of the period), never to
 * its days: a period of years with little activity is planned as fast as a week.
 */
import type { StatsDay } from '../../couch-design/types/stats-day.ts';
import type { StatsMonth } from '../../couch-design/types/stats-month.ts';
import { type DayRange, addMonths, monthsBetween, nextDay, periodRange, previousDay } from './period.ts';
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
  const coveredDays = [...byDay.keys()].filter(covered).sort();

  return { rollups: inPeriod.filter((r) => covered(r.day)), viewRanges: uncoveredRuns(filter, coveredDays.map((day) => ({ from: day, to: day }))) };
}

export interface MonthPlan {
  /** Monthly roll-ups of the whole months they cover. */
  months: StatsMonth[];
  /** Inclusive day ranges left to the daily roll-ups and the views (planReport). */
  dayRanges: { from: string; to: string }[];
}

/** The first and last months lying wholly inside the period (`YYYY-MM`); null when there is none. */
export function wholeMonthSpan(filter: DayRange): { first: string; last: string } | null {
  const first = filter.from.endsWith('-01') ? filter.from.slice(0, 7) : addMonths(filter.from.slice(0, 7), 1);
  const last = lastDayOf(filter.to.slice(0, 7)) === filter.to ? filter.to.slice(0, 7) : addMonths(filter.to.slice(0, 7), -1);
  return last >= first ? { first, last } : null;
}

/** The months lying wholly inside the period, as `YYYY-MM`. */
export function wholeMonthsOf(filter: DayRange): string[] {
  const span = wholeMonthSpan(filter);
  return span ? monthsBetween(span.first, span.last) : [];
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
  const span = wholeMonthSpan(filter);
  const inPeriod = span ? months.filter((m) => m.month >= span.first && m.month <= span.last) : [];
  const expected = filter.branch !== undefined ? [filter.branch] : branches.length > 0 ? [...new Set([...branches, ...inPeriod.map((m) => m.branch)])] : [];
  const byMonth = new Map<string, Set<string>>();
  for (const m of inPeriod) byMonth.set(m.month, (byMonth.get(m.month) ?? new Set()).add(m.branch));
  const covered = (month: string) => expected.length > 0 && expected.every((b) => byMonth.get(month)?.has(b));

  const coveredMonths = [...byMonth.keys()].filter(covered).sort();
  const dayRanges = uncoveredRuns(filter, coveredMonths.map((month) => ({ from: `${month}-01`, to: lastDayOf(month) })));
  return { months: inPeriod.filter((m) => covered(m.month) && expected.includes(m.branch)), dayRanges };
}

/**
 * The days of the period that the `covered` spans (inside the period, in order, not
 * overlapping) leave out, as runs of consecutive days: the gaps between the spans.
 */
export function uncoveredRuns(filter: DayRange, covered: readonly DayRange[]): { from: string; to: string }[] {
  const runs: { from: string; to: string }[] = [];
  let next = filter.from;
  for (const span of covered) {
    if (span.from > next) runs.push({ from: next, to: previousDay(span.from) });
    if (span.to >= next) next = nextDay(span.to);
  }
  if (next <= filter.to) runs.push({ from: next, to: filter.to });
  return runs;
}
