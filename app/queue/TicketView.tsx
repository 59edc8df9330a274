/** The issued ticket on screen: branch, service, number in large type, time, ahead and wait. */
import { Show } from 'solid-js';
import type { Ticket } from '../../couch-design/types/ticket.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { WaitEstimate } from './ranking.ts';
import { waitText } from './wait-text.ts';
import './ticket-view.css';

export function TicketView(props: { ticket: Ticket; branchName: string; serviceName: string; ahead: number; wait: WaitEstimate; offline: boolean; class?: string }) {
  const { t, dateTime } = useI18n();
  return (
    <div class={`queue-ticket${props.class ? ` ${props.class}` : ''}`} data-testid="ticket-view" data-ticket={props.ticket._id}>
      <p class="queue-ticket-branch">{props.branchName}</p>
      <p class="queue-ticket-service" data-testid="ticket-service">{props.serviceName}</p>
      <p class="queue-ticket-label" data-testid="ticket-label">
        {props.ticket.label}
      </p>
      <p class="queue-ticket-time">{dateTime(props.ticket.issuedAt)}</p>
      <dl class="facts queue-ticket-facts">
        <dt>{t('print.ticket.ahead')}</dt>
        <dd data-testid="ticket-ahead" data-count={props.ahead}>{props.ahead}</dd>
        <dt>{t('print.ticket.wait')}</dt>
        <dd data-testid="ticket-wait" data-wait={props.wait.kind}>{waitText(t, props.wait)}</dd>
      </dl>
      <Show when={props.offline}>
        <p class="queue-ticket-offline" data-testid="ticket-offline">{t('queue.ticket.offline')}</p>
      </Show>
    </div>
  );
}
