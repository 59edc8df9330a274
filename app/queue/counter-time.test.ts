import { describe, expect, it } from 'vitest';
import { validateStructure } from '../../couch-design/validate/structure.ts';
import { validateForWrite } from '../../couch-design/validate/entry.ts';
import type { CounterState } from '../../couch-design/types/counter-state.ts';
import { changeCounter } from './counter-time.ts';
import type { Actor } from './transitions.ts';

const T0 = Date.UTC(2024, 2, 5, 8, 0);
const MIN = 60_000;
let seq = 0;
const at = (minutes: number): Actor => {
  const now = new Date(T0 + minutes * MIN);
  return { branch: 'dla', agent: 'counter.dla', device: 'c1', counter: 'C01', now, uid: () => `${now.getTime().toString(36).padStart(9, '0')}-c1-${(++seq).toString(36).padStart(4, '0')}`, timeZone: 'Africa/Douala' };
};
const base: CounterState = { _id: 'counterstate:dla:C01', type: 'counter_state', branch: 'dla', counter: 'C01', status: 'open', agent: 'counter.dla', device: 'c1', updatedAt: '' };

describe('counter busy, idle and paused time', () => {
  it('logs each status change with the period it ends', () => {
    const opened = changeCounter(undefined, base, at(0), '2024-03-05');
    expect(opened.event).toMatchObject({ action: 'opened', from: 'closed', busyMs: 0, idleMs: 0, pausedMs: 0, hour: 9 });
    // 10 min idle, then a ticket for 15 min, then 5 min idle, then a pause of 20 min, then closed after 2 min idle.
    const calling = changeCounter(opened.state, { ...opened.state, currentTicket: 'ticket:dla:2024-03-05:A:0001' }, at(10), '2024-03-05');
    expect(calling.event).toBeNull();
    const { currentTicket: _t, ...free } = calling.state;
    const finished = changeCounter(calling.state, free, at(25), '2024-03-05');
    const paused = changeCounter(finished.state, { ...finished.state, status: 'paused' }, at(30), '2024-03-05');
    expect(paused.event).toMatchObject({ action: 'paused', from: 'open', busyMs: 15 * MIN, idleMs: 15 * MIN, pausedMs: 0 });
    const resumed = changeCounter(paused.state, { ...paused.state, status: 'open' }, at(50), '2024-03-05');
    expect(resumed.event).toMatchObject({ action: 'resumed', from: 'paused', busyMs: 0, idleMs: 0, pausedMs: 20 * MIN });
    const closed = changeCounter(resumed.state, { ...resumed.state, status: 'closed' }, at(52), '2024-03-05');
    expect(closed.event).toMatchObject({ action: 'closed', from: 'open', busyMs: 0, idleMs: 2 * MIN });
    for (const step of [opened, paused, resumed, closed]) {
      expect(validateStructure(step.event!, 'branch')).toEqual([]);
      expect(validateStructure(step.state, 'branch')).toEqual([]);
    }
  });

  it('logs the change in the name of who makes it, which the contract requires', () => {
    // The stored state still names another agent (say a conflicting open from another device).
    const theirs: CounterState = { ...base, agent: 'counter.other', updatedAt: new Date(T0).toISOString() };
    const { event } = changeCounter(theirs, { ...theirs, status: 'paused' }, at(5), '2024-03-05');
    expect(event?.agent).toBe('counter.dla');
    expect(validateForWrite(event, null, { name: 'counter.dla', roles: ['counter', 'branch:dla'] }, 'branch')).toEqual([]);
  });
});
