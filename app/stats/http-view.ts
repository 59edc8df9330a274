/**
 * A view query to the server over HTTP, and the two ways it fails (an error answered, or
 * ServerUnreachable from app/data/errors.ts): apart from the rest of
 * app/stats/report-source.ts because the queue's wait estimates ask
 * the server's view too (app/queue/branch-queue.ts), and a kiosk's first load should not carry
 * the statistics views the report runs locally.
 */
import { ServerUnreachable } from '../data/errors.ts';
import type { ViewQuery } from './report-types.ts';

/** Views are named `ddoc/view`; a bare name is in `_design/fo`. */
export function viewPath(view: string): [string, string] {
  return view.includes('/') ? (view.split('/', 2) as [string, string]) : ['fo', view];
}

/** A view error a screen can explain (status and CouchDB's reason). */
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

/** GET a CouchDB answer made of rows (`_view`, `_all_docs`): its rows, or ViewError, or ServerUnreachable. */
export async function getRows<R>(url: string, fetcher: typeof fetch): Promise<R[]> {
  let res: Response;
  try {
    res = await fetcher(url, { credentials: 'include' });
  } catch (error) {
    throw new ServerUnreachable(error);
  }
  const body = (await res.json().catch(() => ({}))) as { rows?: R[]; reason?: string; error?: string };
  if (!res.ok || !body.rows) throw new ViewError(res.status, String(body.reason ?? body.error ?? res.statusText));
  return body.rows;
}

/** GET `<base>/<db>/_design/<ddoc>/_view/<view>` with JSON-encoded parameters, as CouchDB wants them. */
export function httpViewQuery(base: string, db: string, fetcher: typeof fetch = fetch): ViewQuery {
  return async (view, params) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, JSON.stringify(value));
    const [ddoc, name] = viewPath(view);
    return { rows: await getRows<{ key: unknown; value: unknown }>(`${base}/${db}/_design/${ddoc}/_view/${name}?${search}`, fetcher) };
  };
}
