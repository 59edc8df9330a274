/**
 * Who is called next. Pure; the app and the load test both rank with it.
 *
 * 1. A queue whose longest wait passed its configured limit (settings `queue`, rule
 *    "when the wait in X exceeds N minutes, call from X first") goes first, rules in order.
 * 2. Then priority categories (elderly, disabled, pregnant, appointment).
 * 3. Then tickets a transfer put at the front of their queue.
 * 4. Then the longest waiting (time it joined its current queue), ties by id.
 * A waiting ticket transferred to a given counter is only for that counter.
 */
import type { Ticket } from '../../couch-design/types/ticket.ts';
import type { CounterState } from '../../couch-design/types/counter-state.ts';

export interface OverdueRule {
  readonly service: string;
  readonly minutes: number;
}

export interface QueueRules {
  readonly overdue: readonly OverdueRule[];
}

export const NO_RULES: QueueRules = { overdue: [] };

/** Reads the rules from the `settings:queue` values; anything malformed is ignored. */
export function rulesFromSettings(values: Record<string, unknown> | undefined): QueueRules {
  const raw = values?.overdue;
  if (!Array.isArray(raw)) return NO_RULES;
  const overdue: OverdueRule[] = [];
  for (const r of raw as { service?: unknown; minutes?: unknown }[])
    if (typeof r?.service === 'string' && typeof r.minutes === 'number' && r.minutes >= 0) overdue.push({ service: r.service, minutes: r.minutes });
  return { overdue };
}

export function queuedAt(t: Pick<Ticket, 'queuedAt' | 'issuedAt'>): string {
  return t.queuedAt ?? t.issuedAt;
}

function compareBase(a: Ticket, b: Ticket): number {
  const pa = a.priority ? 0 : 1;
  const pb = b.priority ? 0 : 1;
  if (pa !== pb) return pa - pb;
  const fa = a.front ? 0 : 1;
  const fb = b.front ? 0 : 1;
  if (fa !== fb) return fa - fb;
  const qa = Date.parse(queuedAt(a));
  const qb = Date.parse(queuedAt(b));
  if (qa !== qb) return qa - qb;
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}

/** Services whose oldest waiting ticket waited longer than its rule allows, in rule order. */
export function overdueServices(waiting: readonly Ticket[], rules: QueueRules, nowMs: number): string[] {
  const out: string[] = [];
  for (const rule of rules.overdue) {
    const late = waiting.some((t) => t.service === rule.service && nowMs - Date.parse(queuedAt(t)) > rule.minutes * 60_000);
    if (late && !out.includes(rule.service)) out.push(rule.service);
  }
  return out;
}

/** The waiting tickets `counter` may call for `services`, best first. */
export function rankWaiting<T extends Ticket>(tickets: readonly T[], counter: string, services: readonly string[], rules: QueueRules, nowMs: number): T[] {
  const mine = tickets.filter((t) => t.state === 'waiting' && services.includes(t.service) && (t.counter === undefined || t.counter === counter));
  const overdue = overdueServices(mine, rules, nowMs);
  const urgency = (t: Ticket) => {
    const i = overdue.indexOf(t.service);
    return i < 0 ? overdue.length : i;
  };
  return [...mine].sort((a, b) => urgency(a) - urgency(b) || compareBase(a, b));
}

/**
 * Where a counter stands among the counters that may call from the same queues at once:
 * `position` 0…`width`-1. Counters calling at the same moment then try different tickets
 * instead of all racing for the head of the queue (the server would refuse all but one).
 */
export interface Spread {
  readonly position: number;
  readonly width: number;
}

/** Open counters sharing at least one of `services` with `counter`, by code; `counter` among them. */
export function spreadAmong(states: readonly Pick<CounterState, 'counter' | 'status' | 'services'>[], counter: string, services: readonly string[]): Spread {
  const codes = new Set(states.filter((s) => s.status === 'open' && (s.services ?? []).some((x) => services.includes(x))).map((s) => s.counter));
  codes.add(counter);
  const sorted = [...codes].sort();
  return { position: sorted.indexOf(counter), width: sorted.length };
}

