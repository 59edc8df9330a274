/**
 * One visitor at the reception desk: find their file (optional), choose service, priority and
 * note, issue the ticket. The whole state lives in this component's store, and the screen
 * mounts a new one (keyed) for every visitor: the next visitor starts clean by construction.
 */
import { For, Show, onMount } from 'solid-js';
import { createStore } from 'solid-js/store';
import { PRIORITIES, type Priority, type Ticket } from '../../../couch-design/types/ticket.ts';
import { personName, type Person } from '../../../couch-design/types/person.ts';
import { findPeople, type PeopleSearchResult } from '../../people/find-people.ts';
import type { Service } from '../../../couch-design/types/service.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useData } from '../../data/DataProvider.tsx';
import type { BranchQueue } from '../../queue/branch-queue.ts';
import { issueFromScreen, printTicket, ticketFacts, warmIssuing, type TicketFacts } from '../../queue/issue-ticket.ts';
import { queueErrorText } from '../../queue/queue-text.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { guardedSubmit, useActionGuard } from '../../ui/action-guard.ts';
import { PeopleFound } from '../../people/PeopleFound.tsx';

export interface Issued {
  readonly ticket: Ticket;
  readonly service: Service;
  readonly offline: boolean;
  readonly facts: TicketFacts;
}

export function VisitorForm(props: { queue: BranchQueue; onIssued: (issued: Issued) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { layer } = useData();
  const guard = useActionGuard();
  const queue = props.queue;
  const [form, setForm] = createStore({
    query: '',
    found: null as PeopleSearchResult | null,
    person: null as Person | null,
    service: '',
    priority: '' as Priority | '',
    note: '',
    serviceError: null as string | null,
    error: null as string | null,
  });
  let searchInput: HTMLInputElement | undefined;
  onMount(() => {
    searchInput?.focus();
    warmIssuing();
  });

  async function search(event: Event) {
    event.preventDefault();
    const q = form.query.trim();
    if (!q) return;
    setForm('found', await findPeople(layer, q));
  }

  async function issue() {
    setForm({ error: null, serviceError: null });
    const chosen = queue.services().find((s) => s.code === form.service);
    if (!chosen) return setForm('serviceError', t('reception.chooseService'));
    const r = await issueFromScreen(queue, {
      service: chosen,
      ...(form.person ? { personId: form.person._id } : {}),
      ...(form.priority ? { priority: form.priority } : {}),
      ...(form.note.trim() ? { note: form.note.trim() } : {}),
    });
    if (!r.ok) return setForm('error', queueErrorText(t, r.error));
    // Worked out once: what the screen shows is what the paper says.
    const facts = ticketFacts(queue, r.value);
    void printTicket(queue, r.value, chosen, i18n.locale(), facts);
    props.onIssued({ ticket: r.value, service: chosen, offline: r.offline, facts });
  }

  return (
    <Panel title={t('reception.newVisitor')} class="reception-form" testId="reception-form">
      <form class="reception-search" onSubmit={search} role="search">
        <Field label={t('reception.search')}>
          {(ids) => (
            <div class="reception-search-row">
              <input ref={searchInput} id={ids.id} data-testid="reception-search" value={form.query} onInput={(e) => setForm('query', e.currentTarget.value)} autocomplete="off" />
              <Button type="submit" testId="reception-search-submit">{t('reception.searchButton')}</Button>
            </div>
          )}
        </Field>
      </form>
      <Show when={form.found}>
        {(found) => (
          <PeopleFound
            found={found()}
            whereTestId="reception-where"
            none={<Notice testId="reception-no-result">{t('reception.noResult')}</Notice>}
            testIdPrefix="reception-person-"
            listClass="reception-results"
            label={t('reception.results')}
            onPick={(p) => setForm({ person: p, found: null })}
          />
        )}
      </Show>
      <Show when={form.person}>
        {(p) => (
          <div class="reception-person" data-testid="reception-person">
            <span>{t('reception.selected', { name: `${personName(p())} (${p().number})` })}</span>
            <Button variant="quiet" size="small" testId="reception-clear-person" onClick={() => setForm('person', null)}>{t('reception.clearPerson')}</Button>
          </div>
        )}
      </Show>
      <form class="reception-issue" onSubmit={guardedSubmit(guard, issue)} novalidate>
        <div class="field-row">
          <Field label={t('queue.service')} error={form.serviceError}>
            {(ids) => (
              <select id={ids.id} aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} data-testid="reception-service" value={form.service} onChange={(e) => setForm({ service: e.currentTarget.value, serviceError: null })}>
                <option value="">{t('reception.servicePlaceholder')}</option>
                <For each={queue.services().filter((s) => s.active)}>{(s) => <option value={s.code}>{s.name[i18n.locale()]}</option>}</For>
              </select>
            )}
          </Field>
          <Field label={t('queue.priority')}>
            {(ids) => (
              <select id={ids.id} data-testid="reception-priority" value={form.priority} onChange={(e) => setForm('priority', e.currentTarget.value as Priority | '')}>
                <option value="">{t('queue.priority.none')}</option>
                <For each={PRIORITIES}>{(p) => <option value={p}>{t(`queue.priority.${p}`)}</option>}</For>
              </select>
            )}
          </Field>
        </div>
        <Field label={t('queue.note')}>
          {(ids) => <input id={ids.id} data-testid="reception-note" value={form.note} onInput={(e) => setForm('note', e.currentTarget.value)} maxLength={1000} autocomplete="off" />}
        </Field>
        <Show when={form.error}>
          <Notice tone="error" testId="reception-error">{form.error}</Notice>
        </Show>
        <Button type="submit" variant="primary" size="huge" block testId="reception-issue" disabled={guard.busy()} aria-busy={guard.busy() ? 'true' : undefined}>
          {t('queue.issue')}
        </Button>
      </form>
    </Panel>
  );
}
