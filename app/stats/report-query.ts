/**
 * A statistics report from the views visit_stats (`_sum` of count vectors) and visit_durations
 * (`_stats` of wait and service times). Both are keyed [day, branch, service, counter, agent,
 * hour(, kind)]: one range query per view reads the period once, and the rows (one per day and
 * combination) are filtered and grouped here into the total, hours, days and dimensions.
 * Closed days may come pre-aggregated from daily roll-ups (`stats_day`, the same rows stored
 * per branch and day), read by id range instead of every index row of the period, and closed
 * whole months from monthly ones (`stats_month`, rows by day without the hour and by hour
 * without the day), so a year reads twelve documents per branch.
 * No PouchDB or Solid here: the view query and the roll-up source are injected.
 */
import type { Dimension, DurationStats, Figures, Report, ReportFilter, ViewQuery } from './report-types.ts';
import type { StatsDay } from '../../couch-design/types/stats-day.ts';
import type { MonthRow, StatsMonth } from '../../couch-design/types/stats-month.ts';
import { addCounts, addStats, emptyFigures } from './figures.ts';
import { planMonths, planReport, wholeMonthSpan } from './rollup-plan.ts';

export const STATS_VIEW = 'fo/visit_stats';
export const DURATIONS_VIEW = 'fo/visit_durations';

/** A monthly roll-up's rows lack the hour (rows by day) or the day (rows by hour). */
interface RowKey {
  day: string | undefined;
  branch: string;
  service: string;
  counter: string;
  agent: string;
  hour: number | undefined;
}

function rowKey(key: unknown): RowKey {
  const [day, branch, service, counter, agent, hour] = key as [string | undefined, string, string, string, string, number | undefined];
  return { day, branch, service, counter, agent, hour };
}

function matches(k: RowKey, f: ReportFilter): boolean {
  return (
    (f.branch === undefined || k.branch === f.branch) &&
    (f.service === undefined || k.service === f.service) &&
    (f.counter === undefined || k.counter === f.counter) &&
    (f.agent === undefined || k.agent === f.agent)
  );
}

const DIMENSIONS: readonly Dimension[] = ['branch', 'service', 'counter', 'agent'];

/**
 * Collects figures per group; each row lands in its hour, and in the total, its day and each
 * dimension, as far as its key has an hour and a day.
 */
class Groups {
  readonly total = emptyFigures();
  readonly byHour = Array.from({ length: 24 }, emptyFigures);
  readonly byDay = new Map<string, Figures>();
  readonly by = new Map<Dimension, Map<string, Figures>>(DIMENSIONS.map((d) => [d, new Map()]));

  targets(k: RowKey): Figures[] {
    const out = k.hour === undefined ? [] : [this.byHour[k.hour]!];
    if (k.day === undefined) return out;
    out.push(this.total, at(this.byDay, k.day));
    // Counter events have no service, reception's issues no counter: no '' row for those.
    for (const d of DIMENSIONS) if (k[d] !== '') out.push(at(this.by.get(d)!, k[d]));
    return out;
  }

  report(filter: ReportFilter): Report {
    const sorted = (m: Map<string, Figures>) => [...m.keys()].sort().map((key) => ({ key, figures: m.get(key)! }));
    const by = {} as Report['by'];
    for (const d of DIMENSIONS) by[d] = sorted(this.by.get(d)!);
    return { filter, total: this.total, byHour: this.byHour, byDay: sorted(this.byDay).map(({ key, figures }) => ({ day: key, figures })), by };
  }
}

function at(m: Map<string, Figures>, key: string): Figures {
  let f = m.get(key);
  if (!f) m.set(key, (f = emptyFigures()));
  return f;
}

/** The roll-ups (`stats_day`) of every branch for the days `from`–`to` (an `_all_docs` id range). */
export type RollupSource = (from: string, to: string) => Promise<StatsDay[]>;

