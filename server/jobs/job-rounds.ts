/** What the server's periodic jobs share: a branch's calendar day, and rounds that never overlap. */
import { REF_DB } from '../../couch-design/databases.ts';
import { branchDay } from '../../app/queue/numbering.ts';
import { getOrNull, type Couch } from '../provision/couch-client.ts';
import { log } from '../log.ts';

/** The branch's time zone (from its reference document; else the server's) and its day now. */
export async function branchClock(couch: Couch, branch: string, now: Date): Promise<{ timeZone: string | undefined; today: string }> {
  const doc = (await getOrNull(couch.use<{ timeZone?: string }>(REF_DB), `branch:${branch}`)) as { timeZone?: string } | null;
  const timeZone = doc?.timeZone;
  return { timeZone, today: branchDay(now, timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone) };
}

/**
 * Runs `round` now, then every `everyMs`; a round still running when the next is due makes it
 * skip (a first backfill can outlast the interval). A failure is logged; the next round retries.
 */
export function scheduleRounds(name: string, everyMs: number, round: () => Promise<unknown>): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await round();
    } catch (error) {
      log(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
