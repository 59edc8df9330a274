/**
 * Reception (tablet or desktop): the visitor's form on the left with its one main action,
 * "Issue the ticket"; the ticket just issued and the queues now on the right. Each visitor gets
 * a new form (mounted keyed), so nothing of the previous visitor carries over.
 */
import { For, Show, createSignal } from 'solid-js';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { createBranchQueue } from '../queue/branch-queue.ts';
import { serviceFacts } from '../queue/issue-ticket.ts';
import { TicketView } from '../queue/TicketView.tsx';
import { waitText } from '../queue/wait-text.ts';
import { Notice } from '../ui/Notice.tsx';
import { Panel } from '../ui/Panel.tsx';
import { VisitorForm, type Issued } from './reception/VisitorForm.tsx';
import './reception/reception.css';

export function ReceptionScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const queue = createBranchQueue();
  // A new object is a new visitor: the keyed Show mounts a fresh form.
  const [visit, setVisit] = createSignal({});
  const [last, setLast] = createSignal<Issued | null>(null);
  const issued = (x: Issued) => {
    setLast(x);
    setVisit({});
  };
  return (
    <section class="screen reception" data-testid="screen-reception">
      <h1>{t('screen.reception.title')}</h1>
      <div class="reception-layout">
        <Show when={visit()} keyed>
          {(_visitor) => <VisitorForm queue={queue} onIssued={issued} />}
        </Show>
        <div class="reception-side">
          <Panel title={t('reception.lastTicket')} tone={last() ? 'ok' : 'plain'} testId="reception-last">
            <Show when={last()} fallback={<p class="reception-last-none">{t('reception.noTicketYet')}</p>}>
              {(done) => (
                <>
                  <Notice tone="ok" testId="reception-message">{t('reception.issued', { label: done().ticket.label })}</Notice>
                  <TicketView ticket={done().ticket} branchName={queue.branchDoc()?.name ?? queue.branch} serviceName={done().service.name[i18n.locale()]} ahead={done().facts.ahead} wait={done().facts.wait} offline={done().offline} />
                </>
              )}
            </Show>
          </Panel>
          <Panel title={t('reception.queuesNow')} testId="reception-queues">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('queue.service')}</th>
                  <th scope="col">{t('display.waiting')}</th>
                  <th scope="col">{t('print.ticket.wait')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={queue.services().filter((s) => s.active)}>
                  {(s) => {
                    const facts = () => serviceFacts(queue, s.code);
                    return (
                      <tr data-testid={`reception-queue-${s.code}`} data-count={facts().ahead} data-wait={facts().wait.kind}>
                        <td>{s.name[i18n.locale()]}</td>
                        <td>{facts().ahead}</td>
                        <td>{waitText(t, facts().wait)}</td>
                      </tr>
                    );
                  }}
                </For>
              </tbody>
            </table>
          </Panel>
        </div>
      </div>
    </section>
  );
}
