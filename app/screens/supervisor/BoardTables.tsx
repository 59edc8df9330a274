/** The two tables of the live board: queues (with the workload hint) and counters. */
import { For, Show } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { CounterRow, ServiceRow } from '../../stats/board.ts';
import type { Hint } from '../../stats/workload.ts';
import { toMinutes } from '../../stats/durations.ts';
import { StatusChip, type Tone } from '../../ui/StatusChip.tsx';

const STATUS_TONE: Record<CounterRow['status'], Tone> = { open: 'ok', paused: 'warn', closed: 'neutral' };

export function useMinutes() {
  const { t } = useI18n();
  return (ms: number | null) => (ms === null ? t('sup.none') : t('sup.minutes', { minutes: Math.round(toMinutes(ms, 0)) }));
}

function HintText(props: { hint: Hint | undefined; serviceName: (code: string) => string }) {
  const { t } = useI18n();
  return (
    <Show when={props.hint && props.hint.needed > props.hint.open} fallback={t('sup.hint.ok', { open: props.hint?.open ?? 0 })}>
      {t('sup.hint.need', { needed: props.hint!.needed, open: props.hint!.open })}
      {' — '}
      <Show when={props.hint!.move} fallback={t('sup.hint.noMove')}>
        {(move) => t('sup.hint.move', { counter: move().counter, from: move().from.map(props.serviceName).join(', ') })}
      </Show>
    </Show>
  );
}

export function ServiceTable(props: { rows: ServiceRow[]; hints: Hint[]; alerted: (code: string) => boolean; serviceName: (code: string) => string }) {
  const { t } = useI18n();
  const minutes = useMinutes();
  return (
    <table class="sup-table" data-testid="board-services">
      <caption>{t('sup.board.services')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sup.col.service')}</th>
          <th scope="col">{t('sup.col.waiting')}</th>
          <th scope="col">{t('sup.col.longest')}</th>
          <th scope="col">{t('sup.col.avgWait')}</th>
          <th scope="col">{t('sup.col.served')}</th>
          <th scope="col">{t('sup.col.counters')}</th>
          <th scope="col">{t('sup.col.hint')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row) => (
            <tr data-testid={`board-service-${row.service}`} data-waiting={row.waiting} data-served={row.servedToday} classList={{ alerted: props.alerted(row.service) }}>
              <th scope="row">{props.serviceName(row.service)}</th>
              <td data-testid="waiting">{row.waiting}</td>
              <td>{row.waiting > 0 ? minutes(row.longestWaitMs) : t('sup.none')}</td>
              <td>{minutes(row.avgWaitMs)}</td>
              <td data-testid="served">{row.servedToday}</td>
              <td data-testid="counters" data-open={row.open} data-busy={row.busy} data-paused={row.paused}>
                {row.open} / {row.busy} / {row.paused}
              </td>
              <td data-testid="hint">
                <HintText hint={props.hints.find((h) => h.service === row.service)} serviceName={props.serviceName} />
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

export function CounterTable(props: { rows: CounterRow[]; alerted: (code: string) => boolean }) {
  const { t } = useI18n();
  const minutes = useMinutes();
  return (
    <table class="sup-table" data-testid="board-counters">
      <caption>{t('sup.board.counters')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sup.col.counter')}</th>
          <th scope="col">{t('sup.col.state')}</th>
          <th scope="col">{t('sup.col.agent')}</th>
          <th scope="col">{t('sup.col.current')}</th>
          <th scope="col">{t('sup.col.served')}</th>
          <th scope="col">{t('sup.col.avgService')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row) => (
            <tr data-testid={`board-counter-${row.counter}`} data-status={row.status} data-current={row.currentTicket ?? ''} data-served={row.servedToday} classList={{ alerted: props.alerted(row.counter) }}>
              <th scope="row">{row.counter}</th>
              <td>
                <StatusChip tone={STATUS_TONE[row.status]}>{t(`sup.status.${row.status}`)}</StatusChip>
              </td>
              <td>{row.agent ?? t('sup.none')}</td>
              <td>{row.currentTicket ?? t('sup.none')}</td>
              <td>{row.servedToday}</td>
              <td>{minutes(row.avgServiceMs)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
