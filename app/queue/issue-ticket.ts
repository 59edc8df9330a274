/** Issuing from a screen (reception, kiosk): numbering hint from the replica, then print. */
import type { Priority, Ticket } from '../../couch-design/types/ticket.ts';
import type { Service } from '../../couch-design/types/service.ts';
import type { Stored } from '../data/docs.ts';
import type { Locale } from '../i18n/translate.ts';
import { printReceipt } from '../printing/print-receipt.ts';
import type { OpResult } from './ops.ts';
import { queueWait, type WaitEstimate } from './ranking.ts';
import type { BranchQueue } from './branch-queue.ts';

export interface TicketFacts {
  readonly ahead: number;
  readonly wait: WaitEstimate;
}

export interface IssueRequest {
  readonly service: Service;
  readonly personId?: string;
  readonly priority?: Priority;
  readonly note?: string;
}

/**
 * The issuing rules (ops.ts, transitions.ts): not needed to show a screen (the display never
 * issues), so out of its first load; a screen that issues fetches them once it is shown
 * (`warmIssuing`), so the first ticket does not wait for them and a device that loses the
 * network later still has them without a service worker.
 */
const issuing = () => import('./ops.ts');
export function warmIssuing(): void {
  void issuing().catch(() => undefined);
}

export async function issueFromScreen(queue: BranchQueue, request: IssueRequest): Promise<OpResult<Stored<Ticket>>> {
  if (!request.service.active) return { ok: false, error: 'service_closed' };
  const used = queue.tickets().filter((t) => t.series === request.service.series).map((t) => t.seq);
  const { issueTicket } = await issuing();
  return issueTicket(
    queue.store,
    { day: queue.day(), service: request.service, ...(request.personId ? { personId: request.personId } : {}), ...(request.priority ? { priority: request.priority } : {}), ...(request.note ? { note: request.note } : {}) },
    { used, slot: queue.slot() },
    queue.actor(),
  );
}

/** People ahead of `ticket` and its wait, from the one estimate (see ranking.ts). */
export function ticketFacts(queue: BranchQueue, ticket: Ticket): TicketFacts {
  return queueWait(queue.tickets(), queue.counterStates(), ticket.service, queue.serviceMinutes(ticket.service), ticket);
}

/** The wait for someone who would take a ticket for `service` now (kiosk buttons, display). */
export function serviceFacts(queue: BranchQueue, service: string): TicketFacts {
  return queueWait(queue.tickets(), queue.counterStates(), service, queue.serviceMinutes(service));
}

/** Prints `facts` as worked out when the ticket was issued: the paper says what the screen says. */
export async function printTicket(queue: BranchQueue, ticket: Ticket, service: Service, locale: Locale, facts: TicketFacts): Promise<void> {
  await printReceipt(
    {
      template: 'ticket',
      data: {
        institution: '',
        branchName: queue.branchDoc()?.name ?? queue.branch,
        serviceName: service.name[locale],
        label: ticket.label,
        issuedAt: ticket.issuedAt,
        waitingAhead: facts.ahead,
        wait: facts.wait,
        qr: ticket._id,
      },
    },
    locale,
  ).catch(() => undefined);
}
