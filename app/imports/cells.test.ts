import { describe, expect, it } from 'vitest';
import { amount, codeList, instant, readDay } from './cells.ts';

describe('cells', () => {
  it('reads calendar days in ISO or French order, and only real ones', () => {
    expect(readDay('2024-02-29')).toBe('2024-02-29');
    expect(readDay('29/02/2024')).toBe('2024-02-29');
    expect(readDay('1/3/2024')).toBe('2024-03-01');
    for (const bad of ['2023-02-29', '31/04/2024', '2024-13-01', '2024-1-01', '01-03-2024', '2024/03/01', 'yesterday', '0000-01-01']) expect(readDay(bad), bad).toBeNull();
  });

  it('reads instants as days at midnight UTC or ISO 8601 with a zone, written back in UTC', () => {
    expect(instant.read('2024-03-01')).toEqual({ ok: true, value: '2024-03-01T00:00:00.000Z' });
    expect(instant.read('2024-03-01T10:30+01:00')).toEqual({ ok: true, value: '2024-03-01T09:30:00.000Z' });
    expect(instant.read('2024-03-01T10:30:00')).toEqual({ ok: false, code: 'bad_date' });
    expect(instant.read('2024-02-30T10:30:00Z')).toEqual({ ok: false, code: 'bad_date' });
  });

  it('reads whole amounts with spaces as thousands separators, and nothing else', () => {
    expect(amount.read('1 500 000')).toEqual({ ok: true, value: 1_500_000 });
    expect(amount.read('1\u202f500')).toEqual({ ok: true, value: 1500 });
    for (const bad of ['1,5', '-3', '12.00', '1e6', 'abc']) expect(amount.read(bad), bad).toEqual({ ok: false, code: 'bad_amount' });
  });

  it('reads and writes code lists separated by spaces', () => {
    expect(codeList.read(' 0104  0215 ')).toEqual({ ok: true, value: ['0104', '0215'] });
    expect(codeList.write(['0104', '0215'])).toBe('0104 0215');
  });
});
