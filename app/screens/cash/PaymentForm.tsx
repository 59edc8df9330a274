/**
 * Paying an authorised payment order: the cashier finds the beneficiary (number or name) or
 * types the order's number, picks one of the orders authorised for them at this branch (an
 * order already paid or cancelled is shown as such, never offered), records the identity
 * document shown, and pays in cash. Mounted keyed per payment by the screen: it starts clean.
 */
import { For, Show, createResource } from 'solid-js';
import { createStore } from 'solid-js/store';
import { personName, type Person } from '../../../couch-design/types/person.ts';
import type { CashEntry } from '../../../couch-design/types/cash-entry.ts';
import type { PaymentOrder } from '../../../couch-design/types/payment-order.ts';
import { padDocumentNumber } from '../../../couch-design/types/cash.ts';
import { orderByNumber, orderNumber, ordersOf } from '../../cash/orders.ts';
import { formatAmount } from '../../cash/money.ts';
import { useData } from '../../data/DataProvider.tsx';
import { findPeople, type PeopleSearchResult } from '../../people/find-people.ts';
import { readPersonFile } from '../../people/person-file.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { guardedSubmit, useActionGuard } from '../../ui/action-guard.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import type { CashDeskCtl, CashRef } from './cash-desk.ts';
import { cashErrorText } from './cash-text.ts';
import { PeopleFound } from '../../people/PeopleFound.tsx';

/** The identity document's number as the contract accepts it (cash-entry.ts). */
const ID_DOCUMENT = /^[0-9A-Za-z][0-9A-Za-z -]{2,29}$/;

