/**
 * createUpdatePrompt: registers /sw.js with workbox-window and tells when a new version is
 * waiting. The new service worker takes over only when the user asks (never mid-task):
 * `messageSkipWaiting()`, then one reload once it controls the page.
 */
import type { Workbox } from 'workbox-window';
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
  // workbox-window is fetched after the first screen, not in the first load: registering the
  // worker a moment later changes nothing for a device (the worker already installed controls
  // this page from its cache whatever this code does).
  let wb: Workbox | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  let disposed = false;
  onCleanup(() => {
    disposed = true;
    clearInterval(timer);
  });
  import('workbox-window').then(
    ({ Workbox }) => {
      if (disposed) return;
      const workbox = new Workbox('/sw.js', { scope: '/' });
      wb = workbox;
      workbox.addEventListener('waiting', () => setAvailable(true));
      workbox.register().then(
        (registration) => setRegistered(registration !== undefined),
        (error: unknown) => console.warn('service worker registration failed', error),
      );
      timer = setInterval(() => void workbox.update().catch(() => undefined), CHECK_EVERY_MS);
    },
    (error: unknown) => console.warn('service worker registration failed', error),
  );

  let reloading = false;
  return {
    available,
    registered,
    reload() {
      if (reloading || !wb) return;
      reloading = true;
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    },
    dismiss: () => setAvailable(false),
  };
}
