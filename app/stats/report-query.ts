/**
 * A statistics report from the views visit_stats (`_sum` of count vectors) and visit_durations
 * (`_stats` of wait and service times). Both are keyed [day, branch, service, counter, agent,
 * hour(, kind)]: one range query per view reads the period once, and the rows (one per day and
 * combination) are filtered and grouped here into the total, hours, days and dimensions.
 * Closed days may come pre-aggregated from daily roll-ups (`stats_day`, the same rows stored
 * per branch and day), read by id range instead of every index row of the period.
 * No PouchDB or Solid here: the view query and the roll-up source are injected.
 */
import type { Dimension, DurationStats, Figures, Report, ReportFilter, ViewQuery } from './report-types.ts';
import type { StatsDay } from '../../couch-design/types/stats-day.ts';
import { addCounts, addStats, emptyFigures } from './figures.ts';
import { planReport } from './rollup-plan.ts';

export const STATS_VIEW = 'fo/visit_stats';
export const DURATIONS_VIEW = 'fo/visit_durations';

interface RowKey {
  day: string;
  branch: string;
  service: string;
  counter: string;
  agent: string;
  hour: number;
}

function rowKey(key: unknown): RowKey {
  const [day, branch, service, counter, agent, hour] = key as [string, string, string, string, string, number];
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

/** Collects figures per group; each row lands in the total, its hour, its day and each dimension. */
class Groups {
  readonly total = emptyFigures();
  readonly byHour = Array.from({ length: 24 }, emptyFigures);
  readonly byDay = new Map<string, Figures>();
  readonly by = new Map<Dimension, Map<string, Figures>>(DIMENSIONS.map((d) => [d, new Map()]));

  targets(k: RowKey): Figures[] {
    const out = [this.total, this.byHour[k.hour]!, at(this.byDay, k.day)];
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

export interface ReportSources {
  rollups?: RollupSource;
  /** All-branches reports: every branch to cover, so a day is taken from roll-ups only when none is missing. */
  branches?: readonly string[];
}

/** The report of `filter` (inclusive day range; branch, service, counter, agent when given). */
export async function loadReport(query: ViewQuery, filter: ReportFilter, sources: ReportSources = {}): Promise<Report> {
  const plan = planReport(filter, sources.rollups ? await sources.rollups(filter.from, filter.to) : [], sources.branches);
  const groups = new Groups();
  const addRow = (key: unknown[], value: unknown) => {
    const k = rowKey(key);
    if (!matches(k, filter)) return;
    if (key.length === 6) for (const f of groups.targets(k)) addCounts(f, value as number[]);
    else for (const f of groups.targets(k)) addStats(f[key[6] === 'wait' ? 'wait' : 'service'], value as DurationStats);
  };
  // Roll-up rows are compact (couch-design/types/stats-day.ts): the day and branch are the document's.
  for (const day of plan.rollups) {
    for (const [key, value] of day.stats) addRow([day.day, day.branch, ...key], value);
    for (const [key, [count, sum, min, max]] of day.durations) addRow([day.day, day.branch, ...key], { count, sum, min, max });
  }
  await Promise.all(
    plan.viewRanges.map(async ({ from, to }) => {
      const range = { startkey: [from], endkey: [to, {}] };
      const [counts, durations] = await Promise.all([query(STATS_VIEW, { ...range, group_level: 6 }), query(DURATIONS_VIEW, { ...range, group_level: 7 })]);
      for (const row of [...counts.rows, ...durations.rows]) addRow(row.key as unknown[], row.value);
    }),
  );
  return groups.report(filter);
}
