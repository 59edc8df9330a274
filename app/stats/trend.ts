/**
 * The report's trend chart: issued and served per day for a short period, per month for a
 * longer one, per year beyond, so a chart never holds more bars than a reader can tell apart
 * and drawing it costs the same for seven years as for two months. Quiet days, months and years
 * are there (a gap in activity shows as a gap), the active ones come from the report's days. Pure.
 */
import { daysOf, monthsBetween, type DayRange } from './period.ts';
import type { Figures } from './report-types.ts';

export type TrendUnit = 'day' | 'month' | 'year';

/** At most this many bars: two months by day, ten years by month. */
export const MAX_DAY_BARS = 62;
export const MAX_MONTH_BARS = 120;

export interface TrendBar {
  /** What the axis shows: `MM-DD`, `YYYY-MM` or `YYYY`. */
  label: string;
  issued: number;
  served: number;
}

export interface Trend {
  unit: TrendUnit;
  bars: TrendBar[];
}

/** The unit a period's trend is drawn in: the finest that stays within the bar limits. */
export function trendUnit(range: DayRange): TrendUnit {
  const months = (Number(range.to.slice(0, 4)) - Number(range.from.slice(0, 4))) * 12 + Number(range.to.slice(5, 7)) - Number(range.from.slice(5, 7)) + 1;
  // A period of up to 62 days spans at most 3 months: count its days only then.
  if (months <= 3 && daysOf(range).length <= MAX_DAY_BARS) return 'day';
  return months <= MAX_MONTH_BARS ? 'month' : 'year';
}

/** The trend of a report: one bar per day, month or year of `range`, from its active days. */
export function trend(range: DayRange, byDay: readonly { day: string; figures: Figures }[]): Trend {
  const unit = trendUnit(range);
  const keyOf = (day: string) => (unit === 'day' ? day : unit === 'month' ? day.slice(0, 7) : day.slice(0, 4));
  const keys =
    unit === 'day'
      ? daysOf(range)
      : unit === 'month'
        ? monthsBetween(range.from.slice(0, 7), range.to.slice(0, 7))
        : Array.from({ length: Number(range.to.slice(0, 4)) - Number(range.from.slice(0, 4)) + 1 }, (_, i) => String(Number(range.from.slice(0, 4)) + i).padStart(4, '0'));
  const bars = new Map(keys.map((key) => [key, { label: unit === 'day' ? key.slice(5) : key, issued: 0, served: 0 }]));
  for (const { day, figures } of byDay) {
    const bar = bars.get(keyOf(day));
    if (!bar) continue;
    bar.issued += figures.issued;
    bar.served += figures.served;
  }
  return { unit, bars: [...bars.values()] };
}
