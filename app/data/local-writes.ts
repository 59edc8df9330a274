/**
 * Which changes of a pushed replica are this user's writes still waiting to be pushed (the
 * "N pending" of the sync indicator). The replica's change feed shows every write, including
 * what the pull brings and what the push has already sent; the feed, the pull and the push
 * report in no fixed order, so each revision is judged against what both have said so far.
 */
export interface LocalWriteJudge {
  /** A revision appeared in the replica's change feed. */
  seen(id: string, rev: string): void;
  pullActive(): void;
  pulled(docs: readonly { _id: string; _rev?: string }[]): void;
  pushed(docs: readonly { _id: string; _rev?: string }[]): void;
  pullPaused(): void;
}

/** Pushed revisions remembered for a feed event that comes late; a day's work stays far below. */
const PUSHED_MEMORY = 2000;

/**
 * `onServer` says whether the device already wrote that revision to the server itself
 * (on-server.ts); `report` receives each revision left to push.
 */
export function localWriteJudge(onServer: (id: string, rev: string) => boolean, report: (id: string, rev: string) => void): LocalWriteJudge {
  let pulling = false;
  const waiting = new Map<string, string>();
  const pulled = new Map<string, string>();
  const pushed = new Map<string, string>();
  const judge = (id: string, rev: string) => {
    if (pulled.get(id) === rev || onServer(id, rev)) return;
    // A write made while the pull ran waits for the pull to pause; the push may have sent it meanwhile.
    if (pushed.get(id) === rev) {
      pushed.delete(id);
      return;
    }
    report(id, rev);
  };
  return {
    seen(id, rev) {
      if (pulling) waiting.set(id, rev);
      else judge(id, rev);
    },
    pullActive: () => void (pulling = true),
    pulled(docs) {
      for (const doc of docs) if (doc._rev) pulled.set(doc._id, doc._rev);
    },
    pushed(docs) {
      for (const doc of docs) {
        if (!doc._rev) continue;
        pushed.delete(doc._id);
        pushed.set(doc._id, doc._rev);
      }
      for (const id of pushed.keys()) {
        if (pushed.size <= PUSHED_MEMORY) break;
        pushed.delete(id);
      }
    },
    pullPaused() {
      pulling = false;
      for (const [id, rev] of waiting) judge(id, rev);
      waiting.clear();
      pulled.clear();
    },
  };
}
