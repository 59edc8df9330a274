/** The chosen row beside the list: its fields, its scan marker, and every review of it (corrections included). */
import { For, Show } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { parseReason } from '../../desk/reviews.ts';
import type { Row } from './rows.ts';
import { showDay, statusTone } from './DocumentTable.tsx';

export function RowDetail(props: { row: Row | undefined; eventName: (code: string) => string }) {
  const { t, locale } = useI18n();
  const when = (at: string) => new Date(at).toLocaleString(locale() === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  const reason = (text: string) => {
    const r = parseReason(text);
    return r.code ? [t(`bo.reason.${r.code}`), r.text].filter(Boolean).join(' — ') : r.text;
  };
  return (
    <Panel title={t('bo.detail')} class="bo-detail" testId="bo-detail">
      <Show when={props.row} fallback={<p class="counter-muted">{t('bo.detail.none')}</p>}>
        {(row) => (
          <div data-key={row().key}>
            <p class="bo-detail-title">{row().code} {row().designation}</p>
            <p class="counter-muted">{props.eventName(row().event)} · {row().ticket} · {showDay(row().date)}</p>
            <p class="counter-muted">{t('bo.detail.person', { number: row().person.slice('person:'.length), counter: row().counter })}</p>
            <p>
              <StatusChip tone={statusTone(row().reviews.status)}>{t(`bo.status.${row().reviews.status}`)}</StatusChip>
              <Show when={row().reviews.secondDecision}> <StatusChip tone="warn">{t('bo.second')}</StatusChip></Show>
              <Show when={row().scan}> <span class="bo-scan">{t('bo.scan')}</span></Show>
            </p>
            <h3 class="counter-subtitle">{t('bo.history')}</h3>
            <Show when={row().reviews.history.length > 0} fallback={<p class="counter-muted">{t('bo.history.none')}</p>}>
              <ol class="bo-history" data-testid="bo-history">
                <For each={row().reviews.history}>
                  {(r) => (
                    <li data-testid="bo-history-entry" data-decision={r.decision}>
                      {t('bo.history.entry', { decision: t(`bo.status.${r.decision}`), agent: r.agent, at: when(r.at) })}
                      <Show when={r.reason}> — {reason(r.reason!)}</Show>
                      <Show when={r.corrects}> ({t('bo.history.corrects')})</Show>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          </div>
        )}
      </Show>
    </Panel>
  );
}