/**
 * The order in which a counter tries the tickets `rankWaiting` ranked, given its `spread`: the
 * head of the list (the tickets of the first one's rank, same overdue queue, priority and
 * front, at most `width` of them) rotated so that the counter at `position` tries the ticket
 * at that place first, then the rest of the list unchanged. Fairness: no ticket is passed
 * over by more than `width` - 1 calls, and never by a ticket of a lower rank (a priority ticket
 * is never left for a normal one). With one counter, or one ticket at the head, it is the rank order.
 */
export function spreadOrder<T extends Ticket>(ranked: readonly T[], spread: Spread, rules: QueueRules, nowMs: number): T[] {
  const overdue = overdueServices(ranked, rules, nowMs);
  const rank = (t: Ticket) => `${overdue.indexOf(t.service)} ${t.priority ? 0 : 1} ${t.front ? 0 : 1}`;
  const head = ranked.length > 0 ? rank(ranked[0]!) : '';
  let size = 0;
  while (size < ranked.length && size < spread.width && rank(ranked[size]!) === head) size++;
  if (size <= 1) return [...ranked];
  const at = ((spread.position % size) + size) % size;
  return [...ranked.slice(at, size), ...ranked.slice(0, at), ...ranked.slice(size)];
}

/** How many tickets of the same queue will be called before `ticket` (same rules, no counter). */
export function waitingAhead(tickets: readonly Ticket[], ticket: Ticket): number {
  return tickets.filter((t) => t.state === 'waiting' && t.service === ticket.service && t._id !== ticket._id && compareBase(t, ticket) < 0).length;
}

/**
 * The one wait estimate of the product: the kiosk, reception, the printed ticket and the
 * waiting-room display all show this, worked out by `estimateWait` from the same three facts.
 *
 * - `ahead`: the people who will be called before this visitor (for a ticket, `waitingAhead`;
 *   for someone about to take one, everybody waiting in the queue).
 * - `countersServing`: the counters open now (not paused, not closed) that take the queue.
 * - `serviceMinutes`: the mean length of a visit in that queue (measured today, else the default).
 *
 * Each open counter serving the queue takes one visit every `serviceMinutes`, so the people
 * ahead are through in ahead × serviceMinutes / counters, rounded up to the minute. Nobody
 * ahead and a counter open: no wait. No open counter: there is no estimate to give, and the
 * screens say so plainly instead of a number.
 */
export type WaitEstimate =
  | { readonly kind: 'none' }
  | { readonly kind: 'minutes'; readonly minutes: number }
  | { readonly kind: 'no_counter' };

export interface WaitFacts {
  readonly ahead: number;
  readonly countersServing: number;
  readonly serviceMinutes: number;
}

export function estimateWait(facts: WaitFacts): WaitEstimate {
  if (facts.countersServing <= 0) return { kind: 'no_counter' };
  if (facts.ahead <= 0) return { kind: 'none' };
  const minutes = Math.ceil((facts.ahead * Math.max(0, facts.serviceMinutes)) / facts.countersServing);
  return minutes <= 0 ? { kind: 'none' } : { kind: 'minutes', minutes };
}

/** Counters open now whose current services include `service`. */
export function countersServing(states: readonly Pick<CounterState, 'status' | 'services'>[], service: string): number {
  return states.filter((c) => c.status === 'open' && (c.services ?? []).includes(service)).length;
}

/**
 * Ahead and wait for one queue: for `ticket` when given (the people ranked before it), else
 * for a newcomer to `service` (everybody waiting in it).
 */
export function queueWait(
  tickets: readonly Ticket[],
  states: readonly Pick<CounterState, 'status' | 'services'>[],
  service: string,
  serviceMinutes: number,
  ticket?: Ticket,
): { readonly ahead: number; readonly wait: WaitEstimate } {
  const ahead = ticket ? waitingAhead(tickets, ticket) : tickets.filter((t) => t.state === 'waiting' && t.service === service).length;
  return { ahead, wait: estimateWait({ ahead, countersServing: countersServing(states, service), serviceMinutes }) };
}

/** Typical visit length until statistics give a measured one. */
export const DEFAULT_SERVICE_MINUTES = 6;
