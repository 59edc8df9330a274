/** Reception: find the visitor (optional), pick service, priority and note, issue and print. */
import { For, Show, createSignal } from 'solid-js';
import { PRIORITIES, type Priority, type Ticket } from '../../couch-design/types/ticket.ts';
import { personName, type Person } from '../../couch-design/types/person.ts';
import { nameTokens } from '../../couch-design/search/normalize.ts';
import type { Service } from '../../couch-design/types/service.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useData } from '../data/DataProvider.tsx';
import { createBranchQueue } from '../queue/branch-queue.ts';
import { issueFromScreen, printTicket, ticketFacts } from '../queue/issue-ticket.ts';
import { TicketView } from '../queue/TicketView.tsx';
import { queueErrorText } from '../queue/queue-text.ts';


export function ReceptionScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const { layer } = useData();
  const queue = createBranchQueue();
  const [query, setQuery] = createSignal('');
  const [found, setFound] = createSignal<Person[] | null>(null);
  const [person, setPerson] = createSignal<Person | null>(null);
  const [service, setService] = createSignal('');
  const [priority, setPriority] = createSignal<Priority | ''>('');
  const [note, setNote] = createSignal('');
  const [message, setMessage] = createSignal<string | null>(null);
  const [issued, setIssued] = createSignal<{ ticket: Ticket; service: Service; offline: boolean } | null>(null);

  async function search(event: Event) {
    event.preventDefault();
    const q = query().trim();
    if (!q) return;
    const byId = await layer.get<Person>('people', `person:${q.toUpperCase()}`);
    if (byId) return setFound([byId]);
    const tokens = nameTokens(q);
    const all = await layer.allDocsByPrefix<Person>('people', 'person:');
    setFound(all.filter((p) => p.accountNumber === q || tokens.every((tk) => nameTokens(personName(p)).some((n) => n.startsWith(tk)))).slice(0, 20));
  }

  async function issue(event: Event) {
    event.preventDefault();
    setMessage(null);
    const chosen = queue.services().find((s) => s.code === service());
    if (!chosen) return;
    const r = await issueFromScreen(queue, {
      service: chosen,
      ...(person() ? { personId: person()!._id } : {}),
      ...(priority() ? { priority: priority() as Priority } : {}),
      ...(note().trim() ? { note: note().trim() } : {}),
    });
    if (!r.ok) return setMessage(queueErrorText(t, r.error));
    setIssued({ ticket: r.value, service: chosen, offline: r.offline });
    setMessage(t('reception.issued', { label: r.value.label }));
    void printTicket(queue, r.value, chosen, i18n.locale());
  }

  return (
    <section class="screen" data-testid="screen-reception">
      <h1>{t('screen.reception.title')}</h1>
      <form onSubmit={search}>
        <label>
          {t('reception.search')} <input data-testid="reception-search" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} class="touch" />
        </label>
        <button type="submit" data-testid="reception-search-submit" class="touch">{t('reception.searchButton')}</button>
      </form>
      <Show when={found()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p data-testid="reception-no-result">{t('reception.noResult')}</p>}>
            <ul>
              <For each={list()}>
                {(p) => (
                  <li>
                    <button type="button" data-testid={`reception-person-${p.number}`} class="touch" onClick={() => { setPerson(p); setFound(null); }}>
                      {p.number} — {personName(p)}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <Show when={person()}>
        {(p) => (
          <p data-testid="reception-person">
            {t('reception.selected', { name: `${personName(p())} (${p().number})` })}{' '}
            <button type="button" data-testid="reception-clear-person" class="touch" onClick={() => setPerson(null)}>{t('reception.clearPerson')}</button>
          </p>
        )}
      </Show>
      <form onSubmit={issue}>
        <label>
          {t('queue.service')}{' '}
          <select data-testid="reception-service" value={service()} onChange={(e) => setService(e.currentTarget.value)} class="touch" required>
            <option value="" />
            <For each={queue.services()}>{(s) => <option value={s.code}>{s.name[i18n.locale()]}</option>}</For>
          </select>
        </label>
        <label>
          {t('queue.priority')}{' '}
          <select data-testid="reception-priority" value={priority()} onChange={(e) => setPriority(e.currentTarget.value as Priority | '')} class="touch">
            <option value="">{t('queue.priority.none')}</option>
            <For each={PRIORITIES}>{(p) => <option value={p}>{t(`queue.priority.${p}`)}</option>}</For>
          </select>
        </label>
        <label>
          {t('queue.note')} <input data-testid="reception-note" value={note()} onInput={(e) => setNote(e.currentTarget.value)} maxLength={1000} class="touch" />
        </label>
        <button type="submit" data-testid="reception-issue" class="touch">{t('queue.issue')}</button>
      </form>
      <Show when={message()}><p role="status" data-testid="reception-message">{message()}</p></Show>
      <Show when={issued()}>
        {(done) => (
          <TicketView ticket={done().ticket} branchName={queue.branchDoc()?.name ?? queue.branch} serviceName={done().service.name[i18n.locale()]} ahead={ticketFacts(queue, done().ticket).ahead} minutes={ticketFacts(queue, done().ticket).minutes} offline={done().offline} />
        )}
      </Show>
    </section>
  );
}
