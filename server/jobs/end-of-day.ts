/**
 * End of day: tickets still open when a branch's day is over (people who left, tickets
 * parked and forgotten) are closed with outcome `end_of_day`, through the same pure step as
 * the app, so statistics count them as abandoned and counters never call yesterday's tickets.
 *
 * It runs on the server (at start, then every few minutes) because a branch must be closed
 * even when no one opens a screen. The closing visit event has an id fixed by the ticket, so
 * two servers holding the same branch (head office and a branch server) or a run retried
 * after a crash never count one ticket twice.
 */
import type Nano from 'nano';
import { branchDb } from '../../couch-design/databases.ts';
import type { Ticket } from '../../couch-design/types/ticket.ts';
import { uid } from '../../couch-design/ids/uid.ts';
import { closeEndOfDay, type Actor } from '../../app/queue/transitions.ts';
import { branchClock, scheduleRounds } from './job-rounds.ts';
import { getOrNull, statusOf, type Couch } from '../provision/couch-client.ts';
import { log } from '../log.ts';

/** The job's device id: visit events name the device that wrote them. */
export const END_OF_DAY_DEVICE = 'endofday';
/** Late replication (a branch offline overnight) can bring in tickets of past days: look back this far. */
const LOOK_BACK_DAYS = 7;
const EVERY_MS = 5 * 60_000;

function daysBefore(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/** One branch database, up to (not including) `today`; returns the tickets closed. */
export async function closePastDays(couch: Couch, branch: string, today: string, now: Date, timeZone?: string): Promise<number> {
  const db = couch.use<Ticket>(branchDb(branch));
  const memo = (await getOrNull(db as unknown as Nano.DocumentScope<{ through?: string }>, '_local/end-of-day')) as { through?: string; _rev?: string } | null;
  const from = memo?.through ? daysBefore(memo.through, LOOK_BACK_DAYS) : '';
  const rows = await db.list({ startkey: `ticket:${branch}:${from}`, endkey: `ticket:${branch}:${today}`, inclusive_end: false, include_docs: true });
  let closed = 0;
  for (const row of rows.rows) {
    const ticket = row.doc as (Ticket & { _rev: string }) | undefined;
    if (!ticket || ticket.type !== 'ticket' || ticket.day >= today) continue;
    const actor: Actor = {
      branch,
      agent: 'system',
      device: END_OF_DAY_DEVICE,
      now,
      timeZone,
      // Fixed by the ticket (its seq as the sequence, its day's start as the time): one close per ticket.
      uid: () => uid(Date.parse(`${ticket.day}T00:00:00Z`), END_OF_DAY_DEVICE, ticket.seq),
    };
    const step = closeEndOfDay(ticket, actor);
    if (!step.ok) continue;
    try {
      // The event first: if the ticket update then loses to a counter's, the next run sees the
      // ticket still open and writes nothing new (the event's id is taken).
      await db.insert(step.step.event as unknown as Ticket);
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
    try {
      await db.insert(step.step.ticket);
      closed++;
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
  }
  await db.insert({ _id: '_local/end-of-day', through: daysBefore(today, 1), ...(memo?._rev ? { _rev: memo._rev } : {}) } as never);
  return closed;
}

export async function runEndOfDay(couch: Couch, branches: readonly string[], now = new Date()): Promise<number> {
  let total = 0;
  for (const branch of branches) {
    const { timeZone, today } = await branchClock(couch, branch, now);
    const closed = await closePastDays(couch, branch, today, now, timeZone);
    if (closed > 0) log(`end of day: closed ${closed} open ticket(s) of past days in ${branch}`);
    total += closed;
  }
  return total;
}

/** Runs now, then every few minutes; a failed round is retried at the next. */
export function scheduleEndOfDay(couch: Couch, branches: readonly string[]): () => void {
  return scheduleRounds('end of day', EVERY_MS, () => runEndOfDay(couch, branches));
}
