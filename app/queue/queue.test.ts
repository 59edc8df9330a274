import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Ticket } from '../../couch-design/types/ticket.ts';
import { validateStructure } from '../../couch-design/validate/structure.ts';
import { uid } from '../../couch-design/ids/uid.ts';
import { ONLINE_RANGE, branchDay, nextInRange, slotBlock, spokenLabel } from './numbering.ts';
import { estimateWait, rankWaiting, rulesFromSettings, waitingAhead } from './ranking.ts';
import { type Actor, call, closeEndOfDay, finish, issue, noShow, park, recall, resume, startService, transfer } from './transitions.ts';
import { lostCall, pickCallWinner } from './conflicts.ts';
import { announcement } from './announce.ts';

let n = 0;
const actor = (counter?: string, at = '2024-03-05T09:00:00.000Z'): Actor => ({
  branch: 'dla',
  agent: 'counter.dla',
  device: 'dev1',
  ...(counter ? { counter } : {}),
  now: new Date(at),
  uid: () => uid(Date.parse(at), 'dev1', ++n),
});
const family = { code: 'family', series: 'F' };

function ticket(seq: number, extra: Partial<Ticket> = {}, at = `2024-03-05T08:${String(seq % 60).padStart(2, '0')}:00.000Z`): Ticket {
  const r = issue({ day: '2024-03-05', service: family, seq }, actor(undefined, at));
  if (!r.ok) throw new Error(r.error);
  return { ...r.step.ticket, ...extra };
}

describe('numbering', () => {
  it('online numbers 1–999, offline blocks per slot, never overlapping', () => {
    expect(nextInRange(ONLINE_RANGE, [])).toBe(1);
    expect(nextInRange(ONLINE_RANGE, [1, 2, 7, 3005])).toBe(8);
    expect(nextInRange(ONLINE_RANGE, [999])).toBeNull();
    expect(slotBlock(3)).toEqual({ first: 3001, last: 3999 });
    expect(nextInRange(slotBlock(3), [5, 3001, 4001])).toBe(3002);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), (a, b) => {
        const x = slotBlock(a);
        const y = slotBlock(b);
        return a === b || x.last < y.first || y.last < x.first;
      }),
    );
    expect(slotBlock(9).last).toBeLessThanOrEqual(9999);
  });
  it('uses the branch-local day and speaks labels', () => {
    expect(branchDay(new Date('2024-03-05T23:30:00Z'), 'Africa/Douala')).toBe('2024-03-06');
    expect(spokenLabel('A012')).toBe('A 12');
    expect(announcement('A012', 'C03', 'en')).toBe('Ticket A 12, counter 3');
    expect(announcement('A012', 'C03', 'fr')).toBe('Ticket A 12, guichet 3');
  });
});

describe('ranking', () => {
  it('priority first, then front, then longest waiting; reserved tickets for their counter only', () => {
    const a = ticket(1);
    const b = ticket(2, { priority: 'elderly' });
    const c = ticket(3, { front: true });
    const d = ticket(4, { counter: 'C02' });
    const e = ticket(5, { service: 'pension' });
    const ranked = rankWaiting([a, b, c, d, e], 'C01', ['family'], rulesFromSettings(undefined), Date.parse('2024-03-05T09:00:00Z'));
    expect(ranked.map((t) => t.seq)).toEqual([2, 3, 1]);
    expect(rankWaiting([a, d], 'C02', ['family'], rulesFromSettings(undefined), 0).map((t) => t.seq)).toEqual([1, 4]);
    expect(waitingAhead([a, b, c, d, e], a)).toBe(2);
    expect(estimateWait({ ahead: 3, countersServing: 2, serviceMinutes: 6 })).toEqual({ kind: 'minutes', minutes: 9 });
    expect(estimateWait({ ahead: 3, countersServing: 0, serviceMinutes: 6 })).toEqual({ kind: 'no_counter' });
  });
  it('calls an overdue queue first when its wait exceeds the configured minutes', () => {
    const fam = ticket(1, {}, '2024-03-05T08:50:00.000Z');
    const pension = ticket(2, { service: 'pension' }, '2024-03-05T08:55:00.000Z');
    const rules = rulesFromSettings({ overdue: [{ service: 'pension', minutes: 3 }, { bad: true }] });
    const now = Date.parse('2024-03-05T09:00:00Z');
    expect(rankWaiting([fam, pension], 'C01', ['family', 'pension'], rules, now)[0]!.seq).toBe(2);
    expect(rankWaiting([fam, pension], 'C01', ['family', 'pension'], rulesFromSettings({ overdue: [{ service: 'pension', minutes: 10 }] }), now)[0]!.seq).toBe(1);
  });
  it('is a total order that keeps every waiting ticket exactly once (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ p: fc.boolean(), f: fc.boolean(), m: fc.integer({ min: 0, max: 59 }) }), { maxLength: 30 }), (rows) => {
        const ts = rows.map((r, i) => ticket(i + 1, { ...(r.p ? { priority: 'pregnant' as const } : {}), ...(r.f ? { front: true } : {}), queuedAt: `2024-03-05T08:${String(r.m).padStart(2, '0')}:00.000Z` }));
        const ranked = rankWaiting(ts, 'C01', ['family'], rulesFromSettings(undefined), 0);
        const again = rankWaiting([...ts].reverse(), 'C01', ['family'], rulesFromSettings(undefined), 0);
        return ranked.length === ts.length && new Set(ranked.map((t) => t._id)).size === ts.length && ranked.every((t, i) => t._id === again[i]!._id);
      }),
    );
  });
});

