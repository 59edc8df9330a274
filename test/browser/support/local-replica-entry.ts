/**
 * Browser side of local-replica.ts: the app's own PouchDB set-up (app/data/pouch.ts) opened
 * on a user's local replica, in a second tab of the same origin. Bundled at test time.
 */
import { BROWSER_ADAPTER, BrowserPouch } from '../../../app/data/pouch.ts';
import { localName } from '../../../app/data/replicas.ts';

export interface LocalReplicaApi {
  put(user: string, remote: string, doc: { _id: string }): Promise<string>;
  ids(user: string, remote: string): Promise<string[]>;
}

async function withDb<T>(user: string, remote: string, use: (db: PouchDB.Database) => Promise<T>): Promise<T> {
  const db = new BrowserPouch(localName(user, remote), { adapter: BROWSER_ADAPTER });
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}

const api: LocalReplicaApi = {
  put: (user, remote, doc) => withDb(user, remote, async (db) => (await db.put(doc)).rev),
  ids: (user, remote) => withDb(user, remote, async (db) => (await db.allDocs()).rows.map((row) => row.id)),
};

(globalThis as unknown as { localReplica: LocalReplicaApi }).localReplica = api;
