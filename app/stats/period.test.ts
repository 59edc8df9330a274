import { describe, expect, it } from 'vitest';
import { daysOf, periodRange } from './period.ts';

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
});
