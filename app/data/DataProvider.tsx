/**
 * Opens the signed-in user's data layer (local replicas + live sync) and its sync status
 * for everything below. Mounted once per user; closing it cancels replication.
 */
import { Show, createContext, createResource, untrack, useContext, type Accessor, type JSX } from 'solid-js';
import { useAuth } from '../auth/AuthProvider.tsx';
import type { DataLayer } from './data-layer.ts';
import type { SyncStatus } from './sync-status.ts';

export interface Data {
  readonly layer: DataLayer;
  readonly sync: SyncStatus;
  /** The institution's logo on this device as an object URL, followed live (institution-logo.ts); null when it has none. */
  readonly logoUrl: Accessor<string | null>;
}

const DataContext = createContext<Data>();

/**
 * The data layer's code (PouchDB, the replica plan, the contract it judges writes by) is its
 * own chunk, fetched once a user is signed in: the sign-in screen's first load carries none of
 * it. Children render once it is here (from the service worker's cache on an installed device).
 */
const loadRuntime = () => import('./open-browser-data.ts');

/** Starts fetching the data layer now (at start-up, while the session is resumed). */
export function preloadData(): void {
  void loadRuntime();
}

export function DataProvider(props: { children: JSX.Element }) {
  const [runtime] = createResource(loadRuntime);
  return <Show when={runtime()}>{(loaded) => <Opened open={loaded().openBrowserData}>{props.children}</Opened>}</Show>;
}

function Opened(props: { open: typeof import('./open-browser-data.ts').openBrowserData; children: JSX.Element }) {
  const auth = useAuth();
  const user = untrack(auth.user);
  if (!user) throw new Error('<DataProvider> needs a signed-in user');
  const data = untrack(() => props.open(user, auth));
  return <DataContext.Provider value={data}>{props.children}</DataContext.Provider>;
}

export function useData(): Data {
  const data = useContext(DataContext);
  if (!data) throw new Error('useData() outside <DataProvider>');
  return data;
}
