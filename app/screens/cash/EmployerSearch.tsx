/** Finding the employer by account number or by a word of its name (app/people/find-people.ts). */
import { Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Person } from '../../../couch-design/types/person.ts';
import { useData } from '../../data/DataProvider.tsx';
import { findPeople, type PeopleSearchResult } from '../../people/find-people.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { PeopleFound } from '../../people/PeopleFound.tsx';

export function EmployerSearch(props: { onPick: (employer: Person) => void }) {
  const { t } = useI18n();
  const { layer } = useData();
  const [s, set] = createStore({ query: '', found: null as PeopleSearchResult | null });
  const search = async (event: SubmitEvent) => {
    event.preventDefault();
    set('found', await findPeople(layer, s.query, { kind: 'employer', limit: 12 }));
  };
  return (
    <div class="cash-search">
      <form class="cash-search-form" onSubmit={search} role="search">
        <Field label={t('cash.receipt.employer')} hint={t('cash.receipt.employerHint')}>
          {(ids) => <input id={ids.id} aria-describedby={ids.describedBy} autocomplete="off" data-testid="cash-employer-query" value={s.query} onInput={(e) => set('query', e.currentTarget.value)} />}
        </Field>
        <Button type="submit" variant="secondary" testId="cash-employer-find">{t('cash.receipt.find')}</Button>
      </form>
      <Show when={s.found}>
        {(found) => (
          <PeopleFound
            found={found()}
            whereTestId="cash-where-found"
            none={<p role="status" data-testid="cash-employer-none">{t('cash.receipt.noEmployer')}</p>}
            numberOf={(p) => p.accountNumber ?? p.number}
            testIdPrefix="cash-employer-"
            listClass="cash-found"
            onPick={props.onPick}
          />
        )}
      </Show>
    </div>
  );
}
