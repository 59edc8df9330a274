/**
 * The shape of a statistics report, shared by the code that reads the statistics views
 * (report-query) and the screens that show, chart and export it. Durations are milliseconds,
 * days are `YYYY-MM-DD` in the branch's local calendar.
 */

/** count/sum/min/max of a duration, as CouchDB's `_stats` gives them; average = sum / count. */
export interface DurationStats {
  count: number;
  sum: number;
  min: number;
  max: number;
}

/** Upper bounds (minutes, exclusive) of the waiting-time bands 0–5, 5–10, 10–20, 20–30, 30+. */
export const WAIT_BANDS_MIN = [5, 10, 20, 30] as const;

export interface Figures {
  issued: number;
  served: number;
  noShow: number;
  transferred: number;
  /** Still open at end of day and closed by the end-of-day run. */
  abandoned: number;
  /** Issue (or re-queue) to first call. */
  wait: DurationStats;
  /** Start of service to finish. */
  service: DurationStats;
  /** Calls whose wait was within the service's target wait; share = withinTarget / wait.count. */
  withinTarget: number;
  /** Calls per waiting band, WAIT_BANDS_MIN.length + 1 entries. */
  waitBands: number[];
  /** Counter open and serving / open and not serving (paused time excluded). */
  busyMs: number;
  idleMs: number;
}

export type Dimension = 'branch' | 'service' | 'counter' | 'agent';

export interface ReportFilter {
  /** Inclusive day range. */
  from: string;
  to: string;
  /** Absent: every branch (head office, from the central database). */
  branch?: string;
  service?: string;
  counter?: string;
  agent?: string;
}

export interface Report {
  filter: ReportFilter;
  total: Figures;
  /** 24 entries, hour of day 0–23 (local time of the event). */
  byHour: Figures[];
  /** One row per day of the range that has activity, in day order. */
  byDay: { day: string; figures: Figures }[];
  /** One row per value of the dimension (branch code, service code, counter code, agent name). */
  by: Record<Dimension, { key: string; figures: Figures }[]>;
}

/** The one I/O a report needs: a view query on a database (PouchDB `query` or CouchDB over HTTP). */
export type ViewQuery = (
  view: string,
  params: { startkey?: unknown; endkey?: unknown; group_level?: number; reduce?: boolean; group?: boolean },
) => Promise<{ rows: { key: unknown; value: unknown }[] }>;
