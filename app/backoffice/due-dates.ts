/**
 * A request's due date from the channel it came by (issue 11), in working days from the day it
 * arrived: a counter's request 5, a letter 15, a phone call 3. Saturdays and Sundays do not
 * count; public holidays are not known here, so a due date may fall on one (the agent moves it).
 * Pure; days are branch days YYYY-MM-DD.
 */
import type { RequestChannel } from '../../couch-design/types/backoffice-request.ts';

export const DUE_WORKING_DAYS: Readonly<Record<RequestChannel, number>> = { counter: 5, letter: 15, phone: 3 };

const DAY_MS = 86_400_000;
const toTime = (day: string) => Date.parse(day + 'T00:00:00Z');
const toDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const weekend = (t: number) => {
  const w = new Date(t).getUTCDay();
  return w === 0 || w === 6;
};

/** `n` working days after `day` (a request arriving on a Saturday counts from Monday). */
export function addWorkingDays(day: string, n: number): string {
  let t = toTime(day);
  for (let left = n; left > 0; ) {
    t += DAY_MS;
    if (!weekend(t)) left--;
  }
  return toDay(t);
}

export function dueDateFor(channel: RequestChannel, arrived: string): string {
  return addWorkingDays(arrived, DUE_WORKING_DAYS[channel]);
}

/** A real calendar day YYYY-MM-DD (the date input gives '' or a day). */
export function isDay(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && toDay(toTime(s)) === s;
}
