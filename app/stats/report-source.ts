/**
 * Where a report's view queries go.
 *
 * Head office reads fo_central on the server over HTTP: a device replica of every branch's
 * history would be gigabytes, and the server's indexes are built once for everyone.
 * A branch supervisor also asks the server first (the branch database's built index answers in
 * milliseconds), and when the server cannot be reached runs the same view module as a
 * temporary view on the local branch replica through the data layer. The replica does hold
 * `_design/fo`, but the app's CSP (no 'unsafe-eval') forbids evaluating its function strings;
 * a temporary view is a full scan of the replica, slow over a year, fine for a day or a week.
 */
import type { DataLayer, TempView } from '../data/data-layer.ts';
import * as visitDurations from '../../couch-design/views/visit-durations.ts';
import * as visitStats from '../../couch-design/views/visit-stats.ts';
import type { ViewModule } from '../../couch-design/views/view-module.ts';
import type { ViewQuery } from './report-types.ts';
import { ServerUnreachable } from '../data/errors.ts';
import { ViewError, getRows, viewPath } from './http-view.ts';
import type { MonthRollupSource, RollupSource } from './report-query.ts';
import type { StatsDay } from '../../couch-design/types/stats-day.ts';
import type { StatsMonth } from '../../couch-design/types/stats-month.ts';

/** The views a report reads, by name (report-query names them `fo/<view>`). */
const LOCAL_VIEWS: Readonly<Record<string, ViewModule>> = { visit_stats: visitStats, visit_durations: visitDurations };

/** The daily roll-ups of `from`–`to`, every branch: one `_all_docs` id range of `statsday:<day>:<branch>`. */
export function httpRollups(base: string, db: string, fetcher: typeof fetch = fetch): RollupSource {
  return (from, to) => idRange<StatsDay>(base, db, fetcher, `statsday:${from}:`, `statsday:${to}:\ufff0`);
}

/** The monthly roll-ups of the months `from`–`to`, every branch: `statsmonth:<month>:<branch>`. */
export function httpMonthRollups(base: string, db: string, fetcher: typeof fetch = fetch): MonthRollupSource {
  return (from, to) => idRange<StatsMonth>(base, db, fetcher, `statsmonth:${from}:`, `statsmonth:${to}:\ufff0`);
}

async function idRange<T>(base: string, db: string, fetcher: typeof fetch, startkey: string, endkey: string): Promise<T[]> {
  const search = new URLSearchParams({ startkey: JSON.stringify(startkey), endkey: JSON.stringify(endkey), include_docs: 'true' });
  const rows = await getRows<{ doc?: T }>(`${base}/${db}/_all_docs?${search}`, fetcher);
  return rows.flatMap((r) => (r.doc ? [r.doc] : []));
}

/** Offline, no roll-ups (daily or monthly): the views (then the local replica) answer for every day. */
export function rollupsOrNone<T>(source: (from: string, to: string) => Promise<T[]>): (from: string, to: string) => Promise<T[]> {
  return async (from, to) => {
    try {
      return await source(from, to);
    } catch (error) {
      if (error instanceof ServerUnreachable) return [];
      throw error;
    }
  };
}

/** The view module as a temporary view: its map calls a global `emit`, lent to it for the call. */
export function tempView(view: ViewModule): TempView {
  return {
    map(doc, emit) {
      const scope = globalThis as { emit?: unknown };
      scope.emit = emit;
      try {
        view.map(doc);
      } finally {
        delete scope.emit;
      }
    },
    ...(view.reduce ? { reduce: view.reduce } : {}),
  };
}

/** The report's views run on the local branch replica. */
export function localViewQuery(layer: DataLayer): ViewQuery {
  return async (view, params) => {
    const module = LOCAL_VIEWS[viewPath(view)[1]];
    if (!module) throw new ViewError(404, `no local view ${view}`);
    return layer.query('branch', tempView(module), params);
  };
}

/** The server first; the local replica only when the server cannot be reached. */
export function withLocalFallback(remote: ViewQuery, local: ViewQuery): ViewQuery {
  return async (view, params) => {
    try {
      return await remote(view, params);
    } catch (error) {
      if (error instanceof ServerUnreachable) return local(view, params);
      throw error;
    }
  };
}
