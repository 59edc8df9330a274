/**
 * Opens the signed-in user's data layer (local replicas + live sync) and its sync status;
 * DataProvider fetches this module once a user is signed in. Runs inside the provider's
 * owner, so closing it (sign-out, another user) cancels replication.
 */
import { createEffect, createSignal, on, onCleanup } from 'solid-js';
import type { Auth } from '../auth/AuthProvider.tsx';
import { BROWSER_ADAPTER, BrowserPouch, loadPouchPlugins } from './pouch.ts';
import { openDataLayer } from './data-layer.ts';
import { createSyncStatus } from './sync-status.ts';
import { loadValidator, validateWrite } from './validate.ts';
import type { Data } from './DataProvider.tsx';
import { followPrinterRole } from '../printing/role-follower.ts';

export function openBrowserData(user: { readonly name: string; readonly roles: readonly string[] }, auth: Pick<Auth, 'reconnect' | 'sessionEpoch'>): Data {
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
  // The validators, fetched after the first screen (not in it) but before the link can drop.
  void loadValidator().catch(() => undefined);
  // The institution's printer settings for this device's role (issue 14), live.
  const stopPrinterRole = followPrinterRole(layer, user.roles);
  // The institution's logo for the header (issue 14), live; fetched after the first screen.
  const [logoUrl, setLogoUrl] = createSignal<string | null>(null);
  let stopLogo: (() => void) | null = null;
  let closed = false;
  void import('./institution-logo.ts').then((m) => {
    if (!closed) stopLogo = m.followInstitutionLogoUrl(layer, setLogoUrl);
  });
  onCleanup(() => {
    closed = true;
    stopLogo?.();
    stopPrinterRole();
    window.removeEventListener('online', kick);
    void layer.close();
  });
  return { layer, sync, logoUrl };
}
