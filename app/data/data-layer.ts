/**
 * The data layer: the only module that opens PouchDB databases. Keeps this user's local
 * replicas, runs live two-way replication with the server, and exposes typed reads and
 * validated writes by replica key ('ref' | 'people' | 'branch').
 */
import { watchLocalWrites, type LocalWatch } from './local-write-watch.ts';
import { NoReplicaError } from './errors.ts';
import { allDocsByPrefix, getDoc, putDoc, removeDoc, type Db, type DocBase, type PrefixOptions, type Stored, type ValidateHook, type WriteOptions } from './docs.ts';
import { nextBackoff } from './backoff.ts';
import { periodicPull, type PeriodicPull } from './periodic-pull.ts';
import { bootstrapReplica, handOver, resumeFrom, type PageWrite, type PullStart } from './bootstrap.ts';
import { livePull } from './live-pull.ts';
import { peopleCacheName, replicaPlan, type ReplicaKey, type ReplicaSpec } from './replicas.ts';
import type { Direction, SyncEvent } from './sync-state.ts';

export interface DataLayerOptions {
  readonly user: { readonly name: string; readonly roles: readonly string[] };
  readonly Pouch: PouchDB.Static;
  /** 'indexeddb' in browsers; tests pass 'memory'. */
  readonly adapter: string;
  /** e.g. `${location.origin}/db`; null keeps the replicas local (tests). */
  readonly remoteBase: string | null;
  readonly validate: ValidateHook;
  readonly report: (event: SyncEvent) => void;
  /** Replication met a 401: try to get a new session; the caller restarts sync when it works. */
  readonly onUnauthorized?: () => void;
  /**
   * Waited for before replication starts: in the browser, fetching PouchDB's HTTP and
   * replication plugins, which are not in the first load (app/data/pouch.ts).
   */
  readonly beforeSync?: () => Promise<void>;
}

export interface DataLayer {
  readonly replicas: readonly ReplicaSpec[];
  /**
   * For server requests outside replication (statistics views): the session cookie included,
   * and aborted at sign-out like the replication's, so no late answer brings the cookie back.
   */
  readonly fetch: typeof fetch;
  /** e.g. `${location.origin}/db`; null when the layer has no server (tests). */
  readonly remoteBase: string | null;
  /** Persons fetched from the server, kept on the device (app/people/people-cache.ts); null for kiosks and displays. */
  readonly peopleCache: Db | null;
  has(key: ReplicaKey): boolean;
  /** The local database of a replica, null when not held: the people search's Mango indexes (app/people/). */
  local(key: ReplicaKey): Db | null;
  get<T extends DocBase>(key: ReplicaKey, id: string): Promise<Stored<T> | null>;
  put<T extends DocBase>(key: ReplicaKey, doc: T): Promise<Stored<T>>;
  remove<T extends DocBase>(key: ReplicaKey, doc: Stored<T>): Promise<Stored<T>>;
  allDocsByPrefix<T extends DocBase>(key: ReplicaKey, prefix: string, options?: PrefixOptions): Promise<Stored<T>[]>;
  /**
   * A map/reduce view of a replica: `ddoc/view`, or a temporary view given as code. The app's
   * CSP forbids evaluating a design document's function strings, so in the browser only the
   * second form runs (a map taking `emit` as its second argument is called, not evaluated).
   */
  query(key: ReplicaKey, view: string | TempView, params: PouchDB.Query.Options<object, object>): Promise<{ rows: { key: unknown; value: unknown }[] }>;
  /** (Re)start live replication of every replica, e.g. after a new session or when the link returns. */
  startSync(): void;
  stopSync(): void;
  close(): Promise<void>;
}

export interface TempView {
  map: (doc: Record<string, unknown>, emit: (key: unknown, value?: unknown) => void) => void;
  reduce?: string;
}

interface DirectionEmitter {
  on(event: string, listener: (...args: any[]) => void): unknown;
}

/**
 * A shared database's share (docs/PEOPLE.md): pulled every few minutes, its local writes (the
 * back office's) pushed live. Shaped like PouchDB's two-way sync for the wiring below.
 */
function shareReplication(pull: PeriodicPull, push: (DirectionEmitter & { cancel(): void }) | null) {
  const both = push ? [pull, push] : [pull];
  return {
    pull,
    ...(push ? { push } : {}),
    on(event: string, listener: (...args: any[]) => void) {
      for (const one of both) one.on(event, listener);
    },
    cancel: () => both.forEach((one) => one.cancel()),
  };
}

/**
 * Every request to the server carries the AuthSession cookie. A layer's requests all end when
 * it closes (sign-out): one still running after the sign-out's DELETE /_session would bring the
 * cookie back, since the server renews it in its answers.
 */
function credentialedFetch(closed: AbortSignal) {
  return (url: RequestInfo | URL, init?: RequestInit) =>
    fetch(url, { ...init, credentials: 'include', signal: init?.signal ? AbortSignal.any([init.signal, closed]) : closed });
}

