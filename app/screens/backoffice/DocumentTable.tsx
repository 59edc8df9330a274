/**
 * The delivered documents as the legacy table (ticket date and number, event on a visit's first
 * row, code, designation, edition, validity, copies, status, tick box), virtualised: only the
 * rows in view are in the page, so thousands scroll without lag. Keyboard: arrows move between
 * rows (focus on the row's tick box), space ticks, Home/End go to the first/last row. Rows are
 * kept by position (Index): a re-read of the replica updates them in place and the focus stays.
 */
import { For, Index, Show, createMemo, createSignal, onCleanup, onMount } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { StatusChip, type Tone } from '../../ui/StatusChip.tsx';
import type { DocumentStatus } from '../../desk/reviews.ts';
import type { Row } from './rows.ts';
import { padBlocks, rowWindow, scrollToShow } from './row-window.ts';

const COLUMNS = 10;
const FALLBACK_ROW_PX = 48;

export const statusTone = (s: DocumentStatus): Tone => (s === 'validated' ? 'ok' : s === 'refused' ? 'danger' : 'neutral');
export const showDay = (day?: string) => (day ? day.split('-').reverse().join('/') : '');

export interface DocumentTableProps {
  rows: readonly Row[];
  eventName: (code: string) => string;
  isTicked: (key: string) => boolean;
  toggle: (row: Row) => void;
  tickAll: (on: boolean) => void;
  active: number;
  setActive: (index: number) => void;
}

export function DocumentTable(props: DocumentTableProps) {
  const { t } = useI18n();
  let scroller!: HTMLDivElement;
  let head!: HTMLTableSectionElement;
  const [view, setView] = createSignal({ top: 0, height: 800, rowHeight: FALLBACK_ROW_PX });
  const win = createMemo(() => rowWindow(view().top, view().height, view().rowHeight, props.rows.length));
  const measure = () => {
    // The spacers' row height (--bo-row) is the list's geometry; rows are styled to match it.
    const rowHeight = parseFloat(getComputedStyle(scroller).getPropertyValue('--bo-row')) || view().rowHeight;
    setView({ top: scroller.scrollTop, height: scroller.clientHeight - head.getBoundingClientRect().height, rowHeight });
  };
  onMount(() => {
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    onCleanup(() => observer.disconnect());
  });
  const allTicked = () => props.rows.length > 0 && props.rows.every((r) => props.isTicked(r.key));

  function go(index: number) {
    const i = Math.max(0, Math.min(props.rows.length - 1, index));
    if (i < 0) return;
    props.setActive(i);
    const v = view();
    const to = scrollToShow(i, scroller.scrollTop, v.height, v.rowHeight);
    if (to !== null) scroller.scrollTop = to;
    measure();
    scroller.querySelector<HTMLInputElement>(`tr[data-index="${i}"] input`)?.focus();
  }
  function onKey(event: KeyboardEvent) {
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (event.key in step) go(props.active + step[event.key]!);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(props.rows.length - 1);
    else return;
    event.preventDefault();
  }

  return (
    <div class="bo-scroll" ref={scroller} onScroll={measure} role="region" aria-label={t('bo.list')} data-testid="bo-list" data-count={props.rows.length}>
      <table class="bo-table">
        <thead ref={head}>
          <tr>
            <th scope="col" class="bo-col-tick">
              <input
                type="checkbox"
                class="bo-check"
                data-testid="bo-tick-all"
                aria-label={t('bo.tickAll', { count: props.rows.length })}
                checked={allTicked()}
                disabled={props.rows.length === 0}
                onChange={(e) => props.tickAll(e.currentTarget.checked)}
              />
            </th>
            <th scope="col" class="bo-col-date">{t('bo.col.date')}</th>
            <th scope="col" class="bo-col-ticket">{t('bo.col.ticket')}</th>
            <th scope="col" class="bo-col-event">{t('bo.col.event')}</th>
            <th scope="col" class="bo-col-code">{t('bo.col.code')}</th>
            <th scope="col" class="bo-col-designation">{t('bo.col.designation')}</th>
            <th scope="col" class="bo-col-day">{t('bo.col.edition')}</th>
            <th scope="col" class="bo-col-day">{t('bo.col.validity')}</th>
            <th scope="col" class="bo-col-copies">{t('bo.col.copies')}</th>
            <th scope="col" class="bo-col-status">{t('bo.col.status')}</th>
          </tr>
        </thead>
        <tbody onKeyDown={onKey}>
          <For each={padBlocks(win().start)}>{(size) => <tr class={`bo-pad bo-pad-${size}`} aria-hidden="true"><td colSpan={COLUMNS} /></tr>}</For>
          <Index each={props.rows.slice(win().start, win().end)}>
            {(row, i) => {
              const index = () => win().start + i;
              return (
                <tr
                  class="bo-row"
                  classList={{ 'bo-row-first': row().first, 'bo-row-active': index() === props.active, 'bo-row-ticked': props.isTicked(row().key) }}
                  data-testid="bo-row"
                  data-index={index()}
                  data-submission={row().submission}
                  data-code={row().code}
                  data-status={row().reviews.status}
                  data-ticket={row().ticket}
                  onClick={() => props.setActive(index())}
                >
                  <td class="bo-col-tick">
                    <label class="bo-hit">
                      <input
                        type="checkbox"
                        class="bo-check"
                        data-testid="bo-tick"
                        aria-label={t('bo.tick', { code: row().code, ticket: row().ticket || row().date })}
                        checked={props.isTicked(row().key)}
                        onFocus={() => props.setActive(index())}
                        onChange={() => props.toggle(row())}
                      />
                    </label>
                  </td>
                  <td>{row().first ? showDay(row().date) : ''}</td>
                  <td>{row().first ? row().ticket : ''}</td>
                  <td>
                    <Show when={row().first}>
                      <span class="bo-event">
                        <span class="bo-ellipsis" title={props.eventName(row().event)}>{props.eventName(row().event)}</span>
                        <Show when={row().complete}>
                          <StatusChip tone="ok" testId="bo-complete">{t('bo.complete')}</StatusChip>
                        </Show>
                      </span>
                    </Show>
                  </td>
                  <td>{row().code}</td>
                  <td class="bo-ellipsis" title={row().designation}>{row().designation}</td>
                  <td>{showDay(row().edition)}</td>
                  <td>{showDay(row().validity)}</td>
                  <td class="bo-num">{row().copies}</td>
                  <td class="bo-cell-status">
                    <StatusChip tone={statusTone(row().reviews.status)} testId="bo-status">{t(`bo.status.${row().reviews.status}`)}</StatusChip>
                    <Show when={row().reviews.secondDecision}>
                      <StatusChip tone="warn" testId="bo-second">{t('bo.second')}</StatusChip>
                    </Show>
                    <Show when={row().scan}>
                      <span class="bo-scan" data-testid="bo-scan">{t('bo.scan')}</span>
                    </Show>
                  </td>
                </tr>
              );
            }}
          </Index>
          <For each={padBlocks(props.rows.length - win().end)}>{(size) => <tr class={`bo-pad bo-pad-${size}`} aria-hidden="true"><td colSpan={COLUMNS} /></tr>}</For>
        </tbody>
      </table>
    </div>
  );
}
