/**
 * Where a report's view queries go. A branch supervisor reads the local branch replica through
 * the data layer (works offline); replicas carry no design documents unless the app installs
 * them, so when the view is not there (404) the same query goes to the branch database on the
 * server. Head office reads fo_central on the server over HTTP: a device replica of every
 * branch's history would be gigabytes, and the server's indexes are already built.
 */
import type { DataLayer } from '../data/data-layer.ts';
import { statusOf } from '../data/errors.ts';
import type { ViewQuery } from './report-types.ts';

/** Views are named `ddoc/view` (report-query's names); a bare name is in `_design/fo`. */
function viewPath(view: string): [string, string] {
  const [ddoc, name] = view.includes('/') ? (view.split('/', 2) as [string, string]) : ['fo', view];
  return [ddoc, name];
}

/** A view error a screen can explain: `rebuilding` while the server builds a new index. */
export class ViewError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(`view query failed: ${status} ${reason}`);
    this.name = 'ViewError';
  }
}

/** CouchDB answers 500 `timeout` on a cold index it is still building (see issue 5). */
export function isRebuilding(error: unknown): boolean {
  const e = error as { status?: unknown; reason?: unknown; code?: unknown; message?: unknown } | null;
  return e?.code === 'rebuilding' || (e?.status === 500 && /timeout/i.test(String(e.reason ?? ''))) || /rebuil/i.test(String(e?.message ?? ''));
}

/** GET `<base>/<db>/_design/<ddoc>/_view/<view>` with JSON-encoded parameters, as CouchDB wants them. */
export function httpViewQuery(base: string, db: string, fetcher: typeof fetch = fetch): ViewQuery {
  return async (view, params) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, JSON.stringify(value));
    const [ddoc, name] = viewPath(view);
    const res = await fetcher(`${base}/${db}/_design/${ddoc}/_view/${name}?${search}`, { credentials: 'include' });
    const body = (await res.json().catch(() => ({}))) as { rows?: { key: unknown; value: unknown }[]; reason?: string; error?: string };
    if (!res.ok || !body.rows) throw new ViewError(res.status, String(body.reason ?? body.error ?? res.statusText));
    return { rows: body.rows };
  };
}

/** The local branch replica first; the server's branch database when the replica has no such view. */
export function branchViewQuery(layer: DataLayer, remote: ViewQuery): ViewQuery {
  let local = layer.has('branch');
  return async (view, params) => {
    if (local) {
      try {
        return await layer.query('branch', viewPath(view).join('/'), params);
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
        local = false;
      }
    }
    return remote(view, params);
  };
}
