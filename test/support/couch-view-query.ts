/** A ViewQuery (app/stats/report-types.ts) over CouchDB's HTTP API, through the /db/ proxy. */
import type { ViewQuery } from '../../app/stats/report-types.ts';
import { couch, type Session } from './couch-http.ts';

/** `view` is `<design doc>/<view>` as PouchDB names it; parameters go JSON-encoded, as CouchDB wants. */
export function httpViewQuery(base: string, db: string, session: Session): ViewQuery {
  return async (view, params) => {
    const [ddoc, name] = view.split('/');
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) qs.set(k, JSON.stringify(v));
    const res = await couch(base, session, 'GET', `/${db}/_design/${ddoc}/_view/${name}?${qs}`);
    if (res.status !== 200) throw new Error(`${view} on ${db}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
}
