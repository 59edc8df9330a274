/**
 * The supervisor closes a counter nobody will close (agent gone, device off or crashed): one
 * contained panel of the live board. The ticket still at the counter goes back to the front of
 * its queue (app/queue/counter-session.ts `forceCloseCounter`), so no visitor stays "called"
 * on the display and nobody loses their turn. Asks once before closing.
 */
import { For, Show, createSignal, onCleanup } from 'solid-js';
import type { CounterState } from '../../../couch-design/types/counter-state.ts';
import type { Ticket } from '../../../couch-design/types/ticket.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { useData } from '../../data/DataProvider.tsx';
import { openBranchReplica } from '../../data/branch-replica.ts';
import { getDoc } from '../../data/docs.ts';
import { forceCloseCounter } from '../../queue/counter-session.ts';
import { isConflict } from '../../queue/store.ts';
import { deviceActor, writerStore } from '../../queue/writer-store.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useToasts } from '../../ui/Toasts.tsx';


export function ForceCloseCounters(props: { branch: string; day: string; timeZone: string; states: readonly CounterState[]; tickets: readonly Ticket[] }) {
  const { t } = useI18n();
  const auth = useAuth();
  const { layer } = useData();
  const toasts = useToasts();
  const user = auth.user()!;
  const writer = openBranchReplica(user, props.branch, layer.fetch);
  onCleanup(() => void writer.close());
  // A forced close reads no queue: it only writes the counter and requeues its ticket.
  const store = writerStore(writer, async () => []);
  const [asking, setAsking] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const open = () => props.states.filter((s) => s.status !== 'closed');
  const label = (s: CounterState) => props.tickets.find((x) => x._id === s.currentTicket)?.label ?? null;

  async function close(counterStateId: string) {
    setError(null);
    const state = await getDoc<CounterState>(writer.db, counterStateId);
    if (!state || state.status === 'closed') return setAsking(null);
    const ticket = state.currentTicket ? await getDoc<Ticket>(writer.db, state.currentTicket) : null;
    const actor = deviceActor({ branch: props.branch, agent: user.name, timeZone: props.timeZone });
    try {
      await forceCloseCounter(store, actor, props.day, state, ticket);
      setAsking(null);
      toasts.show(t('counter.force.done', { code: state.counter }));
    } catch (e) {
      setError(isConflict(e) ? t('queue.error.not_mine') : String((e as Error).message));
    }
  }

  return (
    <Panel title={t('counter.force.title')} testId="force-close" class="force-close">
      <p class="counter-muted">{t('counter.force.hint')}</p>
      <Show when={error()}>{(e) => <Notice tone="error" testId="force-close-error">{e()}</Notice>}</Show>
      <Show when={open().length > 0} fallback={<p>{t('counter.force.none')}</p>}>
        <ul class="force-close-list">
          <For each={open()}>
            {(s) => (
              <li data-testid={`force-close-${s.counter}`}>
                <Show
                  when={asking() === s._id}
                  fallback={
                    <Button variant="danger" testId={`force-close-ask-${s.counter}`} onClick={() => setAsking(s._id)}>
                      {t('counter.force.button', { code: s.counter })}
                    </Button>
                  }
                >
                  <p>{t('counter.force.confirm', { code: s.counter, agent: s.agent ?? '?', ticket: label(s) ? t('counter.force.ticket', { label: label(s)! }) : t('counter.force.noTicket') })}</p>
                  <div class="btn-row">
                    <Button variant="danger" testId={`force-close-yes-${s.counter}`} action={() => close(s._id)}>{t('counter.force.yes', { code: s.counter })}</Button>
                    <Button variant="quiet" testId={`force-close-cancel-${s.counter}`} onClick={() => setAsking(null)}>{t('counter.force.cancel')}</Button>
                  </div>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </Panel>
  );
}
