/**
 * Opens the signed-in user's data layer (local replicas + live sync) and its sync status
 * for everything below. Mounted once per user; closing it cancels replication.
 */
import { createContext, createEffect, on, onCleanup, untrack, useContext, type JSX } from 'solid-js';
import { useAuth } from '../auth/AuthProvider.tsx';
import { BROWSER_ADAPTER, BrowserPouch, loadPouchPlugins } from './pouch.ts';
import { openDataLayer, type DataLayer } from './data-layer.ts';
import { createSyncStatus, type SyncStatus } from './sync-status.ts';
import { validateWrite } from './validate.ts';

export interface Data {
  readonly layer: DataLayer;
  readonly sync: SyncStatus;
}

const DataContext = createContext<Data>();

export function DataProvider(props: { children: JSX.Element }) {
  const auth = useAuth();
  const user = untrack(auth.user);
  if (!user) throw new Error('<DataProvider> needs a signed-in user');
  const sync = createSyncStatus(user.name);
  const layer = openDataLayer({
    user,
    Pouch: BrowserPouch,
    adapter: BROWSER_ADAPTER,
    remoteBase: `${location.origin}/db`,
    validate: validateWrite,
    report: sync.report,
    onUnauthorized: () => void auth.reconnect(),
    beforeSync: loadPouchPlugins,
  });
  // Start now, and again whenever a new CouchDB session is opened (after offline sign-in). Not
  // while the device knows it is offline: a cold start then spends its first second reading
  // the screen's data, not failing replications (the `online` event below starts them).
  createEffect(on(auth.sessionEpoch, () => navigator.onLine && layer.startSync()));
  // When the link returns, do not wait for the retry back-off to run out.
  const kick = () => layer.startSync();
  window.addEventListener('online', kick);
  onCleanup(() => {
    window.removeEventListener('online', kick);
    void layer.close();
  });
  return <DataContext.Provider value={{ layer, sync }}>{props.children}</DataContext.Provider>;
}

export function useData(): Data {
  const data = useContext(DataContext);
  if (!data) throw new Error('useData() outside <DataProvider>');
  return data;
}
