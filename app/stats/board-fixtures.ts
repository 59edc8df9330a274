/** Builders of tickets, visit events and counter states for the statistics unit tests. */
import type { Ticket, VisitAction, VisitEvent } from '../../couch-design/types/ticket.ts';
import type { CounterState } from '../../couch-design/types/counter-state.ts';

export const DAY = '2026-03-02';
export const T0 = Date.parse('2026-03-02T08:00:00Z');
export const min = (m: number) => new Date(T0 + m * 60_000).toISOString();

let seq = 0;

export function ticket(service: string, n: number, state: Ticket['state'], extra: Partial<Ticket> = {}): Ticket {
  const series = service[0]!.toUpperCase();
  return {
    _id: `ticket:dla:${DAY}:${series}:${String(n).padStart(4, '0')}`,
    type: 'ticket',
    branch: 'dla',
    day: DAY,
    service,
    series,
    seq: n,
    label: series + String(n).padStart(3, '0'),
    issuedAt: min(0),
    device: 'dev1',
    state,
    ...extra,
  };
}

export function event(t: Ticket, action: VisitAction, atMin: number, extra: Partial<VisitEvent> = {}): VisitEvent {
  seq += 1;
  return {
    _id: `visit:${DAY}:${t.series}:${String(t.seq).padStart(4, '0')}:${String(seq).padStart(9, '0')}-dev1-0001`,
    type: 'visit_event',
    branch: 'dla',
    day: DAY,
    ticket: t._id,
    service: t.service,
    action,
    at: min(atMin),
    agent: 'agent.a',
    device: 'dev1',
    ...extra,
  };
}

export function counterState(counter: string, status: CounterState['status'], extra: Partial<CounterState> = {}): CounterState {
  return { _id: `counterstate:dla:${counter}`, type: 'counter_state', branch: 'dla', counter, status, updatedAt: min(0), ...extra };
}
