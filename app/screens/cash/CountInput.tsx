/**
 * A drawer's content, as one amount or counted note by note (the float at opening, the blind
 * count at closing). The state is the parent form's (createCount), so it starts clean with it.
 */
import { For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { CountLine } from '../../../couch-design/types/cash.ts';
import { countLines } from '../../cash/session.ts';
import { formatAmount } from '../../cash/money.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Field } from '../../ui/Field.tsx';
import { readAmount } from './cash-text.ts';

export function createCount() {
  const [state, set] = createStore({ mode: 'amount' as 'amount' | 'pieces', amount: '', pieces: {} as Record<number, string>, error: null as string | null });
  return { state, set };
}
export type CountState = ReturnType<typeof createCount>;

/** The count's value, or null after setting its error. */
export function readCount(count: CountState, t: ReturnType<typeof useI18n>['t'], locale: 'fr' | 'en', denominations: readonly number[], decimals: number, ceiling: number): number | CountLine[] | null {
  count.set('error', null);
  if (count.state.mode === 'amount') {
    const r = readAmount(t, count.state.amount, decimals, locale, ceiling, true);
    if (!r.ok) {
      count.set('error', r.error);
      return null;
    }
    return r.minor;
  }
  const counts: number[] = [];
  for (const d of denominations) {
    const text = (count.state.pieces[d] ?? '').trim();
    if (text !== '' && !/^\d{1,6}$/.test(text)) {
      count.set('error', t('cash.count.badPieces', { note: formatAmount(d, decimals, locale) }));
      return null;
    }
    counts.push(text === '' ? 0 : Number(text));
  }
  return countLines(denominations, counts);
}

export function CountInput(props: { count: CountState; legend: string; denominations: readonly number[]; decimals: number; currency: string; testId: string }) {
  const { t, locale } = useI18n();
  const c = props.count;
  return (
    <fieldset class="cash-count" data-testid={props.testId}>
      <legend class="field-label">{props.legend}</legend>
      <div class="cash-choice" role="radiogroup" aria-label={t('cash.count.how')}>
        <label class="checkbox">
          <input type="radio" name={`${props.testId}-mode`} checked={c.state.mode === 'amount'} data-testid={`${props.testId}-mode-amount`} onChange={() => c.set('mode', 'amount')} />
          {t('cash.count.asAmount')}
        </label>
        <label class="checkbox">
          <input type="radio" name={`${props.testId}-mode`} checked={c.state.mode === 'pieces'} data-testid={`${props.testId}-mode-pieces`} onChange={() => c.set('mode', 'pieces')} />
          {t('cash.count.byNote')}
        </label>
      </div>
      <Show when={c.state.error}>{(e) => <p class="field-error" role="alert" data-testid={`${props.testId}-error`}>{e()}</p>}</Show>
      <Show
        when={c.state.mode === 'pieces'}
        fallback={
          <Field label={t('cash.count.amount', { currency: props.currency })} hint={t('cash.amount.hint')}>
            {(ids) => <input id={ids.id} aria-describedby={ids.describedBy} inputmode="decimal" autocomplete="off" class="cash-amount-input" data-testid={`${props.testId}-amount`} value={c.state.amount} onInput={(e) => c.set('amount', e.currentTarget.value)} />}
          </Field>
        }
      >
        <div class="cash-pieces">
          <For each={props.denominations}>
            {(d) => (
              <Field label={t('cash.count.pieces', { note: formatAmount(d, props.decimals, locale()) })}>
                {(ids) => <input id={ids.id} inputmode="numeric" autocomplete="off" class="cash-piece-input" data-testid={`${props.testId}-piece-${d}`} value={c.state.pieces[d] ?? ''} onInput={(e) => c.set('pieces', d, e.currentTarget.value)} />}
              </Field>
            )}
          </For>
        </div>
      </Show>
    </fieldset>
  );
}
