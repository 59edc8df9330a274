/** Report periods as inclusive day ranges in the branch calendar (`YYYY-MM-DD`). Pure. */

export const PERIOD_KINDS = ['day', 'week', 'month', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface DayRange {
  from: string;
  to: string;
}

// Calendar arithmetic on UTC midnights: days are labels here, not instants.
const parse = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const format = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

/** The day, ISO week (Monday to Sunday), month or year that holds `anchor`; custom keeps `from`–`to` (swapped if reversed). */
export function periodRange(kind: PeriodKind, anchor: string, custom?: DayRange): DayRange {
  if (kind === 'day') return { from: anchor, to: anchor };
  if (kind === 'week') {
    const ms = parse(anchor);
    const monday = ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS;
    return { from: format(monday), to: format(monday + 6 * DAY_MS) };
  }
  if (kind === 'month') {
    const y = Number(anchor.slice(0, 4));
    const m = Number(anchor.slice(5, 7));
    return { from: `${anchor.slice(0, 7)}-01`, to: format(Date.UTC(y, m, 0)) };
  }
  if (kind === 'year') return { from: `${anchor.slice(0, 4)}-01-01`, to: `${anchor.slice(0, 4)}-12-31` };
  const from = custom?.from || anchor;
  const to = custom?.to || from;
  return from <= to ? { from, to } : { from: to, to: from };
}

/** The day after / before `day`. */
export const nextDay = (day: string) => format(parse(day) + DAY_MS);
export const previousDay = (day: string) => format(parse(day) - DAY_MS);

/** Is `day` a real calendar day written `YYYY-MM-DD` (not 2026-02-30, not '')? */
export function isDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && format(parse(day)) === day;
}

/** The months from `from` to `to` (`YYYY-MM`, inclusive), in order; none when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  return Array.from({ length: Math.max(0, index(to) - index(from) + 1) }, (_, i) => addMonths(from, i));
}

/** `YYYY-MM` `n` months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The longest report: ten years, enough to compare a decade, short enough to answer in seconds. */
export const MAX_REPORT_YEARS = 10;

/** Why a period cannot be reported on, with what the screen needs to say what to do instead. */
export type PeriodProblem =
  | { code: 'date' }
  | { code: 'future'; today: string }
  | { code: 'tooLong'; years: number; suggestion: DayRange };

/** The same day `years` later (29 February → 28 February when that year has none). */
function yearsLater(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const m = Number(day.slice(5, 7));
  const d = Math.min(Number(day.slice(8, 10)), new Date(Date.UTC(y, m, 0)).getUTCDate());
  return format(Date.UTC(y, m - 1, d));
}

/**
 * Checks a period before anything is read: real dates, a start no later than today (the future
 * holds no activity) and at most MAX_REPORT_YEARS years. The suggestion for a too-long period is
 * the longest one allowed that ends where the asked one ends (or today, if that is earlier).
 */
export function checkPeriod(range: DayRange, today: string): PeriodProblem | null {
  if (!isDay(range.from) || !isDay(range.to)) return { code: 'date' };
  if (range.from > today) return { code: 'future', today };
  if (range.to < yearsLater(range.from, MAX_REPORT_YEARS)) return null;
  const to = range.to < today ? range.to : today;
  return { code: 'tooLong', years: MAX_REPORT_YEARS, suggestion: { from: nextDay(yearsLater(to, -MAX_REPORT_YEARS)), to } };
}

/** Every day of the range, in order. Proportional to the length of the range: for short ranges only. */
export function daysOf(range: DayRange): string[] {
  const out: string[] = [];
  for (let ms = parse(range.from); ms <= parse(range.to); ms += DAY_MS) out.push(format(ms));
  return out;
}
