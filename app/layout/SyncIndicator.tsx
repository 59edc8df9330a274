/** The sync indicator everyone sees: link state, pending local changes, last sync, refusals. */
import { For, Show } from 'solid-js';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText, refusalText } from '../i18n/reasons.ts';
import { useData } from '../data/DataProvider.tsx';

export function SyncIndicator(props: { compact?: boolean }) {
  const { t, time, dateTime } = useI18n();
  const { sync } = useData();
  const summary = () => sync.summary();
  const label = () => t(`sync.${summary().indicator}`);
  const last = () => {
    const at = summary().lastSynced;
    if (at === null) return t('sync.never');
    const sameDay = new Date(at).toDateString() === new Date().toDateString();
    return t('sync.last', { time: sameDay ? time(at) : dateTime(at) });
  };
  return (
    <div class="sync" classList={{ compact: props.compact === true }} data-testid="sync-indicator" data-state={summary().indicator} role="status" aria-label={t('sync.label')}>
      <span class="sync-dot" aria-hidden="true" />
      <span class="sync-label">{label()}</span>
      <span class="sync-pending" data-testid="sync-pending" data-count={summary().pending}>
        {t('sync.pending', { count: summary().pending })}
      </span>
      <span class="sync-last" data-testid="sync-last">
        {last()}
      </span>
      <Show when={summary().fatal !== null || summary().denials.length > 0}>
        <div class="sync-error" data-testid="sync-error" role="alert">
          <Show when={summary().fatal}>{(code) => <p>{errorText(t, code() === 'unauthorized' ? 'session_expired' : code())}</p>}</Show>
          <ul>
            <For each={summary().denials}>{(d) => <li>{t('sync.denied', { id: d.id, reason: refusalText(t, d.reason) })}</li>}</For>
          </ul>
          <Show when={summary().denials.length > 0}>
            <button type="button" class="button small" onClick={() => sync.dismiss()}>
              {t('sync.dismiss')}
            </button>
          </Show>
        </div>
      </Show>
    </div>
  );
}
