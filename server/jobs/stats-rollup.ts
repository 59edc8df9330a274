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
 */
import type Nano from 'nano';
import { branchDb, REF_DB } from '../../couch-design/databases.ts';
import { STATS_DAY, statsDayId, type StatsDay } from '../../couch-design/types/stats-day.ts';
import { computeStatsDay, sameFigures } from '../../app/stats/daily-rollup.ts';
import { daysOf } from '../../app/stats/period.ts';
import type { ViewQuery } from '../../app/stats/report-types.ts';
import { branchDay } from '../../app/queue/numbering.ts';
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
  if (p[0] === 'statsday' && p[2] === branch && leaves > 1) return p[1]!;
  return null;
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

type Stored = StatsDay & { _rev: string; _conflicts?: string[] };

/**
 * Writes the roll-ups whose figures changed; returns how many, and the days that lost to a
 * concurrent write. Conflicting revisions (two servers holding the branch computed the same day
 * before replication met) are deleted: every server sees the same winner, and the figures are
 * recomputed here anyway.
 */
async function writeChanged(db: Nano.DocumentScope<unknown>, fresh: readonly StatsDay[]): Promise<{ written: number; conflicts: string[] }> {
  if (fresh.length === 0) return { written: 0, conflicts: [] };
  const stored = await db.fetch({ keys: fresh.map((d) => d._id) }, { conflicts: true });
  const old = new Map<string, Stored>();
  for (const row of stored.rows) if ('doc' in row && row.doc) old.set(row.id, row.doc as unknown as Stored);
  const docs: object[] = fresh.flatMap((d) => {
    const prev = old.get(d._id);
    if (!prev) return [d];
    return sameFigures(prev, d) ? [] : [{ ...d, _rev: prev._rev }];
  });
  for (const prev of old.values()) for (const rev of prev._conflicts ?? []) docs.push({ _id: prev._id, _rev: rev, _deleted: true });
  if (docs.length === 0) return { written: 0, conflicts: [] };
  const results = await db.bulk({ docs });
  const conflicts = [...new Set(results.filter((r) => r.error).map((r) => String(r.id).split(':')[1]!))];
  return { written: results.filter((r) => !r.error).length, conflicts };
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
  const { written, conflicts } = await writeChanged(db, fresh);

  const through = first && first <= yesterday ? yesterday : memo?.through;
  const next: Checkpoint = { _id: CHECKPOINT, since: feed.since, pending: [...pending, ...conflicts], ...(through ? { through } : {}), ...(memo?._rev ? { _rev: memo._rev } : {}) };
  try {
    await db.insert(next as never);
  } catch (error) {
    // Another pass (the other server's job, a test) saved it meanwhile: this pass's days are
    // written, the next pass re-reads the feed from the older checkpoint. Nothing is lost.
    if (statusOf(error) !== 409) throw error;
  }
  return { computed: fresh.length, written };
}

async function timeZoneOf(couch: Couch, branch: string): Promise<string | undefined> {
  const doc = (await getOrNull(couch.use<{ timeZone?: string }>(REF_DB), `branch:${branch}`)) as { timeZone?: string } | null;
  return doc?.timeZone;
}

/** One pass over every branch database this server holds. */
export async function runStatsRollup(couch: Couch, branches: readonly string[], now = new Date()): Promise<RollupPass> {
  const total: RollupPass = { computed: 0, written: 0 };
  for (const branch of branches) {
    const timeZone = (await timeZoneOf(couch, branch)) ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const pass = await rollUpDatabase(couch, branchDb(branch), branch, branchDay(now, timeZone), now);
    if (pass.written > 0) log(`stats roll-up: ${pass.written} day(s) of ${branch} written (${pass.computed} computed)`);
    total.computed += pass.computed;
    total.written += pass.written;
  }
  return total;
}

/** Runs now, then every minute; a failure is logged and the next round starts from the checkpoint. */
export function scheduleStatsRollup(couch: Couch, branches: readonly string[]): () => void {
  let running = false;
  const round = async () => {
    // A first backfill can take longer than the interval: never two passes at once.
    if (running) return;
    running = true;
    try {
      await runStatsRollup(couch, branches);
    } catch (error) {
      log(`stats roll-up failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  void round();
  const timer = setInterval(() => void round(), EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
