/**
 * Ticket numbers: one series per queue (its letter), per branch, per day. Pure.
 *
 * Online, numbers 1–999 are arbitrated by the server: the ticket id holds the number, and a
 * create-only write of an id that exists is refused (409), so the issuer takes the next.
 * Offline, a device numbers in the block of its registered slot (slot 3: 3001–3999), which no
 * other device uses, so numbers issued by devices cut off from each other cannot collide.
 * See docs/QUEUES.md.
 */
export const ONLINE_MAX = 999;
const BLOCK = 1000;

export interface SeqRange {
  readonly first: number;
  readonly last: number;
}

export const ONLINE_RANGE: SeqRange = { first: 1, last: ONLINE_MAX };

/** The offline block of a device slot (1–9). */
export function slotBlock(slot: number): SeqRange {
  return { first: slot * BLOCK + 1, last: slot * BLOCK + BLOCK - 1 };
}

/** The first free number of `range` after every number already used in it; null when full. */
export function nextInRange(range: SeqRange, used: readonly number[]): number | null {
  let max = range.first - 1;
  for (const n of used) if (n >= range.first && n <= range.last && n > max) max = n;
  return max < range.last ? max + 1 : null;
}

/** The branch-local calendar day (YYYY-MM-DD) of an instant: series restart every day. */
export function branchDay(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The hour (0–23) of an instant in the branch's zone, or the device's own zone when not known. */
export function localHour(at: Date, timeZone?: string): number {
  if (!timeZone) return at.getHours();
  let format = hourFormats.get(timeZone);
  // Building a formatter costs far more than using one; every event asks.
  if (!format) hourFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' })));
  return Number(format.format(at)) % 24;
}

/** How a called number is spoken and shown: A012 → "A 12". */
export function spokenLabel(label: string): string {
  return `${label.slice(0, 1)} ${Number(label.slice(1))}`;
}
