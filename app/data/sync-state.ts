/**
 * What the sync indicator shows, as a pure reducer over replication events.
 *
 * Pending (local changes not yet on the server), honestly: every write through the data
 * layer adds `id -> rev`; a push `change` event that carries that revision removes it; a
 * push `paused` WITHOUT error means the live push has drained the local changes feed, so
 * whatever is left was handled (written or denied: denials are shown apart) and is cleared.
 * The set is persisted, so a reload while offline still shows the unpushed count.
 * Last synced: the oldest of the per-direction "paused without error" times, i.e. every
 * replica was fully caught up in both directions at that moment.
 */
export type Direction = 'push' | 'pull';

export interface ReplicaState {
  /** The directions this replica runs: both, or pull only where the user writes nothing. */
  readonly directions: readonly Direction[];
  readonly active: Readonly<Record<Direction, boolean>>;
  /** The last attempt failed on the network (PouchDB paused with an error and retries). */
  readonly unreachable: boolean;
  /** Caught up at least once since (re)start. */
  readonly settled: boolean;
  readonly lastOk: Readonly<Record<Direction, number | null>>;
  readonly pending: Readonly<Record<string, string>>;
  readonly firstSyncDone: boolean;
  /** Documents pulled since start, and the server's count (first-sync progress). */
  readonly pulled: number;
  readonly expected: number | null;
  /** Replication stopped: 'unauthorized' (session gone), 'forbidden' (not a member) or other. */
  readonly fatal: string | null;
}

export interface Denial {
  readonly db: string;
  readonly id: string;
  readonly reason: string;
  readonly at: number;
}

export interface SyncState {
  readonly deviceOnline: boolean;
  readonly replicas: Readonly<Record<string, ReplicaState>>;
  readonly denials: readonly Denial[];
}

export type SyncEvent =
  | { type: 'network'; online: boolean }
  | { type: 'started'; db: string; directions: readonly Direction[] }
  | { type: 'expected'; db: string; total: number }
  | { type: 'local-write'; db: string; id: string; rev: string }
  | { type: 'active'; db: string; direction: Direction }
  | { type: 'change'; db: string; direction: Direction; docs: readonly { _id: string; _rev?: string }[] }
  | { type: 'paused'; db: string; direction: Direction; error: string | null }
  | { type: 'denied'; db: string; id: string; reason: string }
  | { type: 'fatal'; db: string; code: string }
  | { type: 'dismiss' };

export type Indicator = 'online' | 'offline' | 'syncing' | 'error';

const MAX_DENIALS = 20;

export function emptyReplica(): ReplicaState {
  return {
    directions: ['push', 'pull'],
    active: { push: false, pull: false },
    unreachable: false,
    settled: false,
    lastOk: { push: null, pull: null },
    pending: {},
    firstSyncDone: false,
    pulled: 0,
    expected: null,
    fatal: null,
  };
}

export function initialSyncState(deviceOnline: boolean, saved: Readonly<Record<string, ReplicaState>> = {}): SyncState {
  return { deviceOnline, replicas: saved, denials: [] };
}

function withReplica(state: SyncState, db: string, update: (r: ReplicaState) => ReplicaState): SyncState {
  return { ...state, replicas: { ...state.replicas, [db]: update(state.replicas[db] ?? emptyReplica()) } };
}