describe('transitions', () => {
  it('issue → call → recall → no-show, every step a valid ticket and visit event', () => {
    const steps = [];
    let t = ticket(1);
    for (const f of [(x: Ticket) => call(x, actor('C01')), (x: Ticket) => recall(x, actor('C01')), (x: Ticket) => noShow(x, actor('C01'))]) {
      const r = f(t);
      if (!r.ok) throw new Error(r.error);
      steps.push(r.step);
      t = r.step.ticket;
    }
    expect(t.state).toBe('no_show');
    for (const s of steps) {
      expect(validateStructure(s.ticket, 'branch')).toEqual([]);
      expect(validateStructure(s.event, 'branch')).toEqual([]);
    }
    expect(steps.map((s) => s.event.action)).toEqual(['called', 'recalled', 'no_show']);
  });
  it('refuses what does not fit the state', () => {
    const called = (call(ticket(1), actor('C01')) as { step: { ticket: Ticket } }).step.ticket;
    expect(noShow(called, actor('C01'))).toEqual({ ok: false, error: 'recall_first' });
    expect(call(called, actor('C02'))).toEqual({ ok: false, error: 'not_waiting' });
    expect(startService(called, actor('C02'))).toEqual({ ok: false, error: 'not_mine' });
    expect(finish(called, 'done', actor('C01'))).toEqual({ ok: false, error: 'not_serving' });
    expect(transfer(called, { toService: 'pension', position: 'back' }, ['family'], actor('C01'))).toEqual({ ok: false, error: 'nobody_serves' });
    expect(call(ticket(2), actor())).toEqual({ ok: false, error: 'counter_not_open' });
  });
  it('serve, park, resume, transfer to the front of another queue, finish, close at end of day', () => {
    const c = actor('C01');
    let t = ticket(1);
    for (const f of [call, startService, park, resume]) {
      const r = f(t, c);
      if (!r.ok) throw new Error(r.error);
      t = r.step.ticket;
    }
    expect(t.state).toBe('serving');
    const moved = transfer(t, { toService: 'pension', position: 'front', note: 'pension file' }, ['pension'], c);
    if (!moved.ok) throw new Error(moved.error);
    expect(moved.step.ticket).toMatchObject({ state: 'waiting', service: 'pension', front: true, label: 'F001' });
    expect(moved.step.ticket.counter).toBeUndefined();
    expect(moved.step.event.details).toMatchObject({ fromService: 'family', toService: 'pension', position: 'front' });
    expect(validateStructure(moved.step.ticket, 'branch')).toEqual([]);
    const closed = closeEndOfDay(moved.step.ticket, c);
    expect(closed.ok && closed.step.ticket).toMatchObject({ state: 'closed', outcome: 'end_of_day' });
    const walkIn = issue({ day: '2024-03-05', service: family, seq: 3001, walkIn: true }, c);
    expect(walkIn.ok && walkIn.step.ticket).toMatchObject({ state: 'serving', counter: 'C01', label: 'F3001' });
  });
});

describe('offline double call', () => {
  it('the earliest call wins, ties by counter code, whatever the order', () => {
    const t = ticket(1);
    const byC02 = (call(t, actor('C02', '2024-03-05T09:00:00.000Z')) as { step: { ticket: Ticket } }).step.ticket;
    const byC01 = (call(t, actor('C01', '2024-03-05T09:00:01.000Z')) as { step: { ticket: Ticket } }).step.ticket;
    const tie = (call(t, actor('C01', '2024-03-05T09:00:00.000Z')) as { step: { ticket: Ticket } }).step.ticket;
    expect(pickCallWinner([byC01, byC02]).counter).toBe('C02');
    expect(pickCallWinner([byC02, byC01]).counter).toBe('C02');
    expect(pickCallWinner([byC02, tie]).counter).toBe('C01');
    expect(lostCall('C01', byC02)).toBe(true);
    expect(lostCall('C02', byC02)).toBe(false);
  });
});
