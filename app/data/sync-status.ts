/**
 * createSyncStatus: the reactive face of sync-state.ts. Feeds on replication events
 * (`report`), on the browser's online/offline events, persists what must survive a reload,
 * and exposes one summary accessor for the header's sync indicator.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { initialSyncState, persistable, reduceSync, summarize, type ReplicaState, type SyncEvent, type SyncState, type SyncSummary } from './sync-state.ts';

export interface SyncStatus {
  readonly summary: Accessor<SyncSummary>;
  /** The full state, per replica (e.g. one replica's first pull). */
  readonly state: Accessor<SyncState>;
  report(event: SyncEvent): void;
  dismiss(): void;
}

function load(key: string): Record<string, ReplicaState> {
  try {
    const parsed = JSON.parse(localStorage.getItem(key) ?? '{}') as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, ReplicaState>) : {};
  } catch {
    return {};
  }
}

export function createSyncStatus(userName: string): SyncStatus {
  const key = `fo.sync.${userName}`;
  const [state, setState] = createSignal(initialSyncState(navigator.onLine, load(key)));
  let saved = '';

  function report(event: SyncEvent) {
    const next = reduceSync(state(), event, Date.now());
    setState(next);
    const text = JSON.stringify(persistable(next));
    if (text !== saved) {
      saved = text;
      try {
        localStorage.setItem(key, text);
      } catch {
        // storage full: the status still works for this page
      }
    }
  }

  const online = () => report({ type: 'network', online: true });
  const offline = () => report({ type: 'network', online: false });
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  onCleanup(() => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
  });

  const summary = () => summarize(state());
  return { summary, state, report, dismiss: () => report({ type: 'dismiss' }) };
}
