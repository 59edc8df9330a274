/**
 * "Ours": the app's own first pull, through the app's own code: `openDataLayer` with
 * `BrowserPouch` and `BROWSER_ADAPTER` (app/data/pouch.ts), started with `startSync()` as
 * DataProvider does. So the options (live sync or pull, pull batch_size/batches_limit, push
 * batch size, credentials fetch, skip_setup) are whatever app/data currently sets.
 *
 * The data layer derives its replicas, and whether each is synced both ways or only pulled,
 * from the user (app/data/replicas.ts): here `<role>` + `branch:bench` (default role counter,
 * a writer, so the branch replica is a two-way sync as on most branch devices). The PouchDB
 * constructor handed to it is the app's, wrapped only to point the remote URLs elsewhere: the
 * branch replica at the bench database, fo_ref at an empty database, so only the branch
 * replica's pull is measured. A filtered pull (the people of the branch) stays on its own
 * database, the only one whose filter the gateway accepts; no one there is of branch `bench`,
 * so it pulls nothing.
 * Done = the pull direction's first `paused` without error: what the app calls first sync done
 * (sync-state.ts `firstSyncDone`).
 */
import { openDataLayer } from '../../app/data/data-layer.ts';
import { BROWSER_ADAPTER, BrowserPouch, loadPouchPlugins } from '../../app/data/pouch.ts';
import { replicaPlan } from '../../app/data/replicas.ts';
import type { SyncEvent } from '../../app/data/sync-state.ts';
import type { RunRequest, RunResult } from './protocol.ts';

type Construct = [name: string, options?: PouchDB.Configuration.DatabaseConfiguration];

export async function run(request: RunRequest): Promise<RunResult> {
  const user = { name: request.user.name, roles: [request.role, 'branch:bench'] };
  const plan = replicaPlan(user);
  const branch = plan.find((spec) => spec.key === 'branch');
  if (!branch) throw new Error(`no branch replica in the app's plan: ${JSON.stringify(plan)}`);
  const remoteBase = `${location.origin}/db`;
  const filtered = new Set(plan.filter((spec) => spec.filter).map((spec) => `${remoteBase}/${spec.remote}`));
  const redirect = (name: string) => {
    if (!name.startsWith(`${remoteBase}/`) || filtered.has(name)) return name;
    return `${remoteBase}/${name === `${remoteBase}/${branch.remote}` ? request.db : request.emptyDb}`;
  };
  const opened = new Map<string, PouchDB.Database>();
  const Pouch = new Proxy(BrowserPouch, {
    construct(target, args: Construct) {
      const db = new target(redirect(args[0]), args[1]);
      opened.set(args[0], db);
      return db;
    },
  });

  let written = 0;
  let settle!: { resolve: (at: number) => void; reject: (error: Error) => void };
  const done = new Promise<number>((resolve, reject) => (settle = { resolve, reject }));
  const report = (event: SyncEvent) => {
    if (!('db' in event) || event.db !== branch.remote) return;
    if (event.type === 'change' && event.direction === 'pull') written += event.docs.length;
    else if (event.type === 'paused' && event.direction === 'pull') {
      if (event.error === null) settle.resolve(performance.now());
      else settle.reject(new Error(`pull paused on an error: ${event.error}`));
    } else if (event.type === 'fatal') settle.reject(new Error(`replication stopped: ${event.code}`));
    else if (event.type === 'denied') settle.reject(new Error(`write denied: ${event.id} ${event.reason}`));
  };

  const started = performance.now();
  const layer = openDataLayer({ user, Pouch, adapter: BROWSER_ADAPTER, remoteBase, validate: () => [], report, beforeSync: loadPouchPlugins });
  layer.startSync();
  let ended: number;
  try {
    ended = await done;
  } finally {
    layer.stopSync();
  }
  const local = opened.get(branch.local);
  if (!local) throw new Error(`the data layer did not open ${branch.local}`);
  const info = await local.info();
  // PouchDB sets `adapter` on every instance; @types/pouchdb leaves it out.
  const adapter = (local as PouchDB.Database & { adapter: string }).adapter;
  await layer.close();
  return { variant: 'ours', db: request.db, ms: ended - started, docCount: info.doc_count, adapter, written, mode: branch.mode };
}
