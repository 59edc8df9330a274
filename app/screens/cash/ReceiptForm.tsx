/**
 * An employer's contribution receipt: the employer, the periods due (from its account lines),
 * the designation built from them, the amount typed as people type it (parsed strictly), the
 * means of payment with its details. Saved as the desk's next numbered entry, then printed.
 * Mounted keyed per receipt by the screen: each receipt starts with a clean form.
 */
import { For, Show, createResource } from 'solid-js';
import { createStore } from 'solid-js/store';
import { personName, type Person } from '../../../couch-design/types/person.ts';
import { PAYMENT_MEANS, type CashEntry, type PaymentMeans } from '../../../couch-design/types/cash-entry.ts';
import { receipt, type MeansDetails } from '../../cash/entries.ts';
import { contributionDesignation, periodLabel } from '../../cash/designation.ts';
import { formatAmount } from '../../cash/money.ts';
import { useData } from '../../data/DataProvider.tsx';
import { readPersonFile } from '../../people/person-file.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { guardedSubmit, useActionGuard } from '../../ui/action-guard.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import type { CashDeskCtl, CashRef } from './cash-desk.ts';
import { cashErrorText, readAmount } from './cash-text.ts';
import { EmployerSearch } from './EmployerSearch.tsx';

type Errors = Partial<Record<'employer' | 'periods' | 'amount' | 'bank' | 'chequeNumber' | 'reference' | 'form', string>>;