export function PaymentForm(props: { ctl: CashDeskCtl; cfg: CashRef; onSaved: (entry: CashEntry, payee: { number: string; name: string }) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const { layer } = useData();
  const guard = useActionGuard();
  const [orders] = createResource(() => props.ctl.orders());
  const [f, set] = createStore({
    query: '',
    found: null as PeopleSearchResult | null,
    person: null as Person | null,
    /** An order typed by number that is not payable: said, not offered. */
    settledTyped: null as PaymentOrder | null,
    order: null as string | null,
    idDocument: '',
    errors: {} as Partial<Record<'order' | 'idDocument' | 'form', string>>,
  });
  const money = (minor: number) => formatAmount(minor, props.cfg.decimals, locale());
  const mine = () => (f.person ? ordersOf(orders() ?? [], f.person._id) : { payable: [], settled: [] });

  const pick = (person: Person, order: string | null = null) => set({ person, found: null, order, settledTyped: null, errors: {} });
  const search = async (event: SubmitEvent) => {
    event.preventDefault();
    set({ settledTyped: null, errors: {} });
    const typed = orderByNumber(orders() ?? [], f.query);
    if (typed) {
      const { person } = await readPersonFile(layer, typed.beneficiary).catch(() => ({ person: null }));
      if (typed.state !== 'authorised') return set({ settledTyped: typed, found: null, person: null });
      if (person) return pick(person, typed._id);
    }
    const answer = await findPeople(layer, f.query, { limit: 12 });
    set('found', { ...answer, people: answer.people.filter((p) => p.kind !== 'employer') });
  };

  const save = async () => {
    const errors: typeof f.errors = {};
    if (!f.order) errors.order = t('cash.pay.needOrder');
    if (!ID_DOCUMENT.test(f.idDocument.trim())) errors.idDocument = t('cash.pay.needIdDocument');
    set('errors', errors);
    if (Object.keys(errors).length > 0) return;
    const person = f.person!;
    try {
      const entry = await props.ctl.pay(f.order!, f.idDocument.trim(), { means: 'cash' });
      props.onSaved(entry, { number: person.number, name: personName(person) });
    } catch (e) {
      set('errors', { form: cashErrorText(t, e) });
    }
  };

  return (
    <Panel title={t('cash.pay.title')} testId="cash-pay-panel">
      <Show when={!f.person}>
        <form class="cash-search-form" onSubmit={search} role="search">
          <Field label={t('cash.pay.find')} hint={t('cash.pay.findHint')}>
            {(ids) => <input id={ids.id} aria-describedby={ids.describedBy} autocomplete="off" data-testid="cash-pay-query" value={f.query} onInput={(e) => set('query', e.currentTarget.value)} />}
          </Field>
          <Button type="submit" variant="secondary" testId="cash-pay-find">{t('cash.receipt.find')}</Button>
        </form>
        <Show when={f.settledTyped}>
          {(o) => <Notice tone="warn" testId="cash-pay-settled">{settledText(o())}</Notice>}
        </Show>
        <Show when={f.found}>
          {(found) => (
            <PeopleFound
              found={found()}
              whereTestId="cash-pay-where-found"
              none={<p role="status" data-testid="cash-pay-none">{t('cash.pay.nobody')}</p>}
              testIdPrefix="cash-pay-person-"
              listClass="cash-found"
              onPick={pick}
            />
          )}
        </Show>
      </Show>
      <Show when={f.person}>
        {(p) => (
          <div class="cash-payer" data-testid="cash-payee" data-person={p().number}>
            <span>{t('cash.pay.payee', { number: p().number, name: personName(p()) })}</span>
            <Button variant="quiet" size="small" testId="cash-pay-change" onClick={() => set({ person: null, order: null, errors: {} })}>{t('cash.pay.change')}</Button>
          </div>
        )}
      </Show>
      <form class="cash-form" onSubmit={guardedSubmit(guard, save)} novalidate>
        <Show when={f.person}>
          <fieldset class="cash-orders" data-testid="cash-orders">
            <legend class="field-label">{t('cash.pay.orders')}</legend>
            <Show when={f.errors.order}>{(e) => <p class="field-error">{e()}</p>}</Show>
            <Show when={mine().payable.length > 0} fallback={<p data-testid="cash-orders-none">{t('cash.pay.noOrder')}</p>}>
              <For each={mine().payable}>
                {(o) => (
                  <label class="checkbox cash-order">
                    <input type="radio" name="cash-order" data-testid={`cash-order-${orderNumber(o)}`} checked={f.order === o._id} onChange={() => set('order', o._id)} />
                    {t('cash.pay.order', { kind: t(`cash.category.${o.kind}`), designation: o.designation, amount: money(o.amount), number: orderNumber(o) })}
                  </label>
                )}
              </For>
            </Show>
            <For each={mine().settled}>{(o) => <p class="cash-muted" data-testid={`cash-order-settled-${orderNumber(o)}`}>{settledText(o)}</p>}</For>
          </fieldset>
          <Field label={t('cash.pay.idDocument')} hint={t('cash.pay.idDocumentHint')} error={f.errors.idDocument ?? null}>
            {(ids) => <input id={ids.id} aria-describedby={ids.describedBy} aria-invalid={ids.invalid ? 'true' : undefined} maxlength={30} autocomplete="off" data-testid="cash-pay-id" value={f.idDocument} onInput={(e) => set('idDocument', e.currentTarget.value)} />}
          </Field>
        </Show>
        <Show when={f.errors.form}>{(e) => <Notice tone="error" testId="cash-pay-error">{e()}</Notice>}</Show>
        <div class="btn-row">
          <Show when={f.person}>
            <Button type="submit" variant="primary" size="huge" testId="cash-pay-save" disabled={guard.busy() || mine().payable.length === 0}>{t('cash.pay.save')}</Button>
          </Show>
          <Button variant="quiet" testId="cash-pay-cancel" onClick={props.onCancel}>{t('cash.cancel')}</Button>
        </div>
      </form>
    </Panel>
  );

  function settledText(o: PaymentOrder): string {
    if (o.state === 'paid') {
      const number = padDocumentNumber(Number(o.entry!.slice(o.entry!.lastIndexOf(':') + 1)));
      return t('cash.pay.alreadyPaid', { number: orderNumber(o), document: number, desk: o.counter ?? '', at: formatDateTime(o.paidAt!, locale(), props.ctl.zone()) });
    }
    return t('cash.pay.cancelled', { number: orderNumber(o) });
  }
}
