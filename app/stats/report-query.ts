/**
 * A statistics report from the views visit_stats (`_sum` of count vectors) and visit_durations
 * (`_stats` of wait and service times). Both are keyed [day, branch, service, counter, agent,
 * hour(, kind)]: one range query per view reads the period once, and the rows (one per day and
 * combination) are filtered and grouped here into the total, hours, days and dimensions.
 * No PouchDB or Solid here: the view query is injected.
 */
import type { Dimension, DurationStats, Figures, Report, ReportFilter, ViewQuery } from './report-types.ts';
import { addCounts, addStats, emptyFigures } from './figures.ts';

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

/** The report of `filter` (inclusive day range; branch, service, counter, agent when given). */
export async function loadReport(query: ViewQuery, filter: ReportFilter): Promise<Report> {
  const range = { startkey: [filter.from], endkey: [filter.to, {}] };
  const [counts, durations] = await Promise.all([query(STATS_VIEW, { ...range, group_level: 6 }), query(DURATIONS_VIEW, { ...range, group_level: 7 })]);
  const groups = new Groups();
  for (const row of counts.rows) {
    const k = rowKey(row.key);
    if (matches(k, filter)) for (const f of groups.targets(k)) addCounts(f, row.value as number[]);
  }
  for (const row of durations.rows) {
    const k = rowKey(row.key);
    if (!matches(k, filter)) continue;
    const kind = (row.key as unknown[])[6] === 'wait' ? 'wait' : 'service';
    for (const f of groups.targets(k)) addStats(f[kind], row.value as DurationStats);
  }
  return groups.report(filter);
}