export function ReceiptForm(props: { ctl: CashDeskCtl; cfg: CashRef; onSaved: (entry: CashEntry, payer: { number: string; name: string }) => void }) {
  const { t, locale } = useI18n();
  const { layer } = useData();
  const guard = useActionGuard();
  const [f, set] = createStore({
    employer: null as Person | null,
    periods: [] as string[],
    designation: '',
    amount: '',
    means: 'cash' as PaymentMeans,
    bank: '',
    chequeNumber: '',
    reference: '',
    errors: {} as Errors,
  });
  const [lines] = createResource(
    () => f.employer?._id,
    // An employer of another branch was found through the server: its lines come the same way (docs/PEOPLE.md).
    async (id) => (await readPersonFile(layer, id)).accountLines.filter((l) => l.amountDue > l.amountPaid),
  );
  const money = (minor: number) => formatAmount(minor, props.cfg.decimals, locale());
  const togglePeriod = (period: string, on: boolean) => {
    const periods = on ? [...f.periods, period] : f.periods.filter((p) => p !== period);
    set({ periods, designation: periods.length ? contributionDesignation(periods) : '' });
  };

  const save = async () => {
    const errors: Errors = {};
    if (!f.employer) errors.employer = t('cash.receipt.needEmployer');
    if (f.periods.length === 0) errors.periods = t('cash.receipt.needPeriods');
    const amount = readAmount(t, f.amount, props.cfg.decimals, locale(), props.cfg.settings.maxAmount);
    if (!amount.ok) errors.amount = amount.error;
    let payment: MeansDetails = { means: 'cash' };
    if (f.means === 'cheque') {
      if (!f.bank.trim()) errors.bank = t('cash.receipt.needBank');
      if (!/^[0-9A-Z-]{1,20}$/.test(f.chequeNumber.trim().toUpperCase())) errors.chequeNumber = t('cash.receipt.needCheque');
      payment = { means: 'cheque', bank: f.bank.trim(), chequeNumber: f.chequeNumber.trim().toUpperCase() };
    } else if (f.means === 'transfer' || f.means === 'mobile_money') {
      if (!/^[0-9A-Za-z][0-9A-Za-z./_-]{0,39}$/.test(f.reference.trim())) errors.reference = t('cash.receipt.needReference');
      payment = { means: f.means, reference: f.reference.trim() };
    }
    set('errors', errors);
    if (Object.keys(errors).length > 0 || !amount.ok) return;
    const employer = f.employer!;
    try {
      const entry = await props.ctl.take((desk) =>
        receipt(desk, { person: employer._id, account: employer.accountNumber ?? employer.number, periods: [...f.periods], amount: amount.minor, designation: f.designation.trim() || undefined, payment }),
      );
      props.onSaved(entry, { number: employer.accountNumber ?? employer.number, name: personName(employer) });
    } catch (e) {
      set('errors', { form: cashErrorText(t, e) });
    }
  };
  const errorList = () => Object.values(f.errors).filter(Boolean) as string[];

  return (
    <Panel title={t('cash.receipt.title')} testId="cash-receipt-panel">
      <Show when={errorList().length > 0}>
        <div class="cash-error-summary" role="alert" data-testid="cash-receipt-errors">
          <p class="cash-error-title">{t('cash.receipt.errors')}</p>
          <ul>
            <For each={errorList()}>{(e) => <li>{e}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show
        when={f.employer}
        fallback={<EmployerSearch onPick={(p) => set({ employer: p, periods: [], designation: '', errors: {} })} />}
      >
        {(emp) => (
          <div class="cash-payer" data-testid="cash-payer" data-account={emp().accountNumber}>
            <span>{t('cash.receipt.payer', { account: emp().accountNumber ?? emp().number, name: personName(emp()) })}</span>
            <Button variant="quiet" size="small" testId="cash-employer-change" onClick={() => set({ employer: null, periods: [], designation: '' })}>{t('cash.receipt.change')}</Button>
          </div>
        )}
      </Show>
      <form class="cash-form" onSubmit={guardedSubmit(guard, save)} novalidate>
        <Show when={f.employer}>
          <fieldset class="cash-periods" data-testid="cash-periods">
            <legend class="field-label">{t('cash.receipt.periods')}</legend>
            <Show when={f.errors.periods}>{(e) => <p class="field-error">{e()}</p>}</Show>
            <Show when={!lines.loading} fallback={<p role="status">{t('cash.loading')}</p>}>
              <Show when={(lines() ?? []).length > 0} fallback={<p data-testid="cash-periods-none">{t('cash.receipt.nothingDue')}</p>}>
                <For each={lines()}>
                  {(l) => (
                    <label class="checkbox">
                      <input type="checkbox" data-testid={`cash-period-${l.period}`} checked={f.periods.includes(l.period)} onChange={(e) => togglePeriod(l.period, e.currentTarget.checked)} />
                      {t('cash.receipt.periodDue', { period: periodLabel(l.period), due: money(l.amountDue - l.amountPaid) })}
                    </label>
                  )}
                </For>
              </Show>
            </Show>
          </fieldset>
          <Field label={t('cash.receipt.designation')}>
            {(ids) => <input id={ids.id} maxlength={120} data-testid="cash-designation" value={f.designation} onInput={(e) => set('designation', e.currentTarget.value)} />}
          </Field>
        </Show>
        <Field label={t('cash.receipt.amount', { currency: props.cfg.currency })} hint={t('cash.amount.hint')} error={f.errors.amount ?? null}>
          {(ids) => <input id={ids.id} aria-describedby={ids.describedBy} aria-invalid={ids.invalid ? 'true' : undefined} inputmode="decimal" autocomplete="off" class="cash-amount-input" data-testid="cash-amount" value={f.amount} onInput={(e) => set('amount', e.currentTarget.value)} />}
        </Field>
        <fieldset class="cash-means">
          <legend class="field-label">{t('cash.receipt.means')}</legend>
          <div class="cash-choice">
            <For each={PAYMENT_MEANS}>
              {(m) => (
                <label class="checkbox">
                  <input type="radio" name="cash-means" data-testid={`cash-means-${m}`} checked={f.means === m} onChange={() => set('means', m)} />
                  {t(`cash.means.${m}`)}
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <Show when={f.means === 'cheque'}>
          <div class="field-row">
            <Field label={t('cash.receipt.bank')} error={f.errors.bank ?? null}>
              {(ids) => <input id={ids.id} aria-describedby={ids.describedBy} maxlength={60} data-testid="cash-bank" value={f.bank} onInput={(e) => set('bank', e.currentTarget.value)} />}
            </Field>
            <Field label={t('cash.receipt.chequeNumber')} error={f.errors.chequeNumber ?? null}>
              {(ids) => <input id={ids.id} aria-describedby={ids.describedBy} maxlength={20} data-testid="cash-cheque" value={f.chequeNumber} onInput={(e) => set('chequeNumber', e.currentTarget.value)} />}
            </Field>
          </div>
        </Show>
        <Show when={f.means === 'transfer' || f.means === 'mobile_money'}>
          <Field label={t('cash.receipt.reference')} error={f.errors.reference ?? null}>
            {(ids) => <input id={ids.id} aria-describedby={ids.describedBy} maxlength={40} data-testid="cash-reference" value={f.reference} onInput={(e) => set('reference', e.currentTarget.value)} />}
          </Field>
        </Show>
        <Show when={f.errors.form}>{(e) => <Notice tone="error" testId="cash-receipt-error">{e()}</Notice>}</Show>
        <div class="btn-row">
          <Button type="submit" variant="primary" size="huge" testId="cash-save" disabled={guard.busy()}>
            {t('cash.receipt.save')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
