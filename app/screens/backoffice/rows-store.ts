/**
 * The delivered documents of a branch replica, kept in memory for the signed-in session
 * (issue 11: first rows in under 150 ms with 20,000 documents). Reading every `submission:`
 * and `review:` document from IndexedDB takes seconds on a tablet, so:
 *   - the first read takes the newest submissions and the reviews dated from their first day
 *     on (a review is dated on or after the submission it decides), and shows their rows at
 *     once, marked `partial`, while every document is read behind;
 *   - the documents and rows stay here when the section is left, so coming back shows them at
 *     once;
 *   - afterwards only what changed in the replica since the last read (its changes feed) is
 *     merged in, not a full re-read on each replication batch.
 * No Solid here: the section subscribes (BackofficeScreen.tsx). Tested with PouchDB's memory
 * adapter in rows-store.test.ts.
 */
import type { Db, DocBase } from '../../data/docs.ts';
import type { Submission, SubmissionReview } from '../../../couch-design/types/submission.ts';
import type { EventType } from '../../../couch-design/types/catalogue.ts';
import { buildRows, type Row } from './rows.ts';

/** Newest submissions read first: a few screens of rows, read in tens of milliseconds. */
export const FIRST_SUBMISSIONS = 120;

/** What the rows need from the reference data: the events (names, required documents) and the branch's time zone. */
export interface RowsRef {
  readonly events: readonly EventType[];
  readonly timeZone: string;
}

export interface RowsState extends RowsRef {
  readonly rows: readonly Row[];
  /** Only the newest submissions are in `rows` yet: older ones are being read. */
  readonly partial: boolean;
}

export interface RowsStore {
  current(): RowsState | null;
  /** Told of every new state; returns the unsubscribe. */
  subscribe(listener: (state: RowsState) => void): () => void;
  /** Reads what the replica holds that the store does not have yet; calls while one runs coalesce into one more. */
  refresh(): Promise<void>;
}

/** The documents the rows are built from, by id; append-only types, so a change only adds (or, deleted, removes). */
export class BranchDocs {
  readonly submissions = new Map<string, Submission>();
  readonly reviews = new Map<string, SubmissionReview>();

  /** Takes in `docs`; true when one of them counts for the rows. */
  merge(docs: readonly DocBase[]): boolean {
    let changed = false;
    for (const doc of docs) {
      const map: Map<string, DocBase> | null = doc._id.startsWith('submission:') ? this.submissions : doc._id.startsWith('review:') ? this.reviews : null;
      if (!map) continue;
      if (doc._deleted) changed = map.delete(doc._id) || changed;
      else if ((map === this.submissions && doc.type === 'submission') || (map === this.reviews && doc.type === 'submission_review')) {
        map.set(doc._id, doc);
        changed = true;
      }
    }
    return changed;
  }

  rows(events: readonly EventType[]): Row[] {
    const required = new Map(events.map((e) => [e.code, e.requiredDocuments]));
    return buildRows([...this.submissions.values()], [...this.reviews.values()], (code) => required.get(code) ?? []);
  }
}

async function docsBetween(db: Db, startkey: string, endkey: string, options: { descending?: boolean; limit?: number } = {}): Promise<DocBase[]> {
  const result = await db.allDocs({ include_docs: true, startkey, endkey, ...options });
  return result.rows.flatMap((r) => (r.doc ? [r.doc as unknown as DocBase] : []));
}

const dayOf = (id: string) => id.split(':')[1] ?? '';

/** `readRef` is read again on each refresh: a few documents, and the catalogue may have changed. */
export function createRowsStore(db: Db, readRef: () => Promise<RowsRef>): RowsStore {
  const docs = new BranchDocs();
  let state: RowsState | null = null;
  /** The replica's sequence the documents are read up to; null until every document is read. */
  let since: number | string | null = null;
  const listeners = new Set<(state: RowsState) => void>();
  let ref: RowsRef = { events: [], timeZone: 'UTC' };
  const publish = (partial: boolean) => {
    state = { ...ref, rows: docs.rows(ref.events), partial };
    for (const listener of listeners) listener(state);
  };

  async function firstRead() {
    const [newest, read] = await Promise.all([docsBetween(db, 'submission:\uffff', 'submission:', { descending: true, limit: FIRST_SUBMISSIONS }), readRef()]);
    ref = read;
    if (newest.length > 0) {
      const oldestDay = dayOf(newest[newest.length - 1]!._id);
      docs.merge(newest);
      docs.merge(await docsBetween(db, 'review:' + oldestDay, 'review:\uffff'));
      publish(true);
    }
    // The sequence first: a document written during the full read is then read again, never missed.
    const seq = (await db.info()).update_seq;
    const [submissions, reviews] = await Promise.all([docsBetween(db, 'submission:', 'submission:\uffff'), docsBetween(db, 'review:', 'review:\uffff')]);
    docs.merge(submissions);
    docs.merge(reviews);
    since = seq;
    publish(false);
  }

  async function changesRead() {
    const [result, read] = await Promise.all([db.changes({ since: since!, include_docs: true }), readRef()]);
    const refChanged = JSON.stringify(read) !== JSON.stringify(ref);
    ref = read;
    const merged = docs.merge(result.results.map((r) => (r.deleted ? { _id: r.id, _deleted: true } : (r.doc as unknown as DocBase))));
    since = result.last_seq;
    if (merged || refChanged) publish(false);
  }

  let running: Promise<void> | null = null;
  let again = false;
  async function run(): Promise<void> {
    do {
      again = false;
      await (since === null ? firstRead() : changesRead());
    } while (again);
  }

  return {
    current: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh() {
      if (running) {
        again = true;
        return running;
      }
      running = run().finally(() => (running = null));
      return running;
    },
  };
}

/** One store per local database: a new sign-in opens new databases, so nothing of another session is shown. */
const stores = new WeakMap<Db, RowsStore>();

export function rowsStoreOf(db: Db, readRef: () => Promise<RowsRef>): RowsStore {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = createRowsStore(db, readRef)));
  return store;
}
