/**
 * Closing is a blind count: the cashier enters what the drawer holds (one amount or note by
 * note) and only then sees what it should hold. The count records expected, counted and the
 * variance; within the session's threshold the session is closed, above it waits (state
 * `counted`) for a supervisor's sign-off. The expected amount is never shown before the count.
 */
import { Show, createSignal } from 'solid-js';
import type { CashSession } from '../../../couch-design/types/cash.ts';
import { formatAmount } from '../../cash/money.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { guardedSubmit, useActionGuard } from '../../ui/action-guard.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import type { CashDeskCtl, CashRef } from './cash-desk.ts';
import { CountInput, createCount, readCount } from './CountInput.tsx';
import { cashErrorText } from './cash-text.ts';

export function BlindCount(props: { ctl: CashDeskCtl; cfg: CashRef; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const guard = useActionGuard();
  const count = createCount();
  const [error, setError] = createSignal<string | null>(null);
  const submit = async () => {
    setError(null);
    const counted = readCount(count, t, locale(), props.cfg.settings.denominations, props.cfg.decimals, props.cfg.settings.maxAmount);
    if (counted === null) return;
    try {
      await props.ctl.count(counted);
    } catch (e) {
      setError(cashErrorText(t, e));
    }
  };
  return (
    <Panel tone="warn" title={t('cash.close.title')} testId="cash-close-panel">
      <p>{t('cash.close.body')}</p>
      <form class="cash-form" onSubmit={guardedSubmit(guard, submit)} novalidate>
        <CountInput count={count} legend={t('cash.close.count')} denominations={props.cfg.settings.denominations} decimals={props.cfg.decimals} currency={props.cfg.currency} testId="cash-count" />
        <Show when={error()}>{(e) => <Notice tone="error" testId="cash-close-error">{e()}</Notice>}</Show>
        <div class="btn-row">
          <Button type="submit" variant="primary" size="large" testId="cash-count-submit" disabled={guard.busy()}>{t('cash.close.submit')}</Button>
          <Button variant="quiet" testId="cash-close-cancel" onClick={() => props.onCancel()}>{t('cash.cancel')}</Button>
        </div>
      </form>
    </Panel>
  );
}

/** The count's result: counted, expected, variance, and whether a supervisor must sign off. */
export function CountResult(props: { session: CashSession; cfg: CashRef }) {
  const { t, locale } = useI18n();
  const money = (minor: number) => formatAmount(minor, props.cfg.decimals, locale());
  const s = () => props.session;
  return (
    <Panel tone={s().state === 'closed' ? 'ok' : 'warn'} title={s().state === 'closed' ? t('cash.result.closed') : t('cash.result.waiting')} testId="cash-count-result">
      <dl class="facts" data-testid="cash-result" data-state={s().state} data-variance={s().variance}>
        <div><dt>{t('cash.result.counted')}</dt><dd data-testid="cash-result-counted">{money(s().countedAmount ?? 0)}</dd></div>
        <div><dt>{t('cash.result.expected')}</dt><dd data-testid="cash-result-expected">{money(s().expectedAmount ?? 0)}</dd></div>
        <div><dt>{t('cash.result.variance')}</dt><dd data-testid="cash-result-variance">{money(s().variance ?? 0)}</dd></div>
        <div><dt>{t('cash.result.numbers')}</dt><dd>{s().firstNumber} – {s().lastNumber}</dd></div>
      </dl>
      <Show when={s().state === 'counted'}>
        <Notice tone="warn" testId="cash-signoff-needed">{t('cash.result.signOff', { threshold: money(s().varianceThreshold) })}</Notice>
      </Show>
    </Panel>
  );
}
