/**
 * The QueueStore of app/queue over plain HTTP through the server's /db/ proxy, signed in as a
 * branch user: what a counter does while the server is reachable, without a browser.
 */
import type { Ticket } from '../../../couch-design/types/ticket.ts';
import type { DocBase, Stored } from '../../../app/data/docs.ts';
import { ConflictError } from '../../../app/data/errors.ts';
import type { QueueStore } from '../../../app/queue/store.ts';
import { couch, type Session } from '../../support/couch-http.ts';

export interface HttpStoreStats {
  writes: number;
  conflicts: number;
  queries: number;
}

export function httpQueueStore(base: string, session: Session, db: string, stats: HttpStoreStats, replica = changesReplica(base, session, db, stats)): QueueStore {
  async function put<T extends DocBase>(doc: T): Promise<Stored<T>> {
    stats.writes++;
    const res = await couch(base, session, 'PUT', `/${db}/${encodeURIComponent(doc._id)}`, doc);
    if (res.status === 409) {
      stats.conflicts++;
      throw new ConflictError(doc._id, res.body);
    }
    if (res.status !== 201 && res.status !== 202) throw new Error(`PUT ${doc._id}: ${res.status} ${JSON.stringify(res.body)}`);
    return { ...doc, _rev: res.body.rev as string };
  }
  return {
    writeArbitrated: put,
    writeLocal: put,
    async log(event) {
      await put(event);
    },
    async waiting(day, services) {
      await replica.catchUp();
      return replica.waiting(day, services);
    },
  };
}

/**
 * What a device's live replica gives a counter: the branch's tickets, kept up to date from
 * the server's _changes feed (one incremental read shared by the counters of this process).
 */
const PAGE = 5000;

export function changesReplica(base: string, session: Session, db: string, stats: HttpStoreStats) {
  const tickets = new Map<string, Stored<Ticket>>();
  let since = '0';
  let running: Promise<void> | null = null;
  /** To the end of the feed, a page at a time (a busy branch has more than one page of changes). */
  async function pull(): Promise<void> {
    for (;;) {
      stats.queries++;
      const q = new URLSearchParams({ since, include_docs: 'true', limit: String(PAGE) });
      const res = await couch(base, session, 'GET', `/${db}/_changes?${q}`);
      if (res.status !== 200) throw new Error(`_changes: ${res.status}`);
      const results = res.body.results as { id: string; doc?: Stored<Ticket> }[];
      for (const r of results) if (r.doc?.type === 'ticket') tickets.set(r.id, r.doc);
      since = String(res.body.last_seq);
      if (results.length < PAGE) return;
    }
  }
  return {
    catchUp(): Promise<void> {
      running ??= pull().finally(() => (running = null));
      return running;
    },
    waiting(day: string, services: readonly string[]): Stored<Ticket>[] {
      return [...tickets.values()].filter((t) => t.day === day && t.state === 'waiting' && services.includes(t.service));
    },
  };
}
