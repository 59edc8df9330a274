/**
 * The first pull of an empty replica, without the per-document replication protocol: the
 * server's changes feed read in pages of 5,000 (2,000 wrote about a third slower, 10,000 no faster) with the documents in them
 * (`_changes?include_docs=true`), each page written in one local `bulkDocs` with
 * `new_edits: false` (the server's revisions kept as they are), then the live replication
 * continues from the last page's sequence. PouchDB's replicator asks the server three times
 * per batch (`_changes`, `_revs_diff`, `_bulk_get`) and writes its checkpoint after each; a
 * page here is one request and one local write. This is how CHT-style deployments bootstrap
 * large replicas; it uses only the standard API, so it works the same on Apache CouchDB.
 *
 * Pages follow the feed's order, so after each page every change up to its sequence is local:
 * the page's sequence is saved in a local document and a cut first sync resumes from it (or
 * the replication takes over from it). Documents that a page cannot carry whole — with
 * attachments (the feed has stubs only) or with conflicting revisions — are read with
 * `_bulk_get` (their revision histories and attachment bodies). Deletions are skipped: an
 * empty replica has nothing to delete.
 */
import type { Db } from './docs.ts';

export const BOOTSTRAP_PAGE = 5000;

/** Local documents are neither replicated nor counted. */
export const BOOTSTRAP_MARK = '_local/fo-bootstrap';

type Seq = string | number;

interface Mark {
  _id: typeof BOOTSTRAP_MARK;
  _rev?: string;
  /** Every change of the server up to here is local. */
  seq: Seq;
  done: boolean;
  /** The live replication has caught up once from `seq`: its own checkpoint now rules. */
  handedOver: boolean;
}

type Doc = { _id: string; _rev: string; _deleted?: boolean; _conflicts?: string[]; _attachments?: PouchDB.Core.Attachments };

/**
 * Local sequences (after `from`, up to `to`) that hold nothing but a page's documents: the
 * replica's own change feed need not read them back (data-layer.ts, `watchLocalWrites`).
 */
export type PageWrite = readonly [from: number, to: number];

/** What a pull replication starting now should do. */
export type PullStart =
  /** Replicate as usual, from the replication's own checkpoint. */
  | { since: null }
  /** Replicate from this sequence (written as the checkpoint at once), then call handOver(). */
  | { since: Seq };

async function readMark(local: Db): Promise<Mark | null> {
  try {
    return (await local.get(BOOTSTRAP_MARK)) as unknown as Mark;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

async function saveMark(local: Db, mark: Mark): Promise<Mark> {
  const { rev } = await local.put(mark as unknown as PouchDB.Core.PutDocument<object>);
  return { ...mark, _rev: rev };
}

/**
 * Brings an empty replica (or one whose bootstrap was cut) up to the server's current
 * sequence and says where the live pull starts. A replica that already holds documents
 * without a mark, or whose bootstrap was handed over, is left to the replication. A failure
 * midway rejects; what was written stays, and the mark says how far it got (`resumeFrom`).
 */
export async function bootstrapReplica(local: Db, remote: Db, onPage: (docs: readonly Doc[], written: PageWrite | null) => void, stopped: () => boolean): Promise<PullStart> {
  let mark = await readMark(local);
  if (mark?.handedOver) return { since: null };
  if (!mark) {
    const info = await local.info();
    if (info.doc_count > 0 || Number(info.update_seq) > 0) return { since: null };
    mark = await saveMark(local, { _id: BOOTSTRAP_MARK, seq: 0, done: false, handedOver: false });
  }
  const read = (since: Seq) => {
    const page = remote.changes({ since, limit: BOOTSTRAP_PAGE, batch_size: BOOTSTRAP_PAGE, include_docs: true, conflicts: true } as PouchDB.Core.ChangesOptions);
    page.catch(() => undefined); // awaited below, unless the loop stops first
    return page;
  };
  let next = mark.done ? null : read(mark.seq);
  while (next && !mark.done && !stopped()) {
    const page = await next;
    // The server reads the next page while this one is written.
    next = page.results.length < BOOTSTRAP_PAGE ? null : read(page.last_seq);
    const docs = page.results.flatMap((r) => (r.doc && !r.deleted && !(r.doc as Doc)._deleted ? [r.doc as unknown as Doc] : []));
    const whole = docs.filter((d) => !d._conflicts && !d._attachments);
    const special = docs.filter((d) => d._conflicts || d._attachments);
    const written = whole.length ? await writeAlone(local, whole) : null;
    if (special.length) await local.bulkDocs(await readWhole(remote, special), { new_edits: false });
    onPage(docs, written);
    mark = await saveMark(local, { ...mark, seq: page.last_seq, done: page.results.length < BOOTSTRAP_PAGE });
  }
  return { since: mark.seq };
}

/**
 * Writes a page and says which local sequences it alone took: as many as it has documents,
 * with no other write between the two readings. Anything else (a write of the user's in
 * between, a document already here after a cut) gives null, and the feed reads them all.
 */
async function writeAlone(local: Db, docs: readonly Doc[]): Promise<PageWrite | null> {
  const before = (await local.info()).update_seq;
  await local.bulkDocs(docs as Doc[], { new_edits: false });
  const after = (await local.info()).update_seq;
  return typeof before === 'number' && typeof after === 'number' && after - before === docs.length ? [before, after] : null;
}

/** Every revision of these documents (winner and conflicts), with history and attachments. */
async function readWhole(remote: Db, docs: readonly Doc[]): Promise<Doc[]> {
  const wanted = docs.flatMap((d) => [d._rev, ...(d._conflicts ?? [])].map((rev) => ({ id: d._id, rev })));
  const got = await remote.bulkGet({ docs: wanted, revs: true, attachments: true });
  return got.results.flatMap((r) => r.docs.flatMap((d) => ('ok' in d && d.ok ? [d.ok as unknown as Doc] : [])));
}

/** Where the live pull starts after a failed bootstrap: what the pages got so far. */
export async function resumeFrom(local: Db): Promise<PullStart> {
  const mark = await readMark(local);
  return mark && !mark.handedOver ? { since: mark.seq } : { since: null };
}

/** The live pull caught up from the bootstrap's sequence: from now on its checkpoint rules. */
export async function handOver(local: Db): Promise<void> {
  const mark = await readMark(local);
  if (mark && !mark.handedOver) await saveMark(local, { ...mark, done: true, handedOver: true });
}
