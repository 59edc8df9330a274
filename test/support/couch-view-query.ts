/**
 * The app's own ViewQuery over CouchDB's HTTP API (app/stats/report-source.ts), through the
 * /db/ proxy with a test session's headers instead of the browser's cookie jar.
 */
import type { ViewQuery } from '../../app/stats/report-types.ts';
import { httpViewQuery as appViewQuery } from '../../app/stats/http-view.ts';
import type { Session } from './couch-http.ts';

export function httpViewQuery(base: string, db: string, session: Session): ViewQuery {
  return appViewQuery(`${base}/db`, db, (url, init) => fetch(url, { ...init, headers: { ...session.headers } }));
}
