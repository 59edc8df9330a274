/**
 * A one-shot pull repeated every few minutes instead of a live feed, for a filtered share of a
 * big database (the branch's people, docs/PEOPLE.md). A live filtered feed kept the embedded
 * engine busy answering longpolls (every poll runs the filter over the database's changes) and
 * delayed the branch's own sync, where seconds matter; people change rarely, so a pull every
 * few minutes is enough, and a person needed sooner is read from the server by key.
 *
 * It emits what a live replication emits ('active', 'change', 'denied', 'paused' with the error
 * or nothing, 'error' when the session is refused), so the sync state reads both alike. A
 * failed pull is retried with the live replications' backoff.
 */
import { nextBackoff } from './backoff.ts';

export const SHARE_PULL_PERIOD_MS = 5 * 60_000;

type Listener = (arg?: any) => void;

/** What the periodic pull needs of a PouchDB replication. */
export interface OneShot {
  on(event: string, listener: Listener): unknown;
  cancel(): void;
}

export interface PeriodicPull {
  on(event: string, listener: Listener): PeriodicPull;
  cancel(): void;
}

function refusedSession(error: unknown): boolean {
  const e = error as { status?: unknown; name?: unknown } | null;
  return e?.status === 401 || e?.name === 'unauthorized';
}

export function periodicPull(start: () => OneShot, periodMs = SHARE_PULL_PERIOD_MS): PeriodicPull {
  const listeners = new Map<string, Listener[]>();
  const emit = (event: string, arg?: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(arg);
  };
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: OneShot | null = null;
  let delay = 0;

  function schedule(ms: number) {
    if (!stopped) timer = setTimeout(run, ms);
  }

  function run() {
    if (stopped) return;
    emit('active');
    const r = start();
    running = r;
    r.on('change', (info) => emit('change', info));
    r.on('denied', (error) => emit('denied', error));
    r.on('complete', () => {
      running = null;
      if (stopped) return;
      delay = 0;
      emit('paused');
      schedule(periodMs);
    });
    r.on('error', (error) => {
      running = null;
      if (stopped) return;
      if (refusedSession(error)) return emit('error', error);
      emit('paused', error);
      delay = nextBackoff(delay);
      schedule(delay);
    });
  }

  // The first pull starts once the caller has attached its listeners.
  schedule(0);
  const pull: PeriodicPull = {
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return pull;
    },
    cancel() {
      stopped = true;
      clearTimeout(timer);
      running?.cancel();
    },
  };
  return pull;
}