function reasonOf(error: unknown): string {
  const e = error as { reason?: unknown; message?: unknown; name?: unknown } | null;
  return String(e?.reason ?? e?.message ?? e?.name ?? 'unknown');
}

export function openDataLayer(options: DataLayerOptions): DataLayer {
  const replicas = replicaPlan(options.user);
  const locals = new Map<ReplicaKey, { spec: ReplicaSpec; db: Db }>();
  for (const spec of replicas) locals.set(spec.key, { spec, db: new options.Pouch(spec.local, { adapter: options.adapter }) });
  const cacheName = peopleCacheName(options.user);
  const peopleCache: Db | null = cacheName === null ? null : new options.Pouch(cacheName, { adapter: options.adapter });
  const syncs = new Map<ReplicaKey, { cancel(): void }>();
  const watches = new Map<ReplicaKey, LocalWatch>();
  for (const { spec, db } of locals.values()) if (spec.mode !== 'pull') watches.set(spec.key, watchLocalWrites(spec.remote, db, options.report));

  function replica(key: ReplicaKey) {
    const found = locals.get(key);
    if (!found) throw new NoReplicaError(key);
    return found;
  }

  const closing = new AbortController();
  const includeCredentials = credentialedFetch(closing.signal);

  function writeOptions(spec: ReplicaSpec): WriteOptions {
    return {
      validate: options.validate,
      context: { db: spec.remote, user: options.user },
      onWritten: (id, rev) => options.report({ type: 'local-write', db: spec.remote, id, rev }),
    };
  }

  let generation = 0;
  function startOne(spec: ReplicaSpec, local: Db, remoteBase: string, onFirstPause?: () => void) {
    const db = spec.remote;
    options.report({ type: 'started', db, directions: spec.mode === 'sync' ? ['push', 'pull'] : [spec.mode] });
    const remote = new options.Pouch(`${remoteBase}/${spec.remote}`, { skip_setup: true, fetch: includeCredentials } as PouchDB.Configuration.RemoteDatabaseConfiguration);
    const info = remote.info.bind(remote);
    // A filtered pull brings a share of the database: its whole doc_count is no progress total.
    if (spec.mode !== 'push' && !spec.filter)
      info().then(
        (found) => options.report({ type: 'expected', db, total: found.doc_count }),
        () => undefined,
      );
    // PouchDB 9's replicator calls the source's info() after every batch, only for its
    // activeTasks progress, and never catches it: a link lost at that moment would surface as
    // an unhandled rejection. Replication errors reach us through its events; this call's don't matter.
    remote.info = (() => info().catch(() => ({ db_name: spec.remote, doc_count: 0, update_seq: 0 }))) as typeof remote.info;
    const live = { live: true, retry: true, back_off_function: nextBackoff };
    // Big batches make the first pull much faster; pushes stay small (validated one by one).
    const pull = { ...live, batch_size: 1000, batches_limit: 4 };
    // The people search's Mango indexes are design documents of the local people replica: never
    // pushed (the gateway refuses design documents, and they are this device's own). Only there:
    // a filter changes the replication's id, and the other replicas' checkpoints stay as they were.
    const keepIndexes = { filter: (doc: { _id: string }) => !doc._id.startsWith('_design/') };
    const push = { batch_size: 100, ...(spec.key === 'people' ? keepIndexes : {}) };
    const share = spec.filter;
    const watch = watches.get(spec.key);
    const begin = (start: PullStart) => {
      // After a bootstrap, the pull starts where its pages ended (PouchDB writes that checkpoint
      // at once); once caught up, its own checkpoints rule (handOver).
      const from = start.since === null ? {} : { since: start.since };
      // Once per start, not on every pause of a live pull (each arriving ticket ends in one).
      let handingOver = start.since !== null;
      // Scans go 5 at a time: 5 × 2 MiB in base64 stays under the gateway's 16 MB _bulk_docs body.
      const sync = share
        ? shareReplication(
            periodicPull(() => local.replicate.from(remote, { batch_size: 1000, batches_limit: 4, filter: share.name, query_params: share.params })),
            spec.mode === 'sync' ? local.replicate.to(remote, { ...live, ...push }) : null,
          )
        : spec.mode === 'sync'
          ? local.sync(remote, { ...live, pull: { ...pull, ...from }, push } as PouchDB.Replication.SyncOptions)
          : spec.mode === 'push'
            ? local.replicate.to(remote, { ...live, batch_size: 5 })
            : spec.key === 'branch'
              ? // A read-only branch replica (the display): documents straight from the feed (live-pull.ts).
                livePull({ local, remote: `${remoteBase}/${spec.remote}`, fetch: includeCredentials as typeof fetch, since: start.since, backoff: nextBackoff })
              : local.replicate.from(remote, { ...pull, ...from });
      const emitters: [Direction, DirectionEmitter][] =
        spec.mode === 'sync' ? (['push', 'pull'] as const).map((d) => [d, (sync as unknown as Record<Direction, DirectionEmitter>)[d]]) : [[spec.mode, sync]];
      for (const [direction, emitter] of emitters) {
        emitter.on('active', () => {
          if (direction === 'pull') watch?.pullActive();
          options.report({ type: 'active', db, direction });
        });
        emitter.on('paused', (error?: unknown) => {
          if (direction === 'pull') {
            watch?.pullPaused();
            if (!error && handingOver) {
              handingOver = false;
              void handOver(local).catch(() => undefined);
            }
            onFirstPause?.();
            onFirstPause = undefined;
          }
          options.report({ type: 'paused', db, direction, error: error ? reasonOf(error) : null });
        });
        emitter.on('change', (info: { docs?: { _id: string; _rev?: string }[] }) => {
          if (direction === 'pull') watch?.pulled(info.docs ?? []);
          else watch?.pushed(info.docs ?? []);
          options.report({ type: 'change', db, direction, docs: info.docs ?? [] });
        });
        // A 403 from validate_doc_update: the document stays local only; the user must see why.
        emitter.on('denied', (error: { id?: string }) => options.report({ type: 'denied', db, id: error.id ?? '?', reason: reasonOf(error) }));
      }
      (sync as DirectionEmitter).on('error', (error: unknown) => {
        const code = String((error as { name?: unknown } | null)?.name ?? 'unknown').toLowerCase();
        options.report({ type: 'fatal', db, code });
        syncs.delete(spec.key);
        onFirstPause?.();
        onFirstPause = undefined;
        if (code === 'unauthorized') options.onUnauthorized?.();
      });
      syncs.set(spec.key, sync);
    };
    // An unfiltered pull of an empty replica starts with the bootstrap's pages (bootstrap.ts);
    // a failed bootstrap hands over from how far it got.
    if (spec.mode === 'push' || share) return begin({ since: null });
    const run = generation;
    watch?.pullActive();
    options.report({ type: 'active', db, direction: 'pull' });
    // The pages are the server's documents: the local-write watch skips what they alone wrote.
    const pages: PageWrite[] = [];
    const onPage = (docs: readonly { _id: string; _rev?: string }[], written: PageWrite | null) => {
      watch?.pulled(docs);
      if (written) pages.push(written);
      options.report({ type: 'change', db, direction: 'pull', docs });
    };
    watch?.pause();
    void bootstrapReplica(local, remote, onPage, () => run !== generation)
      .catch(() => resumeFrom(local))
      .catch((): PullStart => ({ since: null }))
      .then(async (start) => {
        await watch?.resume(pages).catch(() => undefined);
        if (run === generation) begin(start);
      });
  }

  const layer: DataLayer = {
    replicas,
    fetch: includeCredentials as typeof fetch,
    remoteBase: options.remoteBase,
    peopleCache,
    has: (key) => locals.has(key),
    local: (key) => locals.get(key)?.db ?? null,
    // async so that a missing replica rejects like any other failure
    get: async (key, id) => getDoc(replica(key).db, id),
    put: async (key, doc) => {
      const { spec, db } = replica(key);
      return putDoc(db, doc, writeOptions(spec));
    },
    remove: async (key, doc) => {
      const { spec, db } = replica(key);
      return removeDoc(db, doc, writeOptions(spec));
    },
    allDocsByPrefix: async (key, prefix, prefixOptions) => allDocsByPrefix(replica(key).db, prefix, prefixOptions),
    query: async (key, view, params) => replica(key).db.query(view as string, params),
    startSync() {
      layer.stopSync();
      const base = options.remoteBase;
      if (base === null) return;
      // The reference database first (services, counters: what a screen needs to be usable,
      // issue 9 item 6), the others once its pull has caught up or failed: on a device's first
      // sign-in the screen opens in seconds instead of after every database's first pull.
      const run = ++generation;
      const [first, ...rest] = [...locals.values()].sort((a, b) => Number(b.spec.key === 'ref') - Number(a.spec.key === 'ref'));
      const startRest = () => {
        if (run !== generation) return;
        for (const { spec, db } of rest) startOne(spec, db, base);
      };
      const start = () => {
        if (run === generation && first) startOne(first.spec, first.db, base, startRest);
      };
      if (!options.beforeSync) return start();
      options.beforeSync().then(start, (error: unknown) => {
        // The plugins could not be fetched: say so as a replication that stopped; the next
        // startSync (link back, new session) tries again.
        if (run === generation && first) options.report({ type: 'fatal', db: first.spec.remote, code: reasonOf(error).toLowerCase() });
      });
    },
    stopSync() {
      generation++;
      for (const sync of syncs.values()) sync.cancel();
      syncs.clear();
      for (const watch of watches.values()) watch.pullPaused();
    },
    async close() {
      layer.stopSync();
      for (const watch of watches.values()) watch.cancel();
      closing.abort();
      await Promise.all([...[...locals.values()].map(({ db }) => db.close()), peopleCache?.close()]);
    },
  };
  return layer;
}
