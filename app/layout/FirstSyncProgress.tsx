/** Shown until this device has pulled every replica once: how many documents so far. */
import { Show } from 'solid-js';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useData } from '../data/DataProvider.tsx';

export function FirstSyncProgress() {
  const { t } = useI18n();
  const { sync } = useData();
  const first = () => sync.summary().firstSync;
  const offline = () => sync.summary().indicator === 'offline';
  return (
    <Show when={first()}>
      {(progress) => (
        <section class="first-sync" data-testid="first-sync" aria-live="polite">
          <h2>{t('firstSync.title')}</h2>
          <Show
            when={!offline()}
            fallback={<p>{t('firstSync.waiting')}</p>}
          >
            <p data-testid="first-sync-count" data-done={progress().done}>
              {progress().total === null
                ? t('firstSync.progressUnknown', { done: progress().done })
                : t('firstSync.progress', { done: progress().done, total: progress().total ?? 0 })}
            </p>
            <Show when={progress().total} fallback={<progress />}>
              {(total) => <progress max={Math.max(total(), 1)} value={Math.min(progress().done, total())} />}
            </Show>
          </Show>
        </section>
      )}
    </Show>
  );
}
