/**
 * createUpdatePrompt: registers /sw.js with workbox-window and tells when a new version is
 * waiting. The new service worker takes over only when the user asks (never mid-task):
 * `messageSkipWaiting()`, then one reload once it controls the page.
 */
import { Workbox } from 'workbox-window';
import { createSignal, onCleanup, type Accessor } from 'solid-js';

const CHECK_EVERY_MS = 30 * 60 * 1000;

export interface UpdatePrompt {
  readonly available: Accessor<boolean>;
  /** Whether a service worker is registered (tests and diagnostics). */
  readonly registered: Accessor<boolean>;
  reload(): void;
  dismiss(): void;
}

export function createUpdatePrompt(): UpdatePrompt {
  const [available, setAvailable] = createSignal(false);
  const [registered, setRegistered] = createSignal(false);
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) {
    return { available, registered, reload: () => location.reload(), dismiss: () => setAvailable(false) };
  }
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => setAvailable(true));
  wb.register().then(
    (registration) => setRegistered(registration !== undefined),
    (error: unknown) => console.warn('service worker registration failed', error),
  );
  const timer = setInterval(() => void wb.update().catch(() => undefined), CHECK_EVERY_MS);
  onCleanup(() => clearInterval(timer));

  let reloading = false;
  return {
    available,
    registered,
    reload() {
      if (reloading) return;
      reloading = true;
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    },
    dismiss: () => setAvailable(false),
  };
}
