/** What the waiting-room display shows as calls (issue 9 item 8: no call left on screen forever). */
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../couch-design/types/ticket.ts';
import { CALL_SHOWN_MS, visibleCalls } from './calls.ts';

const T0 = Date.parse('2024-03-05T09:00:00Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const call = (seq: number, counter: string, calledMs: number, over: Partial<Ticket> = {}): Ticket => ({
  _id: `ticket:dla:2024-03-05:F:${String(seq).padStart(4, '0')}`,
  type: 'ticket', branch: 'dla', day: '2024-03-05', service: 'family', series: 'F', seq, label: `F${String(seq).padStart(3, '0')}`,
  issuedAt: at(-3_600_000), device: 'd', state: 'called', counter, calledAt: at(calledMs), ...over,
});
const state = (counter: string, status: 'open' | 'paused' | 'closed', currentTicket?: string) => ({ counter, status, ...(currentTicket ? { currentTicket } : {}) });

describe('calls on the display', () => {
  it('shows recent calls newest first, one per counter', () => {
    const a = call(1, 'C01', 0);
    const b = call(2, 'C02', 60_000);
    const older = call(3, 'C01', -60_000, { state: 'serving' });
    expect(visibleCalls([a, b, older], [state('C01', 'open'), state('C02', 'open')], T0 + 120_000).map((t) => t.label)).toEqual(['F002', 'F001']);
  });
  it('drops a call older than the limit: a ticket left "called" does not stay on screen', () => {
    const stuck = call(1, 'C01', 0);
    const states = [state('C01', 'open', stuck._id)];
    expect(visibleCalls([stuck], states, T0 + CALL_SHOWN_MS - 1)).toHaveLength(1);
    expect(visibleCalls([stuck], states, T0 + CALL_SHOWN_MS + 1)).toEqual([]);
  });
  it('a recall seen by the display shows the call again for the same time', () => {
    const stuck = call(1, 'C01', 0, { recalls: 1 });
    const later = T0 + CALL_SHOWN_MS + 60_000;
    expect(visibleCalls([stuck], [], later, { recalledAt: new Map([[stuck._id, later - 1000]]) })).toHaveLength(1);
  });
  it('drops a call whose counter closed or moved on to another ticket', () => {
    const c = call(1, 'C01', 0);
    expect(visibleCalls([c], [state('C01', 'closed')], T0)).toEqual([]);
    expect(visibleCalls([c], [state('C01', 'open', 'ticket:dla:2024-03-05:F:0009')], T0)).toEqual([]);
    expect(visibleCalls([c], [state('C01', 'paused', c._id)], T0)).toHaveLength(1);
  });
  it('ignores tickets that are not called or being served', () => {
    expect(visibleCalls([call(1, 'C01', 0, { state: 'done' }), call(2, 'C02', 0, { state: 'waiting' })], [], T0)).toEqual([]);
  });
});
