/**
 * What the counter screen offers now, from the counter's status and its current ticket (pure).
 * Ticket steps come from transitions.ts's own table (STEP_FROM/stepRefusal), so the screen can
 * never offer a step the transition would refuse; counter actions follow the counter's life:
 * a counter is paused or closed only with nobody at it, so no ticket is left "called" there.
 */
import type { CounterStatus } from '../../couch-design/types/counter-state.ts';
import type { Ticket } from '../../couch-design/types/ticket.ts';
import { stepRefusal, type QueueErrorCode, type TicketStep } from './transitions.ts';

export type CounterAction =
  | TicketStep
  | 'callNext'
  | 'backoffice'
  | 'walkIn'
  | 'pause'
  | 'unpause'
  | 'close';

export interface CounterView {
  /** The counter's status, null when this device has no counter open. */
  readonly status: CounterStatus | null;
  /** The ticket at this counter now (called, serving or parked), if any. */
  readonly ticket: Pick<Ticket, 'state' | 'recalls'> | null;
}

const TICKET_STEPS: readonly TicketStep[] = ['start', 'finish', 'resume', 'recall', 'noShow', 'park', 'transfer'];

/** Every action with the reason it is refused now, or null when it is allowed. */
export function counterActions(view: CounterView): Record<CounterAction, QueueErrorCode | 'busy' | null> {
  const open = view.status === 'open';
  const t = view.ticket;
  const steps = Object.fromEntries(
    TICKET_STEPS.map((step) => [step, !open && view.status !== 'paused' ? 'counter_not_open' : t ? stepRefusal(step, t) : 'not_serving']),
  ) as Record<TicketStep, QueueErrorCode | null>;
  return {
    ...steps,
    callNext: !open ? 'counter_not_open' : t ? 'busy' : null,
    walkIn: !open ? 'counter_not_open' : t ? 'busy' : null,
    // The back office needs the visit in progress (its file at hand).
    backoffice: t?.state === 'serving' ? null : 'not_serving',
    pause: !open ? 'counter_not_open' : t ? 'busy' : null,
    unpause: view.status === 'paused' ? null : 'counter_not_open',
    close: view.status === null || view.status === 'closed' ? 'counter_not_open' : t ? 'busy' : null,
  };
}

/** The actions allowed now. */
export function allowedActions(view: CounterView): Set<CounterAction> {
  return new Set((Object.entries(counterActions(view)) as [CounterAction, unknown][]).filter(([, why]) => why === null).map(([a]) => a));
}

/**
 * The one main action: what the agent does next in the usual flow (large, first, with its key).
 * Idle: call the next visitor; called: start; serving: finish; on hold: resume; paused: reopen.
 */
export function mainAction(view: CounterView): CounterAction | null {
  const ticket = view.ticket;
  if (view.status !== 'open' && view.status !== 'paused') return null;
  if (!ticket) return view.status === 'paused' ? 'unpause' : 'callNext';
  return ticket.state === 'called' ? 'start' : ticket.state === 'serving' ? 'finish' : ticket.state === 'parked' ? 'resume' : null;
}
