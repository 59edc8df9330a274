/**
 * Remote-first conditional writes and a live change feed on one local replica, for writes
 * the server must arbitrate (ticket numbers, calls). Additive to the data layer: it opens its
 * own handles on the same local IndexedDB database and on the server database.
 */
import { ConflictError, ValidationError, statusOf } from './errors.ts';
import { markOnServer } from './on-server.ts';
import { getDoc, putDoc, type Db, type DocBase, type Stored, type ValidateHook } from './docs.ts';

/** The server did not answer: nothing was written there. */
export class UnreachableError extends Error {
  readonly code = 'unreachable';
  constructor(cause?: unknown) {
    super('server unreachable', { cause });
    this.name = 'UnreachableError';
  }
}

export interface RemoteWriterOptions {
  readonly Pouch: PouchDB.Static;
  readonly adapter: string;
  readonly local: string;
  readonly remote: string;
  /** e.g. `${location.origin}/db`. */
  readonly remoteBase: string;
  readonly user: { readonly name: string; readonly roles: readonly string[] };
  readonly validate: ValidateHook;
  /** The data layer's credentialed fetch, aborted at sign-out (default: the global one). */
  readonly fetch?: typeof fetch;
}

export interface RemoteWriter {
  /** PUT straight to the server (409 → ConflictError), then the same revision into the replica. */
  writeArbitrated<T extends DocBase>(doc: T): Promise<Stored<T>>;
  writeLocal<T extends DocBase>(doc: T): Promise<Stored<T>>;
  /** The server's verdict when it answers (409, 403 as they are); the replica when it cannot be reached. */
  writeServerFirst<T extends DocBase>(doc: T): Promise<Stored<T>>;
  allDocsByPrefix<T extends DocBase>(prefix: string): Promise<Stored<T>[]>;
  /** Every change of the local replica (local writes and pulled ones); returns the unsubscribe. */
  subscribe(onChange: (doc: DocBase & { _rev: string }) => void): () => void;
  readonly db: Db;
  close(): Promise<void>;
}

export function openRemoteWriter(options: RemoteWriterOptions): RemoteWriter {
  const db: Db = new options.Pouch(options.local, { adapter: options.adapter });
  const writeOptions = { validate: options.validate, context: { db: options.remote, user: options.user } };
  const writer: RemoteWriter = {
    db,
    async writeArbitrated(doc) {
      const previous = doc._rev ? await getDoc(db, doc._id) : null;
      const problems = await options.validate(doc, { ...writeOptions.context, previous });
      if (problems.length > 0) throw new ValidationError(doc._id, problems);
      if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new UnreachableError();
      let res: Response;
      try {
        res = await (options.fetch ?? fetch)(`${options.remoteBase}/${options.remote}/${encodeURIComponent(doc._id)}`, {
          method: 'PUT',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(doc),
          signal: AbortSignal.timeout(4000),
        });
      } catch (error) {
        throw new UnreachableError(error);
      }
      if (res.status === 409) throw new ConflictError(doc._id, await res.text());
      if (res.status >= 500 || res.status === 0) throw new UnreachableError(res.status);
      const body = (await res.json()) as { rev?: string; reason?: string };
      // The whole answer rides along: a refusal may say more than its reason (the events requiring a document type).
      if (!res.ok || !body.rev) throw Object.assign(new Error(body.reason ?? String(res.status)), { status: res.status, answer: body });
      const [gen, hash] = body.rev.split('-') as [string, string];
      const ids = doc._rev ? [hash, doc._rev.split('-')[1]!] : [hash];
      // The server's revision, with its parent, so the replica holds the same history; marked
      // first, so the replica's feed does not count it as waiting to be pushed.
      markOnServer(options.remote, doc._id, body.rev);
      await db.bulkDocs([{ ...doc, _rev: body.rev, _revisions: { start: Number(gen), ids } } as never], { new_edits: false });
      return { ...doc, _rev: body.rev };
    },
    writeLocal: (doc) => putDoc(db, doc, writeOptions),
    async writeServerFirst(doc) {
      try {
        return await writer.writeArbitrated(doc);
      } catch (error) {
        if (isUnreachable(error)) return writer.writeLocal(doc);
        throw error;
      }
    },
    async allDocsByPrefix<T extends DocBase>(prefix: string) {
      const result = await db.allDocs({ include_docs: true, startkey: prefix, endkey: prefix + '\uffff' });
      return result.rows.flatMap((r) => (r.doc ? [r.doc as unknown as Stored<T>] : []));
    },
    subscribe(onChange) {
      const feed = db.changes({ since: 'now', live: true, include_docs: true });
      feed.on('change', (change) => {
        if (change.doc) onChange(change.doc as unknown as DocBase & { _rev: string });
      });
      return () => feed.cancel();
    },
    close: () => db.close(),
  };
  return writer;
}

export function isUnreachable(error: unknown): boolean {
  return error instanceof UnreachableError || statusOf(error) === 0;
}
