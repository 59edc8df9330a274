/**
 * Daily statistics roll-ups: for each closed day of a branch, the rows of the two statistics
 * views for that day stored as one `stats_day` document (couch-design/types/stats-day.ts), so a
 * month or a year report reads a few hundred documents instead of every index row of the period
 * (the embedded engine reduces at query time, about 50 µs a row).
 *
 * It follows the database's `_changes` feed from a checkpoint (`_local/stats-rollup`), like a
 * replication, and reads the day from the ids of the log documents (`visit:<day>:…`,
 * `counterevent:<branch>:<day>:…`): a document reaching a closed day, late from an offline device
 * or a replication, gets that day recomputed. Plain `_changes` without a selector filter: PouchDB
 * Server 4.2.0 crashes on `filter=_selector`. Days still open wait in the checkpoint (`pending`)
 * until the branch's midnight. Quiet closed days get an empty roll-up, so the days a report takes
 * from roll-ups are one run. A roll-up whose figures did not change is not rewritten: two
 * servers holding the same branch (head office and a branch server) then rarely both write it;
 * when they do (before replication met), the conflict shows in the feed and the losing
 * revisions are deleted, the same ones on both servers.
 *
 * Monthly roll-ups (`stats_month`) follow the daily ones: a month whose days were all closed and
 * rolled up is summed from them (app/stats/monthly-rollup.ts) in the pass that computed one of
 * its days, i.e. the pass that closes it, and again whenever a late event recomputes one of its
 * days; written, like the days, only when its figures changed.
 */
import type Nano from 'nano';
import { branchDb } from '../../couch-design/databases.ts';
import { STATS_DAY, statsDayId, type StatsDay } from '../../couch-design/types/stats-day.ts';
import type { StatsMonth } from '../../couch-design/types/stats-month.ts';
import { computeStatsDay, sameFigures } from '../../app/stats/daily-rollup.ts';
import { computeStatsMonth, sameMonthFigures } from '../../app/stats/monthly-rollup.ts';
import { lastDayOf } from '../../app/stats/rollup-plan.ts';
import { daysOf } from '../../app/stats/period.ts';
import type { ViewQuery } from '../../app/stats/report-types.ts';
import { branchClock, scheduleRounds } from './job-rounds.ts';
import { getOrNull, statusOf, type Couch } from '../provision/couch-client.ts';
import { log } from '../log.ts';

const CHECKPOINT = '_local/stats-rollup';
const PAGE = 5000;
const EVERY_MS = 60_000;

interface Checkpoint {
  _id: string;
  _rev?: string;
  since: string | number;
  /** Days seen in the feed while they were still open. */
  pending: string[];
  /** Every closed day up to this one has a roll-up. */
  through?: string;
}

export interface RollupPass {
  /** Roll-ups computed (touched or quiet closed days) and those written (figures changed). */
  computed: number;
  written: number;
  /** Monthly roll-ups computed (closed months with a day computed) and written. */
  monthsComputed: number;
  monthsWritten: number;
}

/**
 * The day a change concerns: a visit or counter event of `branch` (its day has new figures), or
 * a roll-up of `branch` with conflicting revisions (`leaves` > 1: two servers computed it), to
 * be settled. Else null.
 */
export function changedDayOf(id: string, branch: string, leaves: number): string | null {
  const p = id.split(':');
  if (p[0] === 'visit' && p.length >= 3) return p[1]!;
  if (p[0] === 'counterevent' && p[1] === branch && p.length >= 4) return p[2]!;
  if ((p[0] === 'statsday' || p[0] === 'statsmonth') && p[2] === branch && leaves > 1) return dayOfRollup(id);
  return null;
}

/** A roll-up's day; a month's first day, since recomputing a day of a closed month recomputes the month. */
function dayOfRollup(id: string): string {
  const [kind, period] = id.split(':') as [string, string];
  return kind === 'statsmonth' ? `${period}-01` : period;
}

