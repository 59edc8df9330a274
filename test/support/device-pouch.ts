/**
 * A device's databases in Node for integration tests: PouchDB with the memory adapter for the
 * device's replicas, and the server's databases through its /db/ gateway with a signed-in
 * user's session cookie, as a tablet replicates.
 */
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import type { Session } from './couch-http.ts';

PouchDB.plugin(memory).plugin(http).plugin(replication);

export { PouchDB };

/** A replica held in memory, named for the test's device. */
export function deviceDb(name: string): PouchDB.Database<{}> {
  return new PouchDB<{}>(name, { adapter: 'memory' });
}

/** `db` on the server at `base`, through the gateway, as the user of `session`. */
export function gatewayDb(base: string, db: string, session: Session): PouchDB.Database<{}> {
  const cookie = session.headers.cookie!;
  return new PouchDB<{}>(`${base}/db/${db}`, {
    skip_setup: true,
    fetch: (url: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('cookie', cookie);
      return fetch(url, { ...init, headers });
    },
  } as PouchDB.Configuration.RemoteDatabaseConfiguration);
}
