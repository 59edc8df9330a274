/**
 * What queue operations need from storage. The app implements it on its data layer
 * (app-store.ts); the load test implements it over plain HTTP. Same operations, same rules.
 */
import type { Ticket, VisitEvent } from '../../couch-design/types/ticket.ts';
import type { DocBase, Stored } from '../data/docs.ts';

export interface QueueStore {
  /**
   * The server decides: a create (no _rev) or an update (with _rev) that CouchDB refuses with
   * 409 when the id exists or the revision is stale. Throws ConflictError (409) or
   * OfflineError (server unreachable: nothing was written).
   */
  writeArbitrated<T extends DocBase>(doc: T): Promise<Stored<T>>;
  /** This device's copy; replication takes it to the server. ConflictError on a stale _rev. */
  writeLocal<T extends DocBase>(doc: T): Promise<Stored<T>>;
  /** The waiting tickets of these queues today (the head of each queue at least). */
  waiting(day: string, services: readonly string[]): Promise<Stored<Ticket>[]>;
  /** Append to the visit log (never arbitrated: event ids are unique per device). */
  log(event: VisitEvent): Promise<void>;
}

/** The server could not be reached; nothing was written there. */
export class OfflineError extends Error {
  readonly code = 'offline';
  constructor(cause?: unknown) {
    super('server unreachable', { cause });
    this.name = 'OfflineError';
  }
}

export function isConflict(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'conflict';
}

export function isOffline(error: unknown): boolean {
  return error instanceof OfflineError;
}
