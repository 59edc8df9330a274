/**
 * The desk's day journal in the brief's layout — day, counter officer, counter; Document N°,
 * date, designation, account N°, entries — with every number of the day (voids as rows of
 * their own with their reason, reversals negative "43 70-"), the total, totals by means of
 * payment and by category, and the state of the hash chain. Reversing an entry and voiding
 * the next number start here.
 */
import { For, Show, createMemo, createSignal } from 'solid-js';
import { padDocumentNumber } from '../../../couch-design/types/cash.ts';
import { PAYMENT_MEANS } from '../../../couch-design/types/cash-entry.ts';
import { dayJournal, journalChain } from '../../cash/reports.ts';
import { formatAmount } from '../../cash/money.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatTime } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { useToasts } from '../../ui/Toasts.tsx';
import type { CashDeskCtl, CashRef } from './cash-desk.ts';
import { deskJournalSheet, downloadJournalCsv, downloadJournalPdf, printJournal, type ExportContext } from './cash-exports.ts';

const CATEGORIES = ['contribution', 'punctual_payment', 'daily_allowance', 'adjustment', 'reversal'] as const;

export function Journal(props: { ctl: CashDeskCtl; cfg: CashRef; counter: string; canWrite: boolean; onReverse: (number: number) => void }) {
  const { t, locale } = useI18n();
  const journal = createMemo(() => dayJournal(props.ctl.day(), props.ctl.branch, props.counter, props.ctl.entries()));
  const chain = createMemo(() => journalChain(props.ctl.entries()));
  const reversed = createMemo(() => new Set(props.ctl.entries().filter((e) => e.category === 'reversal').map((e) => e.reverses)));
  const money = (minor: number) => formatAmount(minor, props.cfg.decimals, locale(), { trailingMinus: true });
  const [showAll, setShowAll] = createSignal(false);
  const toasts = useToasts();
  const ctx = (): ExportContext => ({ t, locale: locale(), zone: props.ctl.zone(), cfg: props.cfg });
  const fileName = () => `journal-${props.ctl.branch}-${props.counter}-${props.ctl.day()}`;
  const sheet = () => deskJournalSheet(ctx(), props.ctl.day(), props.ctl.branch, props.counter, props.ctl.entries());
  const print = async () => {
    const outcome = await printJournal(ctx(), sheet()).catch(() => null);
    toasts.show(t(outcome?.via ? 'cash.journal.printed' : 'cash.journal.notPrinted'), outcome?.via ? 'ok' : 'warn');
  };
  return (
    <Panel title={t('cash.journal.title')} testId="cash-journal">
      <div class="btn-row cash-exports">
        <Button variant="secondary" size="small" testId="cash-journal-pdf" action={() => downloadJournalPdf(sheet(), fileName())}>{t('cash.journal.pdf')}</Button>
        <Button variant="secondary" size="small" testId="cash-journal-csv" action={async () => downloadJournalCsv(ctx(), props.ctl.day(), props.ctl.branch, props.counter, props.ctl.entries(), fileName())}>{t('cash.journal.csv')}</Button>
        <Button variant="secondary" size="small" testId="cash-journal-print" action={print}>{t('cash.journal.print')}</Button>
      </div>
      <p class="cash-journal-head" data-testid="cash-journal-head">
        {t('cash.journal.head', { day: journal().day, officer: journal().cashiers.join(', ') || props.ctl.cashier, counter: props.counter })}
      </p>
      <p>
        <Show
          when={chain().intact}
          fallback={<StatusChip tone="danger" testId="cash-chain">{t('cash.journal.chainBroken', { number: padDocumentNumber((chain() as { number: number }).number) })}</StatusChip>}
        >
          <StatusChip tone="ok" testId="cash-chain">{t('cash.journal.chainIntact')}</StatusChip>
        </Show>
      </p>
      <div class="cash-table-wrap">
        <table class="table cash-journal-table" data-testid="cash-journal-table">
          <thead>
            <tr>
              <th scope="col">{t('cash.journal.number')}</th>
              <th scope="col">{t('cash.journal.date')}</th>
              <th scope="col">{t('cash.journal.designation')}</th>
              <th scope="col">{t('cash.journal.account')}</th>
              <th scope="col" class="cash-num">{t('cash.journal.entries')}</th>
              <th scope="col"><span class="visually-hidden">{t('cash.journal.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            <For each={showAll() ? journal().rows : journal().rows.slice(-50)}>
              {(r) => (
                <tr data-testid="cash-row" data-number={r.number} data-kind={r.kind} data-category={r.category} data-amount={r.amount}>
                  <td>{padDocumentNumber(r.number)}</td>
                  <td>{formatTime(r.at, locale(), props.ctl.zone())}</td>
                  <td>
                    <Show when={r.kind === 'void'} fallback={r.designation}>
                      {t('cash.journal.void', { reason: r.reason ?? '' })}
                    </Show>
                    <Show when={r.reverses !== null}>
                      <span class="cash-muted"> {t('cash.journal.reverses', { number: padDocumentNumber(r.reverses ?? 0), reason: r.reason ?? '' })}</span>
                    </Show>
                  </td>
                  <td>{r.account}</td>
                  <td class="cash-num">{r.kind === 'void' ? '—' : money(r.amount)}</td>
                  <td>
                    <Show when={props.canWrite && r.kind !== 'void' && r.category !== 'reversal' && !reversed().has(`cash:${props.ctl.branch}:${props.counter}:${padDocumentNumber(r.number)}`)}>
                      <Button variant="quiet" size="small" testId={`cash-reverse-${r.number}`} aria-label={t('cash.reverse.label', { number: padDocumentNumber(r.number) })} onClick={() => props.onReverse(r.number)}>
                        {t('cash.reverse.button')}
                      </Button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan="4">{t('cash.journal.total')}</th>
              <td class="cash-num" data-testid="cash-total">{money(journal().total)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <Show when={journal().rows.length > 50 && !showAll()}>
        <Button variant="quiet" size="small" onClick={() => setShowAll(true)}>{t('cash.journal.showAll', { count: journal().rows.length })}</Button>
      </Show>
      <div class="cash-totals">
        <dl class="facts" data-testid="cash-by-means">
          <For each={PAYMENT_MEANS}>
            {(m) => (
              <div>
                <dt>{t(`cash.means.${m}`)}</dt>
                <dd data-testid={`cash-total-${m}`}>{money(journal().byMeans[m])}</dd>
              </div>
            )}
          </For>
        </dl>
        <dl class="facts" data-testid="cash-by-category">
          <For each={CATEGORIES}>
            {(c) => (
              <div>
                <dt>{t(`cash.category.${c}`)}</dt>
                <dd data-testid={`cash-total-${c}`}>{money(journal().byCategory[c])}</dd>
              </div>
            )}
          </For>
          <div>
            <dt>{t('cash.journal.voids')}</dt>
            <dd data-testid="cash-total-voids">{journal().voids}</dd>
          </div>
        </dl>
      </div>
    </Panel>
  );
}
