/**
 * Apache CouchDB instead of the embedded engine, for the parts whose figures depend on the
 * engine (first sync, queues): `COUCH_URL`, `COUCH_ADMIN_USER` and `COUCH_ADMIN_PASSWORD` from
 * the bench's environment go to the server it starts (test/support/server-process.ts blanks
 * them otherwise), and the bench's admin-only set-up goes to that CouchDB as its admin.
 */
import { ADMIN, basicAuth, engineUrl, type Session } from '../test/support/couch-http.ts';

const COUCH_VARS = ['COUCH_URL', 'COUCH_ADMIN_USER', 'COUCH_ADMIN_PASSWORD'] as const;

/** The variables to pass to `startServer`: none without `COUCH_URL`. */
export function couchEnv(): Record<string, string> {
  if (!process.env.COUCH_URL) return {};
  return Object.fromEntries(COUCH_VARS.flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
}

/** Where database and user set-up goes, and as whom: the CouchDB in `couch` (what the server was started with), or the embedded engine's loopback port. */
export function setupTarget(server: { enginePort: number }, couch: Record<string, string>): { engine: string; admin: Session } {
  if (!couch.COUCH_URL) return { engine: engineUrl(server), admin: basicAuth(ADMIN.name, ADMIN.password) };
  return { engine: couch.COUCH_URL.replace(/\/+$/, ''), admin: basicAuth(couch.COUCH_ADMIN_USER ?? ADMIN.name, couch.COUCH_ADMIN_PASSWORD ?? ADMIN.password) };
}
