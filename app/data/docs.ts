/**
 * Typed reads and writes on one PouchDB database. Plain functions, no Solid: tested in Node
 * with the memory adapter. 404 becomes null, 409 a ConflictError (cause kept), and every
 * write passes the validate hook first (PouchDB does not run validate_doc_update locally).
 */
import { ConflictError, ValidationError, statusOf, type Problem } from './errors.ts';

/** What every document has; the contract's types extend it. */
export interface DocBase {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  type?: string;
}
export type Stored<T extends DocBase> = T & { _rev: string };

export interface WriteContext {
  /** Server database name (`fo_ref`, `fo_branch_dla`...). */
  readonly db: string;
  /** The current local version of the document, null when it is new. */
  readonly previous: Stored<DocBase> | null;
  readonly user: { readonly name: string; readonly roles: readonly string[] };
}
/** Runs before every local write; returns the problems (empty: write), or a promise of them (the app fetches the validator on its first write). */
export type ValidateHook = (doc: DocBase, context: WriteContext) => readonly Problem[] | Promise<readonly Problem[]>;

export type Db = PouchDB.Database<{}>;

export async function getDoc<T extends DocBase>(db: Db, id: string): Promise<Stored<T> | null> {
  try {
    return (await db.get(id)) as unknown as Stored<T>;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

export interface WriteOptions {
  readonly validate: ValidateHook;
  readonly context: Omit<WriteContext, 'previous'>;
  /** Told of every successful write (the sync status counts what is not pushed yet). */
  readonly onWritten?: (id: string, rev: string) => void;
}

export async function putDoc<T extends DocBase>(db: Db, doc: T, options: WriteOptions): Promise<Stored<T>> {
  const previous = doc._rev ? await getDoc(db, doc._id) : null;
  const problems = await options.validate(doc, { ...options.context, previous });
  if (problems.length > 0) throw new ValidationError(doc._id, problems);
  try {
    const result = await db.put(doc as unknown as PouchDB.Core.PutDocument<{}>);
    options.onWritten?.(result.id, result.rev);
    return { ...doc, _rev: result.rev };
  } catch (error) {
    if (statusOf(error) === 409) throw new ConflictError(doc._id, error);
    throw error;
  }
}

/** Deletes by writing a tombstone that keeps `type`, so validators still know what it was. */
export async function removeDoc<T extends DocBase>(db: Db, doc: Stored<T>, options: WriteOptions): Promise<Stored<T>> {
  const tombstone = { _id: doc._id, _rev: doc._rev, _deleted: true, ...(doc.type ? { type: doc.type } : {}) } as unknown as T;
  return putDoc(db, tombstone, options);
}

export interface PrefixOptions {
  readonly limit?: number;
  readonly descending?: boolean;
}

/** Documents whose id starts with `prefix`, in id order: the id scheme is the index. */
export async function allDocsByPrefix<T extends DocBase>(db: Db, prefix: string, options: PrefixOptions = {}): Promise<Stored<T>[]> {
  const low = prefix;
  const high = prefix + '\uffff';
  const result = await db.allDocs({
    include_docs: true,
    startkey: options.descending ? high : low,
    endkey: options.descending ? low : high,
    descending: options.descending ?? false,
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
  });
  const docs: Stored<T>[] = [];
  for (const row of result.rows) if (row.doc) docs.push(row.doc as unknown as Stored<T>);
  return docs;
}
