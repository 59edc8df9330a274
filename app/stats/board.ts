/**
 * The supervisor's live board, computed from what the branch replica holds today: the tickets
 * (current state), the visit log (history: waits, service times, served) and the counter
 * states. Pure: the screen recomputes it on every change and every few seconds (waits grow).
 */
import type { Ticket, VisitEvent } from '../../couch-design/types/ticket.ts';
import type { CounterState, CounterStatus } from '../../couch-design/types/counter-state.ts';
import { queuedAt } from '../queue/ranking.ts';

export interface BoardInput {
  readonly tickets: readonly Ticket[];
  readonly events: readonly VisitEvent[];
  readonly counterStates: readonly CounterState[];
  /** Service codes to show, in display order (active services). */
  readonly services: readonly string[];
  /** Counter codes of the branch, in display order. */
  readonly counters: readonly string[];
  readonly nowMs: number;
}

export interface ServiceRow {
  service: string;
  waiting: number;
  /** Longest current wait (ms), 0 when nobody waits. */
  longestWaitMs: number;
  /** Average wait of today's calls (ms), null before the first call. */
  avgWaitMs: number | null;
  servedToday: number;
  /** Average service time today (ms), null before the first finished visit. */
  avgServiceMs: number | null;
  open: number;
  busy: number;
  paused: number;
}

export interface CounterRow {
  counter: string;
  status: CounterStatus;
  agent: string | null;
  services: readonly string[];
  /** Label of the ticket called or served there now. */
  currentTicket: string | null;
  servedToday: number;
  avgServiceMs: number | null;
  /** Since when the counter is paused (ms since epoch), null unless paused. */
  pausedSinceMs: number | null;
}

export interface Board {
  services: ServiceRow[];
  counters: CounterRow[];
}

/** Ticket states during which a counter is taken by the visitor it called. */
const AT_COUNTER = ['called', 'serving', 'parked'];

interface Tally {
  count: number;
  sum: number;
}

function add(map: Map<string, Tally>, key: string | undefined, value: number) {
  if (key === undefined || value < 0) return;
  const t = map.get(key) ?? { count: 0, sum: 0 };
  t.count += 1;
  t.sum += value;
  map.set(key, t);
}

const average = (t: Tally | undefined) => (t && t.count > 0 ? t.sum / t.count : null);

interface History {
  waitBySvc: Map<string, Tally>;
  serviceBySvc: Map<string, Tally>;
  serviceByCounter: Map<string, Tally>;
  doneBySvc: Map<string, number>;
  doneByCounter: Map<string, number>;
}

/**
 * Walks each ticket's events in time order. A wait runs from joining a queue (issued,
 * transferred) to the next call; a service from `serving` to the end of that visit at the
 * counter (`done`, `transferred`), parked time included since the counter stays taken.
 */
export function visitHistory(events: readonly VisitEvent[]): History {
  const h: History = { waitBySvc: new Map(), serviceBySvc: new Map(), serviceByCounter: new Map(), doneBySvc: new Map(), doneByCounter: new Map() };
  const byTicket = new Map<string, VisitEvent[]>();
  for (const e of events) byTicket.set(e.ticket, [...(byTicket.get(e.ticket) ?? []), e]);
  for (const list of byTicket.values()) {
    list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a._id < b._id ? -1 : 1));
    let queued: { at: number; service: string } | null = null;
    let serving: { at: number; service: string; counter?: string } | null = null;
    for (const e of list) {
      const at = Date.parse(e.at);
      const endService = () => {
        if (!serving) return;
        add(h.serviceBySvc, serving.service, at - serving.at);
        add(h.serviceByCounter, serving.counter, at - serving.at);
        serving = null;
      };
      if (e.action === 'issued') queued = { at, service: e.service };
      else if (e.action === 'called' && queued) {
        add(h.waitBySvc, queued.service, at - queued.at);
        queued = null;
      } else if (e.action === 'serving') serving = { at, service: e.service, ...(e.counter ? { counter: e.counter } : {}) };
      else if (e.action === 'transferred') {
        endService();
        queued = { at, service: e.service };
      } else if (e.action === 'done') {
        endService();
        h.doneBySvc.set(e.service, (h.doneBySvc.get(e.service) ?? 0) + 1);
        if (e.counter) h.doneByCounter.set(e.counter, (h.doneByCounter.get(e.counter) ?? 0) + 1);
      }
    }
  }
  return h;
}

export function computeBoard(input: BoardInput): Board {
  const h = visitHistory(input.events);
  const ticketById = new Map(input.tickets.map((t) => [t._id, t]));
  const stateOf = new Map(input.counterStates.map((s) => [s.counter, s]));
  const currentOf = (s: CounterState | undefined) => {
    const t = s?.currentTicket ? ticketById.get(s.currentTicket) : undefined;
    return t && AT_COUNTER.includes(t.state) && t.counter === s!.counter ? t : null;
  };
  const services = input.services.map((code): ServiceRow => {
    const waiting = input.tickets.filter((t) => t.state === 'waiting' && t.service === code);
    const taking = input.counterStates.filter((s) => (s.services ?? []).includes(code));
    const open = taking.filter((s) => s.status === 'open');
    return {
      service: code,
      waiting: waiting.length,
      longestWaitMs: Math.max(0, ...waiting.map((t) => input.nowMs - Date.parse(queuedAt(t)))),
      avgWaitMs: average(h.waitBySvc.get(code)),
      servedToday: h.doneBySvc.get(code) ?? 0,
      avgServiceMs: average(h.serviceBySvc.get(code)),
      open: open.length,
      busy: open.filter((s) => currentOf(s) !== null).length,
      paused: taking.filter((s) => s.status === 'paused').length,
    };
  });
  const counters = input.counters.map((code): CounterRow => {
    const s = stateOf.get(code);
    const status = s?.status ?? 'closed';
    return {
      counter: code,
      status,
      agent: status === 'closed' ? null : (s?.agent ?? null),
      services: status === 'closed' ? [] : (s?.services ?? []),
      currentTicket: currentOf(s)?.label ?? null,
      servedToday: h.doneByCounter.get(code) ?? 0,
      avgServiceMs: average(h.serviceByCounter.get(code)),
      pausedSinceMs: status === 'paused' && s ? Date.parse(s.updatedAt) : null,
    };
  });
  return { services, counters };
}
