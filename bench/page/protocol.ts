/** What bench/run.ts (Node) asks the bench page for, and what the page answers. Types only. */
export type Variant = 'ours' | 'stock';

export interface RunRequest {
  readonly variant: Variant;
  /** Server database holding the N documents to pull. */
  readonly db: string;
  /** An empty server database: where the app's other replicas (fo_ref) are pointed, see ours.ts. */
  readonly emptyDb: string;
  /** Who the page signs in as: a member of `db` and `emptyDb` (the gateway lets the server admin replicate, not a device). */
  readonly user: { readonly name: string; readonly password: string };
  /**
   * Job role of the user the app's data layer is opened for (with `branch:bench`). It decides
   * the branch replica's mode (app/data/replicas.ts): two-way 'sync' for roles that write
   * there (counter, reception…), 'pull' for those that do not (display).
   */
  readonly role: string;
}

export interface RunResult {
  readonly variant: Variant;
  readonly db: string;
  /** performance.now() from before the databases are opened to replication complete. */
  readonly ms: number;
  /** Local doc_count after the sync; run.ts fails the bench when it is not N. */
  readonly docCount: number;
  /** The local database's adapter, as PouchDB reports it ('indexeddb' or 'idb'). */
  readonly adapter: string;
  /** Documents written locally, as replication reported them. */
  readonly written: number;
  /** How the replica was replicated: 'sync' (two-way) or 'pull' for ours, 'replicate' for stock. */
  readonly mode: string;
}

declare global {
  interface Window {
    benchRun?: (request: RunRequest) => Promise<RunResult>;
  }
}
