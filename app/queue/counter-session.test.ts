import { describe, expect, it } from 'vitest';
import type { CounterState } from '../../couch-design/types/counter-state.ts';
import type { Ticket } from '../../couch-design/types/ticket.ts';
import { validateStructure } from '../../couch-design/validate/structure.ts';
import { uid } from '../../couch-design/ids/uid.ts';
import { newest, sessionOf, sessionsElsewhere, ticketAt } from './counter-session.ts';
import { type Actor, call, issue, requeue, startService } from './transitions.ts';

const state = (counter: string, extra: Partial<CounterState> = {}): CounterState => ({
  _id: `counterstate:dla:${counter}`,
  type: 'counter_state',
  branch: 'dla',
  counter,
  status: 'open',
  agent: 'counter.dla',
  device: 'tab1',
  updatedAt: '2024-03-05T09:00:00.000Z',
  ...extra,
});
let n = 0;
const actor = (counter?: string, agent = 'counter.dla'): Actor => ({
  branch: 'dla', agent, device: 'tab1', ...(counter ? { counter } : {}), now: new Date('2024-03-05T09:05:00.000Z'), uid: () => uid(Date.parse('2024-03-05T09:05:00.000Z'), 'tab1', ++n),
});
function calledAt(counter: string): Ticket {
  const issued = issue({ day: '2024-03-05', service: { code: 'family', series: 'F' }, seq: 7 }, actor());
  if (!issued.ok) throw new Error(issued.error);
  const called = call(issued.step.ticket, actor(counter));
  if (!called.ok) throw new Error(called.error);
  return called.step.ticket;
}

describe('counter session', () => {
  it('is the counter this agent left open on this device: a reload finds it again', () => {
    const states = [state('C01', { status: 'closed' }), state('C02', { device: 'tab2' }), state('C03'), state('C04', { agent: 'other.dla' })];
    expect(sessionOf(states, 'counter.dla', 'tab1')?.counter).toBe('C03');
    expect(sessionOf(states, 'counter.dla', 'tab9')).toBeNull();
    expect(sessionsElsewhere(states, 'counter.dla', 'tab1').map((s) => s.counter)).toEqual(['C02']);
  });

  it('finds its ticket by the state, or by the ticket when the state was not updated yet (reload between the two writes)', () => {
    const t = calledAt('C03');
    expect(ticketAt([t], state('C03', { currentTicket: t._id }))?._id).toBe(t._id);
    expect(ticketAt([t], state('C03'))?._id).toBe(t._id);
    expect(ticketAt([t], state('C04'))).toBeNull();
    expect(ticketAt([{ ...t, state: 'done' as const }], state('C03'))).toBeNull();
  });

  it('prefers the later revision of two copies', () => {
    expect(newest({ _rev: '2-a' }, { _rev: '3-b' })?._rev).toBe('3-b');
    expect(newest({ _rev: '4-a' }, { _rev: '3-b' })?._rev).toBe('4-a');
    expect(newest(null, { _rev: '1-b' })?._rev).toBe('1-b');
  });
});

describe('requeue (counter forced closed)', () => {
  it('puts a called or served ticket back at the front of its queue, valid for the contract', () => {
    for (const t of [calledAt('C01'), (() => { const s = startService(calledAt('C01'), actor('C01')); if (!s.ok) throw new Error(); return s.step.ticket; })()]) {
      const r = requeue(t, 'counter_closed', actor(undefined, 'supervisor.dla'));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.step.ticket).toMatchObject({ state: 'waiting', front: true, service: 'family' });
      expect(r.step.ticket.counter).toBeUndefined();
      expect(r.step.ticket.agent).toBeUndefined();
      expect(r.step.event).toMatchObject({ action: 'transferred', agent: 'supervisor.dla', details: { reason: 'counter_closed', fromCounter: 'C01', toService: 'family' } });
      expect(validateStructure(r.step.ticket as never, 'branch')).toEqual([]);
      expect(validateStructure(r.step.event as never, 'branch')).toEqual([]);
    }
    expect(requeue({ ...calledAt('C01'), state: 'done' }, 'counter_closed', actor()).ok).toBe(false);
  });
});