export function reduceSync(state: SyncState, event: SyncEvent, now: number): SyncState {
  switch (event.type) {
    case 'network':
      return { ...state, deviceOnline: event.online };
    case 'dismiss':
      return { ...state, denials: [] };
    case 'denied': {
      const denial = { db: event.db, id: event.id, reason: event.reason, at: now };
      return { ...state, denials: [...state.denials, denial].slice(-MAX_DENIALS) };
    }
    case 'started':
      return withReplica(state, event.db, (r) => ({
        ...r,
        directions: event.directions,
        active: { push: false, pull: false },
        settled: false,
        unreachable: false,
        fatal: null,
        pulled: 0,
        // A push-only replica (scans) has no first pull to wait for.
        firstSyncDone: r.firstSyncDone || !event.directions.includes('pull'),
      }));
    case 'expected':
      return withReplica(state, event.db, (r) => ({ ...r, expected: event.total }));
    case 'local-write':
      return withReplica(state, event.db, (r) => ({ ...r, pending: { ...r.pending, [event.id]: event.rev } }));
    case 'active':
      return withReplica(state, event.db, (r) => ({ ...r, active: { ...r.active, [event.direction]: true } }));
    case 'change':
      return withReplica(state, event.db, (r) => {
        const pending = { ...r.pending };
        // A revision the pull brought (or brought back) is on the server: nothing left to push.
        if (event.direction === 'pull') {
          for (const doc of event.docs) if (pending[doc._id] === doc._rev) delete pending[doc._id];
          return { ...r, unreachable: false, pulled: r.pulled + event.docs.length, pending };
        }
        for (const doc of event.docs) if (pending[doc._id] === doc._rev) delete pending[doc._id];
        return { ...r, unreachable: false, pending };
      });
    case 'paused':
      return withReplica(state, event.db, (r) => {
        const active = { ...r.active, [event.direction]: false };
        if (event.error !== null) return { ...r, active, unreachable: true };
        const lastOk = { ...r.lastOk, [event.direction]: now };
        const otherOk = event.direction === 'push' ? !r.active.pull : !r.active.push;
        return {
          ...r,
          active,
          unreachable: false,
          lastOk,
          settled: r.settled || otherOk,
          pending: event.direction === 'push' ? {} : r.pending,
          firstSyncDone: r.firstSyncDone || event.direction === 'pull',
        };
      });
    case 'fatal':
      return withReplica(state, event.db, (r) => ({ ...r, active: { push: false, pull: false }, fatal: event.code }));
  }
}

export interface SyncSummary {
  readonly indicator: Indicator;
  readonly pending: number;
  readonly lastSynced: number | null;
  readonly fatal: string | null;
  readonly denials: readonly Denial[];
  /** Present while some replica has never completed its first pull on this device. */
  readonly firstSync: { readonly done: number; readonly total: number | null } | null;
}

export function summarize(state: SyncState): SyncSummary {
  const replicas = Object.values(state.replicas);
  const pending = replicas.reduce((n, r) => n + Object.keys(r.pending).length, 0);
  const fatal = replicas.find((r) => r.fatal !== null)?.fatal ?? null;
  const times = replicas.flatMap((r) => r.directions.map((d) => r.lastOk[d]));
  const lastSynced = times.length > 0 && times.every((t) => t !== null) ? Math.min(...(times as number[])) : null;
  let indicator: Indicator = 'online';
  if (fatal !== null || state.denials.length > 0) indicator = 'error';
  else if (!state.deviceOnline || replicas.some((r) => r.unreachable)) indicator = 'offline';
  else if (replicas.some((r) => r.active.push || r.active.pull || !r.settled)) indicator = 'syncing';
  const first = replicas.filter((r) => !r.firstSyncDone);
  const firstSync =
    first.length === 0
      ? null
      : {
          done: first.reduce((n, r) => n + r.pulled, 0),
          total: first.every((r) => r.expected !== null) ? first.reduce((n, r) => n + (r.expected ?? 0), 0) : null,
        };
  return { indicator, pending, lastSynced, fatal, denials: state.denials, firstSync };
}

/** What survives a reload: pending writes, last-synced times, first-sync completion. */
export function persistable(state: SyncState): Record<string, ReplicaState> {
  const out: Record<string, ReplicaState> = {};
  for (const [db, r] of Object.entries(state.replicas)) {
    out[db] = { ...emptyReplica(), directions: r.directions, pending: r.pending, lastOk: r.lastOk, firstSyncDone: r.firstSyncDone };
  }
  return out;
}

/**
 * The first pull of one replica on this device: null once it is done (now or on an earlier
 * visit), else how far it is. The screens wait for the reference database's (issue 9 item 6).
 */
export function firstPullOf(state: SyncState, db: string): { readonly done: number; readonly total: number | null } | null {
  const replica = state.replicas[db];
  if (replica?.firstSyncDone) return null;
  return { done: replica?.pulled ?? 0, total: replica?.expected ?? null };
}
