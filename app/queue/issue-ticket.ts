/** Issuing from a screen (reception, kiosk): numbering hint from the replica, then print. */
import type { Priority, Ticket } from '../../couch-design/types/ticket.ts';
import type { Service } from '../../couch-design/types/service.ts';
import type { Stored } from '../data/docs.ts';
import type { Locale } from '../i18n/translate.ts';
import { printReceipt } from '../printing/print-receipt.ts';
import { issueTicket, type OpResult } from './ops.ts';
import { estimateWaitMinutes, waitingAhead } from './ranking.ts';
import type { BranchQueue } from './branch-queue.ts';

export interface IssueRequest {
  readonly service: Service;
  readonly personId?: string;
  readonly priority?: Priority;
  readonly note?: string;
}

export async function issueFromScreen(queue: BranchQueue, request: IssueRequest): Promise<OpResult<Stored<Ticket>>> {
  if (!request.service.active) return { ok: false, error: 'service_closed' };
  const used = queue.tickets().filter((t) => t.series === request.service.series).map((t) => t.seq);
  return issueTicket(
    queue.store,
    { day: queue.day(), service: request.service, ...(request.personId ? { personId: request.personId } : {}), ...(request.priority ? { priority: request.priority } : {}), ...(request.note ? { note: request.note } : {}) },
    { used, slot: queue.slot() },
    queue.actor(),
  );
}

export function ticketFacts(queue: BranchQueue, ticket: Ticket): { ahead: number; minutes: number | null } {
  const ahead = waitingAhead(queue.tickets(), ticket);
  const serving = queue.counterStates().filter((c) => c.status === 'open' && (c.services ?? []).includes(ticket.service)).length;
  return { ahead, minutes: estimateWaitMinutes(ahead, serving, queue.serviceMinutes(ticket.service)) };
}

export async function printTicket(queue: BranchQueue, ticket: Ticket, service: Service, locale: Locale): Promise<void> {
  const facts = ticketFacts(queue, ticket);
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
        estimatedWaitMinutes: facts.minutes ?? 0,
        qr: ticket._id,
      },
    },
    locale,
  ).catch(() => undefined);
}
