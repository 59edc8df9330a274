/**
 * Every write to a replica the user pushes, whoever made it, reported as `local-write`: the
 * replica's own changes feed is the truth, not the calls through the data layer (the queue
 * screens write through their own handle on the same IndexedDB database, remote-write.ts, and
 * conflict resolution through that one's; both used to go uncounted: "0 pending" offline with
 * work waiting, issue 9 item 7). local-writes.ts tells them from what the pull brought or the
 * push already sent.
 *
 * The first sync's pages (bootstrap.ts) are the server's documents, never the user's: the
 * feed pauses while they are written and, resumed, skips the local sequences a page took
 * alone. Reading 50,000 bootstrapped documents back through the feed cost the first sync
 * about a third of its speed (issue 15).
 */
import type { PageWrite } from './bootstrap.ts';
import type { Db } from './docs.ts';
import { localWriteJudge, type LocalWriteJudge } from './local-writes.ts';
import { takeOnServer } from './on-server.ts';
import type { SyncEvent } from './sync-state.ts';

type Seq = number | string;

export interface LocalWatch extends Omit<LocalWriteJudge, 'seen'> {
  /** Stops reading the feed; `resume` goes on from where it stopped. */
  pause(): void;
  /** Reads on from the pause, skipping `skip` (sequences that held only pulled pages). */
  resume(skip: readonly PageWrite[]): Promise<void>;
  cancel(): void;
}

export function watchLocalWrites(db: string, local: Db, report: (event: SyncEvent) => void): LocalWatch {
  const judge = localWriteJudge(
    (id, rev) => takeOnServer(db, id, rev),
    (id, rev) => report({ type: 'local-write', db, id, rev }),
  );
  // The sequence the feed starts from, read at once: a write made before the feed's first
  // event is after it, so a pause then a resume from here misses none.
  let last: Promise<Seq> = local.info().then((info) => info.update_seq);
  let feed: PouchDB.Core.Changes<{}> | null = null;
  let stopped = false;
  let paused = false;
  const see = (change: { id: string; seq: Seq; changes: { rev: string }[] }) => {
    last = Promise.resolve(change.seq);
    const rev = change.changes[0]?.rev;
    if (rev) judge.seen(change.id, rev);
  };
  const follow = (since: Seq) => {
    if (stopped || paused) return;
    feed = local.changes({ since, live: true });
    feed.on('change', see);
    feed.on('error', () => undefined); // the database closed under it (sign-out)
  };
  void last.then(follow, () => undefined);
  return {
    ...judge,
    pause() {
      paused = true;
      feed?.cancel();
      feed = null;
    },
    async resume(skip) {
      let since = await last;
      paused = false;
      for (const [from, to] of [...skip].sort((a, b) => a[0] - b[0])) {
        if (typeof since !== 'number' || to <= since) continue;
        if (from > since) for (const change of (await local.changes({ since, limit: from - since })).results) see(change);
        since = to;
        last = Promise.resolve(since);
      }
      follow(since);
    },
    cancel() {
      stopped = true;
      feed?.cancel();
    },
  };
}
