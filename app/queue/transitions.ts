/**
 * A ticket's life as pure functions: each step returns the ticket's next state and the visit
 * event that records it (history is never overwritten: the event log is what statistics read),
 * or the reason it is not allowed. The app and the load test build their documents here.
 */
import {
  type Priority,
  type Ticket,
  type TicketState,
  type VisitAction,
  type VisitEvent,
  parseTicketId,
  ticketId,
  ticketLabel,
  visitEventId,
} from '../../couch-design/types/ticket.ts';
import { localHour } from './numbering.ts';

/** Who does it, where and when; `uid` gives this device's next unique id part. */
export interface Actor {
  readonly branch: string;
  readonly agent: string;
  readonly device: string;
  readonly counter?: string;
  readonly now: Date;
  readonly uid: () => string;
  /** The branch's IANA zone: events carry their local hour for statistics (default: the device's zone). */
  readonly timeZone?: string;
}

export interface Step {
  readonly ticket: Ticket;
  readonly event: VisitEvent;
}

export type QueueErrorCode =
  | 'queue_empty'
  | 'not_waiting'
  | 'not_called'
  | 'not_serving'
  | 'not_parked'
  | 'recall_first'
  | 'not_mine'
  | 'service_closed'
  | 'nobody_serves'
  | 'same_queue'
  | 'counter_taken'
  | 'counter_not_open'
  | 'series_full'
  | 'no_device_slot'
  | 'already_final';

export type StepResult = { readonly ok: true; readonly step: Step } | { readonly ok: false; readonly error: QueueErrorCode };

const FINAL: readonly TicketState[] = ['done', 'no_show', 'transferred', 'closed'];

/** The steps an agent takes on a ticket at the counter. */
export type TicketStep = 'recall' | 'noShow' | 'start' | 'finish' | 'transfer' | 'park' | 'resume';

/**
 * The states each step starts from: the one table the steps below check and the counter screen
 * reads to offer only what is allowed (app/queue/counter-actions.ts).
 */
export const STEP_FROM: Readonly<Record<TicketStep, readonly TicketState[]>> = {
  recall: ['called'],
  noShow: ['called'],
  start: ['called'],
  finish: ['serving'],
  transfer: ['called', 'serving', 'parked'],
  park: ['called', 'serving'],
  resume: ['parked'],
};

/** Why `step` cannot be taken on `t` now (its state, or no-show before a recall), or null. */
export function stepRefusal(step: TicketStep, t: Pick<Ticket, 'state' | 'recalls'>): QueueErrorCode | null {
  if (!STEP_FROM[step].includes(t.state)) {
    return step === 'resume' ? 'not_parked' : step === 'finish' || step === 'transfer' || step === 'park' ? 'not_serving' : 'not_called';
  }
  if (step === 'noShow' && (t.recalls ?? 0) < 1) return 'recall_first';
  return null;
}

function event(ticket: Ticket, action: VisitAction, actor: Actor, details?: Record<string, unknown>): VisitEvent {
  const key = parseTicketId(ticket._id)!;
  return {
    _id: visitEventId(key, actor.uid()),
    type: 'visit_event',
    branch: ticket.branch,
    day: ticket.day,
    ticket: ticket._id,
    service: ticket.service,
    action,
    at: actor.now.toISOString(),
    hour: localHour(actor.now, actor.timeZone),
    ...(actor.counter ? { counter: actor.counter } : {}),
    agent: actor.agent,
    device: actor.device,
    ...(details ? { details } : {}),
  };
}

function ok(ticket: Ticket, action: VisitAction, actor: Actor, details?: Record<string, unknown>): StepResult {
  return { ok: true, step: { ticket, event: event(ticket, action, actor, details) } };
}

function fail(error: QueueErrorCode): StepResult {
  return { ok: false, error };
}

export interface IssueInput {
  readonly day: string;
  readonly service: { readonly code: string; readonly series: string };
  readonly seq: number;
  readonly personId?: string;
  readonly priority?: Priority;
  readonly note?: string;
  /** Walk-in served at once at the actor's counter, without waiting. */
  readonly walkIn?: boolean;
}

export function issue(input: IssueInput, actor: Actor): StepResult {
  const at = actor.now.toISOString();
  const ticket: Ticket = {
    _id: ticketId({ branch: actor.branch, day: input.day, series: input.service.series, seq: input.seq }),
    type: 'ticket',
    branch: actor.branch,
    day: input.day,
    service: input.service.code,
    series: input.service.series,
    seq: input.seq,
    label: ticketLabel(input.service.series, input.seq),
    issuedAt: at,
    device: actor.device,
    ...(input.personId ? { personId: input.personId } : {}),
    ...(input.priority ? { priority: input.priority } : {}),
    ...(input.note ? { note: input.note } : {}),
    state: 'waiting',
    queuedAt: at,
  };
  if (!input.walkIn) return ok(ticket, 'issued', actor);
  if (!actor.counter) return fail('counter_not_open');
  const serving: Ticket = { ...ticket, state: 'serving', counter: actor.counter, agent: actor.agent, calledAt: at, servingAt: at };
  return ok(serving, 'serving', actor, { walkIn: true });
}

/** Milliseconds from an instant to now; 0 when device clocks disagree and it would be negative. */
function since(from: string, actor: Actor): number {
  return Math.max(0, actor.now.getTime() - Date.parse(from));
}

/**
 * `targetWaitMinutes`: the service's target wait now, recorded on the event (withinTarget) so a
 * later change of target does not rewrite past statistics.
 */
