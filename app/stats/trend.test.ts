import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { trend, trendUnit, MAX_DAY_BARS, MAX_MONTH_BARS } from './trend.ts';
import { emptyFigures } from './figures.ts';
import { daysOf } from './period.ts';

const day = (d: string, issued: number, served: number) => ({ day: d, figures: { ...emptyFigures(), issued, served } });

describe('report trend', () => {
  it('draws 2020–2026 with 8 tickets as 84 months, not 2,557 days (the report that froze the tab)', () => {
    const range = { from: '2020-01-01', to: '2026-12-31' };
    const byDay = [day('2024-01-08', 5, 4), day('2024-01-09', 3, 3)];
    const { unit, bars } = trend(range, byDay);
    expect(unit).toBe('month');
    expect(bars).toHaveLength(84);
    expect(bars.find((b) => b.label === '2024-01')).toEqual({ label: '2024-01', issued: 8, served: 7 });
    expect(bars.filter((b) => b.issued > 0)).toHaveLength(1);
  });

  it('keeps days for up to two months, quiet days included', () => {
    const { unit, bars } = trend({ from: '2026-02-27', to: '2026-03-02' }, [day('2026-03-01', 2, 1)]);
    expect(unit).toBe('day');
    expect(bars).toEqual([
      { label: '02-27', issued: 0, served: 0 },
      { label: '02-28', issued: 0, served: 0 },
      { label: '03-01', issued: 2, served: 1 },
      { label: '03-02', issued: 0, served: 0 },
    ]);
    expect(trendUnit({ from: '2026-01-01', to: '2026-03-03' })).toBe('day');
    expect(trendUnit({ from: '2026-01-01', to: '2026-03-04' })).toBe('month');
    expect(trend({ from: '2000-01-01', to: '3000-12-31' }, []).unit).toBe('year');
  });

  it('never draws more bars than the limits, and loses no ticket (any range, any days)', () => {
    const dayIn = fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dayIn, dayIn, fc.array(fc.tuple(dayIn, fc.nat(50), fc.nat(50)), { maxLength: 30 }), (a, b, active) => {
        const range = a <= b ? { from: a, to: b } : { from: b, to: a };
        const byDay = [...new Map(active.filter(([d]) => d >= range.from && d <= range.to).map(([d, i, s]) => [d, day(d, i, s)])).values()];
        const t = trend(range, byDay);
        expect(t.bars.length).toBeLessThanOrEqual(t.unit === 'day' ? MAX_DAY_BARS : t.unit === 'month' ? MAX_MONTH_BARS : 41);
        if (t.unit === 'day') expect(t.bars).toHaveLength(daysOf(range).length);
        const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
        expect(sum(t.bars.map((x) => x.issued))).toBe(sum(byDay.map((d) => d.figures.issued)));
        expect(sum(t.bars.map((x) => x.served))).toBe(sum(byDay.map((d) => d.figures.served)));
      }),
    );
  });
});