/** The monthly roll-ups (`stats_month`) of every branch for the months `from`–`to` (`YYYY-MM`). */
export type MonthRollupSource = (from: string, to: string) => Promise<StatsMonth[]>;

export interface ReportSources {
  rollups?: RollupSource;
  months?: MonthRollupSource;
  /** All-branches reports: every branch to cover, so a day is taken from roll-ups only when none is missing. */
  branches?: readonly string[];
  /** Called as the reads finish: `done` of the `total` known so far (the plan grows as roll-ups arrive). */
  onProgress?: (progress: ReportProgress) => void;
}

export interface ReportProgress {
  done: number;
  total: number;
}

/** The report of `filter` (inclusive day range; branch, service, counter, agent when given). */
export async function loadReport(query: ViewQuery, filter: ReportFilter, sources: ReportSources = {}): Promise<Report> {
  let done = 0;
  let total = 0;
  const planned = (steps: number) => {
    total += steps;
    sources.onProgress?.({ done, total });
  };
  const step = <T>(result: T): T => {
    done += 1;
    sources.onProgress?.({ done, total });
    return result;
  };
  const whole = wholeMonthSpan(filter);
  const readMonths = sources.months !== undefined && whole !== null;
  planned(readMonths ? 1 : 0);
  const monthPlan = planMonths(filter, readMonths ? step(await sources.months!(whole!.first, whole!.last)) : [], sources.branches);
  planned(sources.rollups ? monthPlan.dayRanges.length : 0);
  const plans = await Promise.all(
    monthPlan.dayRanges.map(async (range) => planReport({ ...filter, ...range }, sources.rollups ? step(await sources.rollups(range.from, range.to)) : [], sources.branches)),
  );
  const groups = new Groups();
  const addRow = (key: unknown[], value: unknown) => {
    const k = rowKey(key);
    if (!matches(k, filter)) return;
    if (key.length === 6) for (const f of groups.targets(k)) addCounts(f, value as number[]);
    else for (const f of groups.targets(k)) addStats(f[key[6] === 'wait' ? 'wait' : 'service'], value as DurationStats);
  };
  const stats = ([count, sum, min, max]: readonly number[]) => ({ count, sum, min, max }) as DurationStats;
  // Roll-up rows are compact (couch-design/types/stats-*.ts): the branch and the day or month
  // are the document's; an absent day or hour is `undefined` in the view-shaped key.
  // A monthly row is the three view rows of its key: counts, wait, service (0: none).
  const addMonthRow = (key: unknown[], [, , counts, wait, service]: MonthRow) => {
    addRow(key, counts);
    if (wait !== 0) addRow([...key, 'wait'], stats(wait));
    if (service !== 0) addRow([...key, 'service'], stats(service));
  };
  for (const m of monthPlan.months) {
    const day = (dayOfMonth: number) => `${m.month}-${String(dayOfMonth).padStart(2, '0')}`;
    for (const row of m.days) addMonthRow([day(row[0]), m.branch, ...m.combos[row[1]]!, undefined], row);
    for (const row of m.hours) addMonthRow([undefined, m.branch, ...m.combos[row[1]]!, row[0]], row);
  }
  for (const day of plans.flatMap((p) => p.rollups)) {
    for (const [key, value] of day.stats) addRow([day.day, day.branch, ...key], value);
    for (const [key, value] of day.durations) addRow([day.day, day.branch, ...key], stats(value));
  }
  const viewRanges = plans.flatMap((p) => p.viewRanges);
  planned(viewRanges.length);
  await Promise.all(
    viewRanges.map(async ({ from, to }) => {
      const range = { startkey: [from], endkey: [to, {}] };
      const [counts, durations] = await Promise.all([query(STATS_VIEW, { ...range, group_level: 6 }), query(DURATIONS_VIEW, { ...range, group_level: 7 })]);
      for (const row of [...counts.rows, ...durations.rows]) addRow(row.key as unknown[], row.value);
      step(null);
    }),
  );
  return groups.report(filter);
}