export function call(t: Ticket, actor: Actor, targetWaitMinutes?: number): StepResult {
  if (t.state !== 'waiting') return fail('not_waiting');
  if (!actor.counter) return fail('counter_not_open');
  if (t.counter !== undefined && t.counter !== actor.counter) return fail('not_mine');
  const { front: _front, ...rest } = t;
  const waitMs = since(t.queuedAt ?? t.issuedAt, actor);
  const details = targetWaitMinutes === undefined ? { waitMs } : { waitMs, withinTarget: waitMs <= targetWaitMinutes * 60_000 };
  return ok({ ...rest, state: 'called', counter: actor.counter, agent: actor.agent, calledAt: actor.now.toISOString(), recalls: 0 }, 'called', actor, details);
}

function atMyCounter(t: Ticket, actor: Actor): boolean {
  return t.counter === actor.counter;
}

export function recall(t: Ticket, actor: Actor): StepResult {
  const refused = stepRefusal('recall', t);
  if (refused) return fail(refused);
  if (!atMyCounter(t, actor)) return fail('not_mine');
  return ok({ ...t, recalls: (t.recalls ?? 0) + 1 }, 'recalled', actor);
}

/** Only after at least one recall: the visitor may not have heard the first call. */
export function noShow(t: Ticket, actor: Actor): StepResult {
  if (t.state !== 'called') return fail('not_called');
  if (!atMyCounter(t, actor)) return fail('not_mine');
  const refused = stepRefusal('noShow', t);
  if (refused) return fail(refused);
  return ok({ ...t, state: 'no_show', outcome: 'no_show' }, 'no_show', actor);
}

export function startService(t: Ticket, actor: Actor): StepResult {
  const refused = stepRefusal('start', t);
  if (refused) return fail(refused);
  if (!atMyCounter(t, actor)) return fail('not_mine');
  return ok({ ...t, state: 'serving', servingAt: actor.now.toISOString() }, 'serving', actor);
}

export function finish(t: Ticket, outcome: string, actor: Actor): StepResult {
  const refused = stepRefusal('finish', t);
  if (refused) return fail(refused);
  if (!atMyCounter(t, actor)) return fail('not_mine');
  const serviceMs = since(t.servingAt ?? t.calledAt ?? t.issuedAt, actor);
  return ok({ ...t, state: 'done', outcome }, 'done', actor, { outcome, serviceMs });
}

export interface TransferInput {
  readonly toService: string;
  /** A given counter only; otherwise anyone serving the queue. */
  readonly toCounter?: string;
  readonly note?: string;
  readonly position: 'back' | 'front';
}

/**
 * Back into a queue (the same ticket and label, a new service): it waits again from now, or
 * at the front. `servedBy`: the services open counters take now (a queue nobody serves is refused).
 */
export function transfer(t: Ticket, input: TransferInput, servedBy: readonly string[], actor: Actor): StepResult {
  const refused = stepRefusal('transfer', t);
  if (refused) return fail(refused);
  if (!atMyCounter(t, actor)) return fail('not_mine');
  if (!input.toCounter && input.toService === t.service) return fail('same_queue');
  if (!servedBy.includes(input.toService)) return fail('nobody_serves');
  const { counter: _c, agent: _a, calledAt: _k, servingAt: _s, recalls: _r, front: _f, ...rest } = t;
  const moved: Ticket = {
    ...rest,
    service: input.toService,
    state: 'waiting',
    queuedAt: actor.now.toISOString(),
    ...(input.position === 'front' ? { front: true } : {}),
    ...(input.toCounter ? { counter: input.toCounter } : {}),
    ...(input.note ? { note: input.note } : {}),
  };
  return ok(moved, 'transferred', actor, {
    fromService: t.service,
    toService: input.toService,
    position: input.position,
    ...(input.toCounter ? { toCounter: input.toCounter } : {}),
    ...(input.note ? { note: input.note } : {}),
  });
}

export function park(t: Ticket, actor: Actor): StepResult {
  const refused = stepRefusal('park', t);
  if (refused) return fail(refused);
  if (!atMyCounter(t, actor)) return fail('not_mine');
  return ok({ ...t, state: 'parked' }, 'parked', actor);
}

export function resume(t: Ticket, actor: Actor): StepResult {
  const refused = stepRefusal('resume', t);
  if (refused) return fail(refused);
  if (!atMyCounter(t, actor)) return fail('not_mine');
  return ok({ ...t, state: 'serving' }, 'resumed', actor);
}

/**
 * The counter was closed with this ticket still at it (a supervisor's forced close, or a device
 * that will not come back): the visitor goes back to the front of the same queue, so the next
 * free counter calls them and nobody loses their turn. Recorded as a move back into the queue
 * (`transferred` to the same service, with the reason), which restarts the wait.
 */
export function requeue(t: Ticket, reason: 'counter_closed', actor: Actor): StepResult {
  if (t.state !== 'called' && t.state !== 'serving' && t.state !== 'parked') return fail('not_serving');
  const { counter: _c, agent: _a, calledAt: _k, servingAt: _s, recalls: _r, front: _f, ...rest } = t;
  const moved: Ticket = { ...rest, state: 'waiting', queuedAt: actor.now.toISOString(), front: true };
  return ok(moved, 'transferred', actor, { fromService: t.service, toService: t.service, position: 'front', reason, ...(t.counter ? { fromCounter: t.counter } : {}) });
}

/** A note on the visit (e.g. sent to the back office) without changing its state. */
export function note(t: Ticket, details: Record<string, unknown>, actor: Actor): StepResult {
  return ok(t, 'noted', actor, details);
}

/** End of day: every ticket not finished is closed, with that reason (abandonment in statistics). */
export function closeEndOfDay(t: Ticket, actor: Actor): StepResult {
  if (FINAL.includes(t.state)) return fail('already_final');
  return ok({ ...t, state: 'closed', outcome: 'end_of_day' }, 'closed', actor, { reason: 'end_of_day', from: t.state });
}
