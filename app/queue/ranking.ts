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

/** How many tickets of the same queue will be called before `ticket` (same rules, no counter). */
export function waitingAhead(tickets: readonly Ticket[], ticket: Ticket): number {
  return tickets.filter((t) => t.state === 'waiting' && t.service === ticket.service && t._id !== ticket._id && compareBase(t, ticket) < 0).length;
}

/**
 * Minutes until a ticket with `ahead` people before it is called: each open counter serving the
 * queue takes one visit every `serviceMinutes`. Rounded up; a queue nobody serves gets null.
 */
export function estimateWaitMinutes(ahead: number, countersServing: number, serviceMinutes: number): number | null {
  if (countersServing <= 0) return null;
  return Math.ceil(((ahead + 1) * serviceMinutes) / countersServing);
}

/** Typical visit length until statistics give a measured one. */
export const DEFAULT_SERVICE_MINUTES = 6;
