/**
 * Visit logs for statistics tests and the bench: plans (random or generated) played through the
 * real queue steps (app/queue/transitions.ts) and counter-time accounting, so the documents are
 * exactly what the app writes. Branch time zone Africa/Douala (UTC+1, no daylight saving).
 */
import { type Actor, call, closeEndOfDay, finish, issue, noShow, park, recall, resume, startService, transfer, type StepResult } from '../../queue/transitions.ts';
import { changeCounter } from '../../queue/counter-time.ts';
import { uid } from '../../../couch-design/ids/uid.ts';
import type { Ticket, VisitEvent } from '../../../couch-design/types/ticket.ts';
import type { CounterState } from '../../../couch-design/types/counter-state.ts';
import type { CounterEvent } from '../../../couch-design/types/counter-event.ts';

export const TIME_ZONE = 'Africa/Douala';
export const SERVICES = [
  { code: 'family', series: 'A', targetWaitMinutes: 20 },
  { code: 'pension', series: 'B', targetWaitMinutes: 10 },
  { code: 'employers', series: 'C', targetWaitMinutes: 30 },
] as const;
export const COUNTERS = ['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08'] as const;
export const AGENTS = ['ana', 'ben', 'carl', 'dina', 'eli', 'fay', 'gus', 'hana'] as const;
export const TARGETS: Record<string, number> = Object.fromEntries(SERVICES.map((s) => [s.code, s.targetWaitMinutes]));

export const TICKET_STEPS = ['call', 'recall', 'no_show', 'start', 'park', 'resume', 'finish', 'transfer', 'close'] as const;
export type TicketStep = (typeof TICKET_STEPS)[number];

export interface TicketPlan {
  branch: string;
  day: string;
  /** Index into SERVICES. */
  service: number;
  /** Issued this many seconds after 07:00 UTC of the day. */
  startSec: number;
  walkIn: boolean;
  /** Attempted in order; a step the ticket's state refuses is skipped. */
  steps: { step: TicketStep; counter: number; agent: number; afterSec: number }[];
}

export const COUNTER_STEPS = ['open', 'pause', 'close', 'take', 'free'] as const;
export type CounterStep = (typeof COUNTER_STEPS)[number];

export interface CounterPlan {
  branch: string;
  day: string;
  counter: number;
  agent: number;
  startSec: number;
  steps: { step: CounterStep; afterSec: number }[];
}

export type LogDoc = VisitEvent | CounterEvent;

let seq = 0;

function actor(branch: string, agent: string, device: string, ms: number, counter?: string): Actor {
  const now = new Date(ms);
  return { branch, agent, device, now, timeZone: TIME_ZONE, uid: () => uid(ms, device, ++seq), ...(counter ? { counter } : {}) };
}

function dayStart(day: string): number {
  return Date.parse(`${day}T07:00:00.000Z`);
}

function playTicket(plan: TicketPlan, seqNo: number, out: LogDoc[]): void {
  const service = SERVICES[plan.service]!;
  let ms = dayStart(plan.day) + plan.startSec * 1000;
  const input = { day: plan.day, service, seq: seqNo, walkIn: plan.walkIn };
  const first = plan.walkIn ? issue(input, actor(plan.branch, AGENTS[0], 'c1', ms, COUNTERS[0])) : issue(input, actor(plan.branch, 'reception.' + plan.branch, 'r1', ms));
  if (!first.ok) return;
  let ticket: Ticket = first.step.ticket;
  out.push(first.step.event);
  for (const s of plan.steps) {
    ms += s.afterSec * 1000;
    const a = actor(plan.branch, AGENTS[s.agent]!, 'c' + (s.counter + 1), ms, COUNTERS[s.counter]);
    const r = apply(ticket, s.step, a);
    if (!r.ok) continue;
    ticket = r.step.ticket;
    out.push(r.step.event);
  }
}

function apply(t: Ticket, step: TicketStep, a: Actor): StepResult {
  switch (step) {
    case 'call':
      return call(t, a, TARGETS[t.service]);
    case 'recall':
      return recall(t, a);
    case 'no_show':
      return noShow(t, a);
    case 'start':
      return startService(t, a);
    case 'park':
      return park(t, a);
    case 'resume':
      return resume(t, a);
    case 'finish':
      return finish(t, 'done_ok', a);
    case 'transfer': {
      const to = SERVICES.find((s) => s.code !== t.service)!.code;
      return transfer(t, { toService: to, position: 'back' }, SERVICES.map((s) => s.code), a);
    }
    case 'close':
      return closeEndOfDay(t, a);
  }
}

function playCounter(plan: CounterPlan, out: LogDoc[]): void {
  const counter = COUNTERS[plan.counter]!;
  const agent = AGENTS[plan.agent]!;
  let ms = dayStart(plan.day) + plan.startSec * 1000;
  let state: CounterState | undefined;
  for (const s of plan.steps) {
    ms += s.afterSec * 1000;
    const base: CounterState = state ?? { _id: `counterstate:${plan.branch}:${counter}`, type: 'counter_state', branch: plan.branch, counter, status: 'closed', agent, device: 'c1', updatedAt: new Date(ms).toISOString() };
    const { currentTicket: _t, ...free } = base;
    const next: CounterState =
      s.step === 'open' ? { ...base, status: 'open' }
      : s.step === 'pause' ? { ...base, status: 'paused' }
      : s.step === 'close' ? { ...free, status: 'closed' }
      : s.step === 'take' ? { ...base, currentTicket: `ticket:${plan.branch}:${plan.day}:A:0001` }
      : free;
    const change = changeCounter(state, next, actor(plan.branch, agent, 'c1', ms, counter), plan.day);
    state = change.state;
    if (change.event) out.push(change.event);
  }
}

/** The documents of these plans; ticket numbers are given per branch, day and series in plan order. */
export function playLog(tickets: readonly TicketPlan[], counters: readonly CounterPlan[]): LogDoc[] {
  const out: LogDoc[] = [];
  const numbers = new Map<string, number>();
  for (const plan of tickets) {
    const key = `${plan.branch}:${plan.day}:${plan.service}`;
    const n = (numbers.get(key) ?? 0) + 1;
    numbers.set(key, n);
    playTicket(plan, n, out);
  }
  for (const plan of counters) playCounter(plan, out);
  return out;
}
