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

/** Every day of the range, in order (for a daily trend that shows the quiet days too). */
export function daysOf(range: DayRange): string[] {
  const out: string[] = [];
  for (let ms = parse(range.from); ms <= parse(range.to); ms += DAY_MS) out.push(format(ms));
  return out;
}
