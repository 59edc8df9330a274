/** Shown until this device has pulled every replica once: how many documents so far. */
import { Show, type JSX } from 'solid-js';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useData } from '../data/DataProvider.tsx';
import { firstPullOf } from '../data/sync-state.ts';
import { REF_DB } from '../../couch-design/databases.ts';

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

/**
 * A device's first sign-in (issue 9 item 6): until the reference database (services,
 * counters) has been pulled once, this panel stands in for the screen, with its progress;
 * then the screen opens already able to work. Later visits never see it (the first pull's
 * completion is remembered per user on the device).
 */
export function PrepareDevice(props: { children: JSX.Element }) {
  const { t } = useI18n();
  const { sync } = useData();
  const pending = () => firstPullOf(sync.state(), REF_DB);
  const offline = () => sync.summary().indicator === 'offline';
  return (
    <Show when={pending()} fallback={props.children}>
      {(progress) => (
        <section class="panel panel-info prepare-device" data-testid="prepare-device" aria-live="polite" aria-busy="true">
          <h1 class="panel-title">{t('prepare.title')}</h1>
          <p>{t('prepare.intro')}</p>
          <Show when={!offline()} fallback={<p data-testid="prepare-waiting">{t('prepare.waiting')}</p>}>
            <p data-testid="prepare-count" data-done={progress().done}>
              {progress().total === null
                ? t('prepare.progressUnknown', { done: progress().done })
                : t('prepare.progress', { done: progress().done, total: progress().total ?? 0 })}
            </p>
            <Show when={progress().total} fallback={<progress class="prepare-progress" aria-label={t('prepare.title')} />}>
              {(total) => <progress class="prepare-progress" aria-label={t('prepare.title')} max={Math.max(total(), 1)} value={Math.min(progress().done, total())} />}
            </Show>
          </Show>
        </section>
      )}
    </Show>
  );
}
