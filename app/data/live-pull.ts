/**
 * The live pull of a pull-only replica (the waiting-room display's branch database) without
 * PouchDB's per-document replication round. PouchDB's replicator asks the server twice per
 * batch (`_changes`, then `_bulk_get` for the documents) and writes its checkpoint on both
 * sides (GET and PUT of a `_local` document on the server). Here the feed carries the
 * documents (`_changes?include_docs=true&style=all_docs&conflicts=true`): a document this
 * replica has never seen, with one revision and no attachment, is written at once with
 * `new_edits: false` (its server revision kept, as the first sync does, bootstrap.ts); the
 * others — updates (whose revision history the feed does not carry), conflicts, deletions,
 * attachments — are read with `_bulk_get?revs=true` as the replicator would. The checkpoint
 * (the feed's sequence) is a local document only: nothing is written on the server.
 *
 * Standard CouchDB API only, so it behaves the same on Apache CouchDB. Emits what the data
 * layer listens to on a PouchDB replication: `active`, `change` ({docs}), `paused` (caught up,
 * or with the error before a retry), `error` (refused: the session is gone).
 */
import type { Db } from './docs.ts';

export const LIVE_PULL_CHECKPOINT = '_local/fo-live-pull';
const PAGE = 500;
/** A longpoll the server holds this long without a change, then answers empty; the next one starts. */
const LONGPOLL_MS = 25_000;

type Seq = string | number;
type Doc = { _id: string; _rev: string; _deleted?: boolean; _conflicts?: string[]; _attachments?: unknown };
interface Change {
  id: string;
  deleted?: boolean;
  changes: { rev: string }[];
  doc?: Doc;
}

export interface LivePullOptions {
  readonly local: Db;
  /** The server database's URL, e.g. `${origin}/db/fo_branch_dla`. */
  readonly remote: string;
  readonly fetch: typeof fetch;
  /** Where to start (the bootstrap's sequence); null: this pull's own checkpoint, else the beginning. */
  readonly since: Seq | null;
  /** The delay before a retry, given the previous one (0 at first). */
  readonly backoff: (previousMs: number) => number;
}

export interface LivePull {
  on(event: 'active' | 'paused' | 'change' | 'error', listener: (...args: any[]) => void): LivePull;
  cancel(): void;
}

class RefusedError extends Error {
  constructor(readonly status: number) {
    super(status === 401 ? 'unauthorized' : 'forbidden');
    this.name = this.message;
  }
}

/** Which changes can be written from the feed as they are, and which need their revisions read. */
export function sortChanges(changes: readonly Change[], localRevs: ReadonlyMap<string, string | null>): { direct: Doc[]; read: { id: string; rev: string }[] } {
  const direct: Doc[] = [];
  const read: { id: string; rev: string }[] = [];
  for (const c of changes) {
    const known = localRevs.get(c.id);
    const doc = c.doc;
    const single = c.changes.length === 1;
    if (known === undefined && doc && single && !c.deleted && !doc._deleted && !doc._conflicts && !doc._attachments) direct.push(doc);
    else if (!(single && known === c.changes[0]!.rev)) for (const { rev } of c.changes) read.push({ id: c.id, rev });
  }
  return { direct, read };
}

export function livePull(options: LivePullOptions): LivePull {
  const listeners = new Map<string, ((...args: any[]) => void)[]>();
  const emit = (event: string, ...args: unknown[]) => {
    for (const l of listeners.get(event) ?? []) l(...args);
  };
  const aborter = new AbortController();
  let cancelled = false;

  async function getJson(url: string, init?: RequestInit): Promise<any> {
    const res = await options.fetch(url, { ...init, credentials: 'include', signal: aborter.signal });
    if (res.status === 401 || res.status === 403) throw new RefusedError(res.status);
    if (!res.ok) throw Object.assign(new Error(`${res.status}`), { status: res.status });
    return res.json();
  }

  async function readCheckpoint(): Promise<Seq> {
    try {
      return ((await options.local.get(LIVE_PULL_CHECKPOINT)) as unknown as { since: Seq }).since;
    } catch {
      return 0;
    }
  }

  async function saveCheckpoint(since: Seq): Promise<void> {
    let rev: string | undefined;
    try {
      rev = (await options.local.get(LIVE_PULL_CHECKPOINT))._rev;
    } catch {
      rev = undefined;
    }
    await options.local.put({ _id: LIVE_PULL_CHECKPOINT, ...(rev ? { _rev: rev } : {}), since } as never);
  }

  /** Writes one page of the feed into the replica; returns the documents written. */
  async function apply(changes: Change[]): Promise<Doc[]> {
    const ids = [...new Set(changes.map((c) => c.id))];
    const rows = (await options.local.allDocs({ keys: ids })).rows as { key: string; value?: { rev: string; deleted?: boolean }; error?: string }[];
    const localRevs = new Map<string, string | null>();
    for (const r of rows) if (r.value) localRevs.set(r.key, r.value.deleted ? null : r.value.rev);
    const { direct, read } = sortChanges(changes, localRevs);
    const docs: Doc[] = [...direct];
    if (read.length) {
      const got = await getJson(`${options.remote}/_bulk_get?revs=true&attachments=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ docs: read }),
      });
      for (const r of got.results as { docs: { ok?: Doc }[] }[]) for (const d of r.docs) if (d.ok) docs.push(d.ok);
    }
    if (docs.length) await options.local.bulkDocs(docs as never, { new_edits: false });
    return docs;
  }

  async function run(): Promise<void> {
    let since: Seq = options.since ?? (await readCheckpoint());
    let delay = 0;
    let caughtUp = false;
    // A pause is told once caught up, again after new documents or a failed attempt.
    let tell = true;
    let saved = false;
    while (!cancelled) {
      try {
        const query = new URLSearchParams({ since: String(since), include_docs: 'true', style: 'all_docs', conflicts: 'true', limit: String(PAGE) });
        // Catching up: plain pages, so the first pause comes as soon as the replica is current.
        if (caughtUp) query.set('feed', 'longpoll'), query.set('timeout', String(LONGPOLL_MS));
        const page = (await getJson(`${options.remote}/_changes?${query}`)) as { results: Change[]; last_seq: Seq };
        if (cancelled) return;
        if (page.results.length) {
          emit('active');
          const docs = await apply(page.results);
          if (cancelled) return;
          emit('change', { docs });
        }
        // Saved at least once per start: the data layer marks the bootstrap handed over at the first pause.
        const moved = String(page.last_seq) !== String(since) || !saved;
        since = page.last_seq;
        if (moved) await saveCheckpoint(since);
        saved = true;
        delay = 0;
        caughtUp = page.results.length < PAGE;
        if (page.results.length > 0) tell = true;
        if (caughtUp && tell) emit('paused');
        if (caughtUp) tell = false;
      } catch (error) {
        if (cancelled) return;
        if (error instanceof RefusedError) {
          emit('error', error);
          return;
        }
        emit('paused', error);
        tell = true;
        caughtUp = false;
        delay = options.backoff(delay);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  const pull: LivePull = {
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return pull;
    },
    cancel() {
      cancelled = true;
      aborter.abort();
    },
  };
  // Listeners are attached by the caller right after this returns.
  queueMicrotask(() => void run().catch((error: unknown) => emit('error', error)));
  return pull;
}
