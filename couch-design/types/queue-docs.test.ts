import { describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import { goodDocs } from '../testing/fixtures.ts';
import { validateStructure } from '../validate/structure.ts';
import { validateDocUpdate, validateForWrite } from '../validate/entry.ts';
import { buildDesignDocs } from '../build/build-design-docs.ts';
import { deviceSlotId, parseDeviceSlotId } from './device.ts';
import { ticketId, ticketLabel } from './ticket.ts';

PouchDB.plugin(memory).plugin(mapreduce);

const user = (role: string) => ({ name: `${role}.dla`, roles: [role, 'branch:dla'] });

describe('queue fields of a ticket', () => {
  it('accepts the queue fields and checks their shape', () => {
    const t = { ...goodDocs().ticket!, queuedAt: '2024-03-05T08:20:00.000Z', front: true, calledAt: '2024-03-05T08:30:00.000Z', recalls: 1, outcome: 'done_ok' };
    expect(validateStructure(t, 'branch')).toEqual([]);
    expect(validateStructure({ ...t, recalls: -1 }, 'branch')).toContainEqual({ field: 'recalls', code: 'too_small' });
    expect(validateStructure({ ...t, outcome: 'Bad Code' }, 'branch')).toContainEqual({ field: 'outcome', code: 'bad_format' });
    expect(validateStructure({ ...t, queuedAt: 'yesterday' }, 'branch')).toContainEqual({ field: 'queuedAt', code: 'bad_format' });
  });

  it('a kiosk cannot call a ticket, a display writes nothing', () => {
    const t = goodDocs().ticket!;
    const called = { ...t, _rev: '1-a', state: 'called', counter: 'C01', agent: 'kiosk.dla' };
    expect(validateDocUpdate(called, t, user('kiosk'), 'branch')).not.toEqual([]);
    expect(validateDocUpdate(t, null, user('display'), 'branch')).toContainEqual({ field: '_id', code: 'forbidden_role' });
    expect(validateDocUpdate({ ...called, agent: 'counter.dla' }, t, user('counter'), 'branch')).toEqual([]);
  });
});

describe('device slots', () => {
  const d = () => goodDocs().device!;
  it('round-trips the id and checks the slot range', () => {
    expect(deviceSlotId('dla', 3)).toBe('device:dla:3');
    expect(parseDeviceSlotId('device:dla:3')).toEqual({ branch: 'dla', slot: 3 });
    expect(parseDeviceSlotId('device:dla:10')).toBeNull();
    expect(validateStructure(d(), 'branch')).toEqual([]);
    expect(validateStructure({ ...d(), slot: 10, _id: 'device:dla:10' }, 'branch')).toContainEqual({ field: 'slot', code: 'too_large' });
    expect(validateStructure({ ...d(), slot: 2 }, 'branch')).toContainEqual({ field: '_id', code: 'bad_id' });
  });
  it('is claimed by issuing devices, never taken over, never by a display', () => {
    expect(validateForWrite(d(), null, user('kiosk'), 'branch')).toEqual([]);
    expect(validateForWrite(d(), null, user('display'), 'branch')).toContainEqual({ field: '_id', code: 'forbidden_role' });
    expect(validateDocUpdate({ ...d(), _rev: '1-a', deviceId: 'other' }, d(), user('kiosk'), 'branch')).toContainEqual({ field: '_id', code: 'immutable' });
  });
});

describe('tickets_waiting view', () => {
  it('lists only waiting tickets, priority then front then queue time, per service', async () => {
    const built = await buildDesignDocs();
    const db = new PouchDB('tickets-waiting-test', { adapter: 'memory' });
    const base = goodDocs().ticket!;
    const mk = (seq: number, extra: Record<string, unknown>) => ({
      ...base,
      _id: ticketId({ branch: 'dla', day: '2024-03-05', series: 'A', seq }),
      seq,
      label: ticketLabel('A', seq),
      issuedAt: `2024-03-05T08:0${seq}:00.000Z`,
      ...extra,
    });
    await db.bulkDocs([
      ...built.branch,
      mk(1, {}),
      mk(2, { priority: 'elderly' }),
      mk(3, { front: true, queuedAt: '2024-03-05T09:00:00.000Z' }),
      mk(4, { state: 'serving' }),
      mk(5, { service: 'pension' }),
    ] as PouchDB.Core.PutDocument<object>[]);
    const res = await db.query('fo/tickets_waiting', { startkey: ['2024-03-05', 'family'], endkey: ['2024-03-05', 'family', {}] });
    expect(res.rows.map((r) => r.id.slice(-1))).toEqual(['2', '3', '1']);
    await db.destroy();
  }, 30_000);
});
