/** The issued ticket on screen: branch, service, number in large type, time, ahead and wait. */
import { Show } from 'solid-js';
import type { Ticket } from '../../couch-design/types/ticket.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function TicketView(props: { ticket: Ticket; branchName: string; serviceName: string; ahead: number; minutes: number | null; offline: boolean }) {
  const { t, dateTime } = useI18n();
  return (
    <div class="queue-ticket" data-testid="ticket-view" data-ticket={props.ticket._id}>
      <p>{props.branchName}</p>
      <p data-testid="ticket-service">{props.serviceName}</p>
      <p class="queue-ticket-label" data-testid="ticket-label">
        {props.ticket.label}
      </p>
      <p>{dateTime(props.ticket.issuedAt)}</p>
      <p data-testid="ticket-ahead">{t('queue.ticket.ahead', { count: props.ahead })}</p>
      <p data-testid="ticket-wait">{props.minutes === null ? t('queue.ticket.waitUnknown') : t('queue.ticket.wait', { minutes: props.minutes })}</p>
      <Show when={props.offline}>
        <p data-testid="ticket-offline">{t('queue.ticket.offline')}</p>
      </Show>
    </div>
  );
}
