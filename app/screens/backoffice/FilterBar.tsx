/** The filters of the delivered documents: period, status (non-validated first), event, code, counter, person. */
import { For } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Field } from '../../ui/Field.tsx';
import type { Filters } from './rows.ts';

const STATUSES = ['non_validated', 'validated', 'refused'] as const;

export function FilterBar(props: { filters: Filters; set: SetStoreFunction<Filters>; events: readonly { code: string; name: string }[]; counters: readonly string[] }) {
  const { t } = useI18n();
  const text = (name: 'from' | 'to' | 'code' | 'person', type: string) => (
    <Field label={t(`bo.filter.${name}`)} class="bo-filter">
      {(ids) => (
        <input id={ids.id} type={type} class="input" data-testid={`bo-filter-${name}`} value={props.filters[name]} onChange={(e) => props.set(name, e.currentTarget.value)} />
      )}
    </Field>
  );
  return (
    <fieldset class="bo-filters" data-testid="bo-filters">
      <legend class="bo-legend">{t('bo.filters')}</legend>
      {text('from', 'date')}
      {text('to', 'date')}
      <Field label={t('bo.filter.status')} class="bo-filter">
        {(ids) => (
          <select id={ids.id} class="input" data-testid="bo-filter-status" value={props.filters.status} onChange={(e) => props.set('status', e.currentTarget.value as Filters['status'])}>
            <option value="">{t('bo.filter.all')}</option>
            <For each={STATUSES}>{(s) => <option value={s}>{t(`bo.status.${s}`)}</option>}</For>
          </select>
        )}
      </Field>
      <Field label={t('bo.filter.event')} class="bo-filter bo-filter-wide">
        {(ids) => (
          <select id={ids.id} class="input" data-testid="bo-filter-event" value={props.filters.event} onChange={(e) => props.set('event', e.currentTarget.value)}>
            <option value="">{t('bo.filter.all')}</option>
            <For each={props.events}>{(e) => <option value={e.code}>{e.name}</option>}</For>
          </select>
        )}
      </Field>
      {text('code', 'text')}
      <Field label={t('bo.filter.counter')} class="bo-filter">
        {(ids) => (
          <select id={ids.id} class="input" data-testid="bo-filter-counter" value={props.filters.counter} onChange={(e) => props.set('counter', e.currentTarget.value)}>
            <option value="">{t('bo.filter.all')}</option>
            <For each={props.counters}>{(c) => <option value={c}>{c}</option>}</For>
          </select>
        )}
      </Field>
      {text('person', 'text')}
    </fieldset>
  );
}
