import { describe, expect, it } from 'vitest';
import { goodDocs } from '../testing/fixtures.ts';
import { validateStructure } from '../validate/structure.ts';
import { validateDocUpdate } from '../validate/entry.ts';
import { counterEventId, parseCounterEventId } from './counter-event.ts';
import { parseStatsDayId, statsDayId } from './stats-day.ts';
import { parseStatsMonthId, statsMonthId } from './stats-month.ts';

const user = (role: string) => ({ name: `${role}.dla`, roles: [role, 'branch:dla'] });

describe('counter events', () => {
  const e = () => goodDocs().counter_event!;
  it('round-trips the id and checks the durations', () => {
    const id = String(e()._id);
    expect(parseCounterEventId(id)).toMatchObject({ branch: 'dla', day: '2024-03-05', counter: 'C01' });
    expect(counterEventId('dla', '2024-03-05', 'C01', parseCounterEventId(id)!.uid)).toBe(id);
    expect(validateStructure(e(), 'branch')).toEqual([]);
    expect(validateStructure({ ...e(), busyMs: -1 }, 'branch')).toContainEqual({ field: 'busyMs', code: 'too_small' });
    expect(validateStructure({ ...e(), hour: 24 }, 'branch')).toContainEqual({ field: 'hour', code: 'too_large' });
    expect(validateStructure({ ...e(), counter: 'C02' }, 'branch')).toContainEqual({ field: '_id', code: 'bad_id' });
  });

  it('counter staff write them once; kiosks cannot; nobody changes them', () => {
    expect(validateDocUpdate(e(), null, user('counter'), 'branch')).toEqual([]);
    expect(validateDocUpdate(e(), null, user('kiosk'), 'branch')).toContainEqual({ field: '_id', code: 'forbidden_role' });
    expect(validateDocUpdate({ ...e(), _rev: '1-a', busyMs: 1 }, { ...e(), _rev: '1-a' }, user('supervisor'), 'branch')).toContainEqual({
      field: '_id',
      code: 'immutable',
    });
  });
});

describe('durations on visit events', () => {
  const v = () => goodDocs().visit_event!;
  it('accepts wait and service times >= 0 and a local hour', () => {
    const called = { ...v(), action: 'called', counter: 'C01', hour: 9, details: { waitMs: 120_000, withinTarget: true } };
    expect(validateStructure(called, 'branch')).toEqual([]);
    expect(validateStructure({ ...called, details: { waitMs: -5 } }, 'branch')).toContainEqual({ field: 'details.waitMs', code: 'bad_value' });
    expect(validateStructure({ ...called, details: { serviceMs: 1.5 } }, 'branch')).toContainEqual({ field: 'details.serviceMs', code: 'bad_value' });
    expect(validateStructure({ ...called, details: { withinTarget: 'yes' } }, 'branch')).toContainEqual({ field: 'details.withinTarget', code: 'not_boolean' });
    expect(validateStructure({ ...called, hour: -1 }, 'branch')).toContainEqual({ field: 'hour', code: 'too_small' });
  });
});

describe('daily statistics roll-ups', () => {
  const s = () => goodDocs().stats_day!;
  it('round-trips the id; rows are [key, value] in the compact form', () => {
    expect(parseStatsDayId(s()._id)).toEqual({ day: '2024-03-05', branch: 'dla' });
    expect(statsDayId('2024-03-05', 'dla')).toBe(s()._id);
    expect(validateStructure({ ...s(), stats: [] , durations: [] }, 'branch')).toEqual([]);
    const row = (s().stats as unknown[][])[0]!;
    expect(validateStructure({ ...s(), stats: [[['2024-03-05', 'dla', ...(row[0] as unknown[])], row[1]]] }, 'branch')).toContainEqual({ field: 'stats.0', code: 'bad_format' });
    expect(validateStructure({ ...s(), stats: [[['', 'C01', 'ana', '9'], [1]]] }, 'branch')).toContainEqual({ field: 'stats.0', code: 'bad_format' });
    expect(validateStructure({ ...s(), stats: [[row[0], [0.5]]] }, 'branch')).toContainEqual({ field: 'stats.0', code: 'bad_format' });
    expect(validateStructure({ ...s(), durations: [[['family', 'C01', 'ana', 9, 'wait'], { count: 1 }]] }, 'branch')).toContainEqual({ field: 'durations.0', code: 'bad_format' });
    expect(validateStructure({ ...s(), branch: 'yde' }, 'branch')).toContainEqual({ field: '_id', code: 'bad_id' });
  });

  it('only the server writes them', () => {
    for (const role of ['supervisor', 'counter', 'admin']) expect(validateDocUpdate(s(), null, user(role), 'branch'), role).toContainEqual({ field: '_id', code: 'forbidden_role' });
    expect(validateDocUpdate(s(), null, { name: 'admin', roles: ['_admin'], db: 'fo_branch_dla' }, 'branch')).toEqual([]);
    expect(validateDocUpdate({ ...s(), _rev: '2-b' }, { ...s(), _rev: '1-a' }, { name: 'admin', roles: ['_admin'] }, 'branch')).toEqual([]);
  });
});

describe('monthly statistics roll-ups', () => {
  const m = () => goodDocs().stats_month!;
  it('round-trips the id; rows by day of the month and by hour, naming a combination by index', () => {
    expect(parseStatsMonthId(m()._id)).toEqual({ month: '2024-02', branch: 'dla' });
    expect(statsMonthId('2024-02', 'dla')).toBe(m()._id);
    expect(parseStatsMonthId('statsmonth:2024-13:dla')).toBeNull();
    expect(validateStructure({ ...m(), combos: [], days: [], hours: [] }, 'branch')).toEqual([]);
    expect(validateStructure({ ...m(), days: [['2024-02-05', 0, [1], 0, 0]] }, 'branch')).toContainEqual({ field: 'days.0', code: 'bad_format' });
    expect(validateStructure({ ...m(), days: [[5, 2, [1], 0, 0]] }, 'branch')).toContainEqual({ field: 'days.0', code: 'bad_format' });
    expect(validateStructure({ ...m(), hours: [[24, 0, [1], 0, 0]] }, 'branch')).toContainEqual({ field: 'hours.0', code: 'bad_format' });
    expect(validateStructure({ ...m(), hours: [[9, 0, [1], { count: 1 }, 0]] }, 'branch')).toContainEqual({ field: 'hours.0', code: 'bad_format' });
    expect(validateStructure({ ...m(), combos: [['', 'C01']] }, 'branch')).toContainEqual({ field: 'combos.0', code: 'bad_format' });
    expect(validateStructure({ ...m(), hours: undefined }, 'branch')).toContainEqual({ field: 'hours', code: 'required' });
    expect(validateStructure({ ...m(), month: '2024-03' }, 'branch')).toContainEqual({ field: '_id', code: 'bad_id' });
  });

  it('only the server writes them', () => {
    for (const role of ['supervisor', 'counter', 'admin']) expect(validateDocUpdate(m(), null, user(role), 'branch'), role).toContainEqual({ field: '_id', code: 'forbidden_role' });
    expect(validateDocUpdate(m(), null, { name: 'admin', roles: ['_admin'], db: 'fo_branch_dla' }, 'branch')).toEqual([]);
  });
});