function shiftDay(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function viewQueryOf(db: Nano.DocumentScope<unknown>): ViewQuery {
  return async (view, params) => {
    const [ddoc, name] = view.split('/') as [string, string];
    return db.view(ddoc, name, params as Nano.DocumentViewParams);
  };
}

async function touchedDays(db: Nano.DocumentScope<unknown>, branch: string, since: string | number): Promise<{ days: Set<string>; since: string | number }> {
  const days = new Set<string>();
  for (;;) {
    // style=all_docs lists every leaf revision: how conflicts show.
    const page = await db.changes({ since: String(since), limit: PAGE, style: 'all_docs' });
    for (const r of page.results) {
      const day = changedDayOf(r.id, branch, r.changes.length);
      if (day) days.add(day);
    }
    since = page.last_seq;
    if (page.results.length < PAGE) return { days, since };
  }
}

type Stored<T> = T & { _rev: string; _conflicts?: string[] };

/**
 * Writes the roll-ups whose figures changed; returns how many, and the days that lost to a
 * concurrent write (a month's first day for a month). Conflicting revisions (two servers holding
 * the branch computed the same roll-up before replication met) are deleted: every server sees
 * the same winner, and the figures are recomputed here anyway.
 */
async function writeChanged<T extends StatsDay | StatsMonth>(
  db: Nano.DocumentScope<unknown>,
  fresh: readonly T[],
  same: (a: T, b: T) => boolean,
): Promise<{ written: number; conflicts: string[] }> {
  if (fresh.length === 0) return { written: 0, conflicts: [] };
  const stored = await db.fetch({ keys: fresh.map((d) => d._id) }, { conflicts: true });
  const old = new Map<string, Stored<T>>();
  for (const row of stored.rows) if ('doc' in row && row.doc) old.set(row.id, row.doc as unknown as Stored<T>);
  const docs: object[] = fresh.flatMap((d) => {
    const prev = old.get(d._id);
    if (!prev) return [d];
    return same(prev, d) ? [] : [{ ...d, _rev: prev._rev }];
  });
  for (const prev of old.values()) for (const rev of prev._conflicts ?? []) docs.push({ _id: prev._id, _rev: rev, _deleted: true });
  if (docs.length === 0) return { written: 0, conflicts: [] };
  const results = await db.bulk({ docs });
  const conflicts = [...new Set(results.filter((r) => r.error).map((r) => dayOfRollup(String(r.id))))];
  return { written: results.filter((r) => !r.error).length, conflicts };
}

/** The months of `days` closed and rolled up through `through`, summed again from their stored days. */
async function rollUpMonths(db: Nano.DocumentScope<unknown>, branch: string, days: readonly string[], through: string | undefined, now: Date): Promise<StatsMonth[]> {
  const months = [...new Set(days.map((d) => d.slice(0, 7)))].filter((m) => through !== undefined && lastDayOf(m) <= through);
  const out: StatsMonth[] = [];
  for (const month of months) {
    const range = await db.list({ startkey: `statsday:${month}-01:`, endkey: `statsday:${month}-31:\ufff0`, include_docs: true });
    const ofBranch = range.rows.flatMap((r) => (r.doc && (r.doc as StatsDay).branch === branch ? [r.doc as StatsDay] : []));
    out.push(computeStatsMonth(ofBranch, month, branch, now));
  }
  return out;
}

/** One pass over one database holding `branch`'s log; `today` is the branch's current day. */
export async function rollUpDatabase(couch: Couch, dbName: string, branch: string, today: string, now = new Date()): Promise<RollupPass> {
  const db = couch.use<unknown>(dbName);
  const memo = (await getOrNull(db as Nano.DocumentScope<Checkpoint>, CHECKPOINT)) as Checkpoint | null;
  const feed = await touchedDays(db, branch, memo?.since ?? 0);
  const touched = new Set([...(memo?.pending ?? []), ...feed.days]);
  const closed = [...touched].filter((d) => d < today).sort();
  const pending = [...touched].filter((d) => d >= today);

  // Quiet days after the last covered one (or the first day with activity) get empty roll-ups.
  const first = memo?.through ? shiftDay(memo.through, 1) : closed[0];
  const yesterday = shiftDay(today, -1);
  const quiet = first && first <= yesterday ? daysOf({ from: first, to: yesterday }).filter((d) => !touched.has(d)) : [];

  const query = viewQueryOf(db);
  const fresh: StatsDay[] = [];
  for (const day of closed) fresh.push(await computeStatsDay(query, day, branch, now));
  for (const day of quiet) fresh.push({ _id: statsDayId(day, branch), type: STATS_DAY, branch, day, stats: [], durations: [], computedAt: now.toISOString() });
  const { written, conflicts } = await writeChanged(db, fresh, sameFigures);
  const through = first && first <= yesterday ? yesterday : memo?.through;
  const months = await rollUpMonths(db, branch, fresh.map((d) => d.day), through, now);
  const monthly = await writeChanged(db, months, sameMonthFigures);

  const next: Checkpoint = { _id: CHECKPOINT, since: feed.since, pending: [...pending, ...conflicts, ...monthly.conflicts], ...(through ? { through } : {}), ...(memo?._rev ? { _rev: memo._rev } : {}) };
  try {
    await db.insert(next as never);
  } catch (error) {
    // Another pass (the other server's job, a test) saved it meanwhile: this pass's days are
    // written, the next pass re-reads the feed from the older checkpoint. Nothing is lost.
    if (statusOf(error) !== 409) throw error;
  }
  return { computed: fresh.length, written, monthsComputed: months.length, monthsWritten: monthly.written };
}

/** One pass over every branch database this server holds. */
export async function runStatsRollup(couch: Couch, branches: readonly string[], now = new Date()): Promise<RollupPass> {
  const total: RollupPass = { computed: 0, written: 0, monthsComputed: 0, monthsWritten: 0 };
  for (const branch of branches) {
    const { today } = await branchClock(couch, branch, now);
    const pass = await rollUpDatabase(couch, branchDb(branch), branch, today, now);
    if (pass.written + pass.monthsWritten > 0) log(`stats roll-up: ${pass.written} day(s) and ${pass.monthsWritten} month(s) of ${branch} written (${pass.computed} and ${pass.monthsComputed} computed)`);
    total.computed += pass.computed;
    total.written += pass.written;
    total.monthsComputed += pass.monthsComputed;
    total.monthsWritten += pass.monthsWritten;
  }
  return total;
}

/** Runs now, then every minute; a failed round is retried from the checkpoint. */
export function scheduleStatsRollup(couch: Couch, branches: readonly string[]): () => void {
  return scheduleRounds('stats roll-up', EVERY_MS, () => runStatsRollup(couch, branches));
}
