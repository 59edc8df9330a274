import { describe, expect, it } from 'vitest';
import { computeBoard, visitHistory } from './board.ts';
import { T0, counterState, event, min, ticket } from './board-fixtures.ts';

describe('live board', () => {
  const a1 = ticket('family', 1, 'done', { counter: 'C01' });
  const a2 = ticket('family', 2, 'serving', { counter: 'C02', agent: 'agent.b' });
  const a3 = ticket('family', 3, 'waiting', { queuedAt: min(10) });
  const a4 = ticket('family', 4, 'waiting', { queuedAt: min(25) });
  const p1 = ticket('pension', 1, 'waiting', { queuedAt: min(2), issuedAt: min(0) });
  const events = [
    event(a1, 'issued', 0),
    event(a1, 'called', 4, { counter: 'C01' }),
    event(a1, 'serving', 5, { counter: 'C01' }),
    event(a1, 'done', 11, { counter: 'C01' }),
    event(a2, 'issued', 1),
    event(a2, 'called', 9, { counter: 'C02' }),
    event(a2, 'serving', 10, { counter: 'C02' }),
    // p1 was served at family, then transferred to pension: its second wait is still running
    event(p1, 'issued', 0, { service: 'family' }),
    event(p1, 'called', 1, { service: 'family', counter: 'C01' }),
    event(p1, 'serving', 1, { service: 'family', counter: 'C01' }),
    event(p1, 'transferred', 2, { counter: 'C01' }),
  ];
  const states = [
    counterState('C01', 'open', { agent: 'agent.a', services: ['family', 'pension'] }),
    counterState('C02', 'open', { agent: 'agent.b', services: ['family'], currentTicket: a2._id }),
    counterState('C03', 'paused', { agent: 'agent.c', services: ['pension'], updatedAt: min(20) }),
  ];
  const board = computeBoard({
    tickets: [a1, a2, a3, a4, p1],
    events,
    counterStates: states,
    services: ['family', 'pension'],
    counters: ['C01', 'C02', 'C03', 'C04'],
    nowMs: T0 + 30 * 60_000,
  });

  it('per service: waiting, longest wait, average wait, served, counters', () => {
    const [family, pension] = board.services;
    expect(family).toMatchObject({ waiting: 2, longestWaitMs: 20 * 60_000, servedToday: 1, open: 2, busy: 1, paused: 0 });
    // waits: a1 4 min, a2 8 min, p1 1 min (in family)
    expect(family!.avgWaitMs).toBeCloseTo((13 / 3) * 60_000);
    // service times: a1 6 min, p1 1 min until its transfer
    expect(family!.avgServiceMs).toBe(3.5 * 60_000);
    expect(pension).toMatchObject({ waiting: 1, longestWaitMs: 28 * 60_000, avgWaitMs: null, servedToday: 0, open: 1, busy: 0, paused: 1 });
  });

  it('per counter: state, agent, current ticket, served, service time, paused since', () => {
    const [c1, c2, c3, c4] = board.counters;
    expect(c1).toMatchObject({ status: 'open', agent: 'agent.a', currentTicket: null, servedToday: 1, avgServiceMs: 3.5 * 60_000, pausedSinceMs: null });
    expect(c2).toMatchObject({ status: 'open', agent: 'agent.b', currentTicket: 'F002', servedToday: 0, avgServiceMs: null });
    expect(c3).toMatchObject({ status: 'paused', pausedSinceMs: T0 + 20 * 60_000 });
    expect(c4).toMatchObject({ status: 'closed', agent: null, services: [], servedToday: 0 });
  });

  it('a current ticket another counter took since is not shown as this counter’s', () => {
    const moved = computeBoard({
      tickets: [{ ...a2, counter: 'C01' }],
      events: [],
      counterStates: [counterState('C02', 'open', { currentTicket: a2._id, services: ['family'] })],
      services: ['family'],
      counters: ['C02'],
      nowMs: T0,
    });
    expect(moved.counters[0]!.currentTicket).toBeNull();
    expect(moved.services[0]!.busy).toBe(0);
  });

  it('events out of order are read in time order; a recall does not count as a second wait', () => {
    const t = ticket('family', 9, 'done');
    const h = visitHistory([event(t, 'done', 9, { counter: 'C01' }), event(t, 'recalled', 6), event(t, 'called', 5), event(t, 'issued', 1), event(t, 'serving', 7, { counter: 'C01' })]);
    expect(h.waitBySvc.get('family')).toEqual({ count: 1, sum: 4 * 60_000 });
    expect(h.serviceByCounter.get('C01')).toEqual({ count: 1, sum: 2 * 60_000 });
    expect(h.doneByCounter.get('C01')).toBe(1);
  });
});
