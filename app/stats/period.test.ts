import { describe, expect, it } from 'vitest';
import { addMonths, checkPeriod, daysOf, isDay, monthsBetween, periodRange } from './period.ts';

describe('report periods', () => {
  it('day, ISO week, month (leap years), year', () => {
    expect(periodRange('day', '2026-03-04')).toEqual({ from: '2026-03-04', to: '2026-03-04' });
    expect(periodRange('week', '2026-03-04')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(periodRange('week', '2026-03-08')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(periodRange('week', '2026-01-01')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(periodRange('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodRange('year', '2026-07-14')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('custom ranges are ordered and default to the anchor', () => {
    expect(periodRange('custom', '2026-03-04', { from: '2026-03-10', to: '2026-03-01' })).toEqual({ from: '2026-03-01', to: '2026-03-10' });
    expect(periodRange('custom', '2026-03-04', { from: '', to: '' })).toEqual({ from: '2026-03-04', to: '2026-03-04' });
  });

  it('lists the days of a range across a month end', () => {
    expect(daysOf({ from: '2026-02-27', to: '2026-03-02' })).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('months: forward, backward, across year ends, none when reversed', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('9999-12', '9999-11')).toEqual([]);
  });
});

describe('checking a report period before reading anything', () => {
  const today = '2026-12-02';

  it('takes up to ten years, this year included', () => {
    expect(checkPeriod({ from: '2020-01-01', to: '2026-12-31' }, today)).toBeNull();
    expect(checkPeriod({ from: '2017-01-01', to: '2026-12-31' }, today)).toBeNull();
    expect(checkPeriod(periodRange('year', today), today)).toBeNull();
    expect(checkPeriod(periodRange('day', today), today)).toBeNull();
  });

  it('refuses more than ten years, suggesting the ten years up to the end asked (or today)', () => {
    expect(checkPeriod({ from: '2000-01-01', to: '3000-12-31' }, today)).toEqual({ code: 'tooLong', years: 10, suggestion: { from: '2016-12-03', to: '2026-12-02' } });
    expect(checkPeriod({ from: '2016-12-31', to: '2026-12-31' }, today)).toEqual({ code: 'tooLong', years: 10, suggestion: { from: '2016-12-03', to: '2026-12-02' } });
    expect(checkPeriod({ from: '1990-01-01', to: '2010-06-30' }, today)).toEqual({ code: 'tooLong', years: 10, suggestion: { from: '2000-07-01', to: '2010-06-30' } });
    // The suggestion itself passes.
    expect(checkPeriod({ from: '2016-12-03', to: '2026-12-02' }, today)).toBeNull();
    expect(checkPeriod({ from: '2000-07-01', to: '2010-06-30' }, today)).toBeNull();
  });

  it('refuses a start after today and dates that do not exist', () => {
    expect(checkPeriod({ from: '2027-01-01', to: '2027-01-31' }, today)).toEqual({ code: 'future', today });
    expect(checkPeriod({ from: '2026-02-30', to: '2026-03-01' }, today)).toEqual({ code: 'date' });
    expect(checkPeriod({ from: '', to: '2026-03-01' }, today)).toEqual({ code: 'date' });
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('0099-01-01')).toBe(false);
  });
});
