/**
 * Head office's cash day: totals per branch and cash desk, and the sessions whose blind count
 * showed a variance, read from fo_central on the server (a device replica of every branch
 * would be far too big). Pure model in app/cash/head-office.ts.
 */
import { For, Show, createResource, createSignal } from 'solid-js';
import type { Branch } from '../../../couch-design/types/branch.ts';
import type { Institution } from '../../../couch-design/types/institution.ts';
import { CENTRAL_DB } from '../../../couch-design/databases.ts';
import { branchTotals, varianceSessions } from '../../cash/head-office.ts';
import { formatAmount } from '../../cash/money.ts';
import { useData } from '../../data/DataProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { branchDay } from '../../queue/numbering.ts';
import { httpViewQuery } from '../../stats/http-view.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';

export function CashHeadOffice() {
  const { t, locale } = useI18n();
  const { layer } = useData();
  const query = httpViewQuery(`${location.origin}/db`, CENTRAL_DB, layer.fetch);
  const [ref] = createResource(async () => {
    const [institution, branches] = await Promise.all([layer.get<Institution>('ref', 'institution'), layer.allDocsByPrefix<Branch>('ref', 'branch:')]);
    return { decimals: institution?.currencyDecimals ?? 0, names: new Map(branches.map((b) => [b.code, b.name])), zone: branches[0]?.timeZone ?? 'Africa/Douala' };
  });
  const [day, setDay] = createSignal<string | null>(null);
  const theDay = () => day() ?? (ref() ? branchDay(new Date(), ref()!.zone) : null);
  const [data, { refetch }] = createResource(theDay, async (d) => {
    const [totals, counted, closed] = await Promise.all([
      query('fo/cash_totals', { startkey: [d], endkey: [d, {}], group_level: 3 }),
      query('fo/cash_sessions', { startkey: ['counted'], endkey: ['counted', {}], reduce: false }),
      query('fo/cash_sessions', { startkey: ['closed'], endkey: ['closed', {}], reduce: false }),
    ]);
    return { branches: branchTotals(totals.rows), variances: varianceSessions([...counted.rows, ...closed.rows], d) };
  });
  const money = (minor: number) => formatAmount(minor, ref()?.decimals ?? 0, locale(), { trailingMinus: true });
  const name = (code: string) => ref()?.names.get(code) ?? code;
  return (
    <Panel title={t('cash.hq.title')} testId="cash-hq">
      <div class="cash-search-form">
        <Field label={t('cash.hq.day')}>
          {(ids) => <input id={ids.id} type="date" class="cash-hq-day" data-testid="cash-hq-day" value={theDay() ?? ''} onChange={(e) => e.currentTarget.value && setDay(e.currentTarget.value)} />}
        </Field>
        <Button variant="secondary" testId="cash-hq-refresh" onClick={() => void refetch()}>{t('cash.hq.refresh')}</Button>
      </div>
      <Show when={!data.error} fallback={<Notice tone="error">{t('cash.hq.unavailable')}</Notice>}>
        <Show when={data.latest} fallback={<p role="status">{t('cash.loading')}</p>}>
          {(d) => (
            <>
              <Show when={d().branches.length > 0} fallback={<p data-testid="cash-hq-none">{t('cash.hq.none')}</p>}>
                <div class="cash-table-wrap">
                  <table class="table cash-journal-table" data-testid="cash-hq-totals">
                    <thead>
                      <tr>
                        <th scope="col">{t('cash.hq.branch')}</th>
                        <th scope="col">{t('cash.report.desk')}</th>
                        <th scope="col" class="cash-num">{t('cash.report.entries')}</th>
                        <th scope="col" class="cash-num">{t('cash.journal.total')}</th>
                      </tr>
                    </thead>
                    <For each={d().branches}>
                      {(b) => (
                        <tbody>
                          <For each={b.desks}>
                            {(desk) => (
                              <tr data-testid={`cash-hq-${b.branch}-${desk.counter}`} data-net={desk.net}>
                                <td>{name(b.branch)}</td>
                                <td>{desk.counter}</td>
                                <td class="cash-num">{desk.documents}</td>
                                <td class="cash-num">{money(desk.net)}</td>
                              </tr>
                            )}
                          </For>
                          <tr class="cash-hq-branch-total" data-testid={`cash-hq-${b.branch}`} data-net={b.net}>
                            <th scope="row" colspan="2">{t('cash.hq.branchTotal', { branch: name(b.branch) })}</th>
                            <td class="cash-num">{b.documents}</td>
                            <td class="cash-num">{money(b.net)}</td>
                          </tr>
                        </tbody>
                      )}
                    </For>
                  </table>
                </div>
              </Show>
              <h3 class="cash-hq-subtitle">{t('cash.hq.variances')}</h3>
              <Show when={d().variances.length > 0} fallback={<p data-testid="cash-hq-no-variance">{t('cash.hq.noVariance')}</p>}>
                <ul class="cash-signoff-list" data-testid="cash-hq-variances">
                  <For each={d().variances}>
                    {(s) => (
                      <li data-testid={`cash-hq-variance-${s.branch}-${s.counter}-${s.seq}`} data-variance={s.variance}>
                        {t(s.state === 'counted' ? 'cash.hq.varianceWaiting' : 'cash.hq.varianceClosed', { branch: name(s.branch), desk: s.counter, seq: s.seq, cashier: s.cashier, variance: money(s.variance) })}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Show>
      </Show>
    </Panel>
  );
}
