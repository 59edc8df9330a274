/**
 * Which calls the waiting-room display shows. Pure.
 *
 * A call is shown while it means "go to that counter now": the ticket is called or being
 * served there, the counter is not closed and still has this ticket (not another one), and
 * the call (or its last recall) is recent. A ticket left "called" by a counter that went away
 * drops off after `maxAgeMs` instead of staying on the TV all day. One line per counter: its
 * latest call. Newest first.
 */
import type { Ticket } from '../../../couch-design/types/ticket.ts';
import type { CounterState } from '../../../couch-design/types/counter-state.ts';

/** A call stays on screen this long after it was made (or last recalled). */
export const CALL_SHOWN_MS = 10 * 60_000;
export const CALLS_SHOWN = 6;

export interface CallOptions {
  readonly maxAgeMs?: number;
  readonly shown?: number;
  /** When this display saw each ticket's latest recall (ticket id → ms): a recall shows it again. */
  readonly recalledAt?: ReadonlyMap<string, number>;
}

export function lastCallMs(ticket: Pick<Ticket, '_id' | 'calledAt'>, recalledAt?: ReadonlyMap<string, number>): number {
  const called = ticket.calledAt ? Date.parse(ticket.calledAt) : NaN;
  const recalled = recalledAt?.get(ticket._id) ?? NaN;
  return Math.max(Number.isNaN(called) ? -Infinity : called, Number.isNaN(recalled) ? -Infinity : recalled);
}

export function visibleCalls<T extends Ticket>(tickets: readonly T[], states: readonly Pick<CounterState, 'counter' | 'status' | 'currentTicket'>[], nowMs: number, options: CallOptions = {}): T[] {
  const maxAge = options.maxAgeMs ?? CALL_SHOWN_MS;
  const byCounter = new Map(states.map((s) => [s.counter, s]));
  const latest = new Map<string, { ticket: T; at: number }>();
  for (const ticket of tickets) {
    if (!ticket.calledAt || !ticket.counter || (ticket.state !== 'called' && ticket.state !== 'serving')) continue;
    const counter = byCounter.get(ticket.counter);
    if (counter && (counter.status === 'closed' || (counter.currentTicket !== undefined && counter.currentTicket !== ticket._id))) continue;
    const at = lastCallMs(ticket, options.recalledAt);
    if (!(nowMs - at <= maxAge)) continue;
    const seen = latest.get(ticket.counter);
    if (!seen || at > seen.at) latest.set(ticket.counter, { ticket, at });
  }
  return [...latest.values()]
    .sort((a, b) => b.at - a.at || (a.ticket._id < b.ticket._id ? -1 : 1))
    .slice(0, options.shown ?? CALLS_SHOWN)
    .map((x) => x.ticket);
}
