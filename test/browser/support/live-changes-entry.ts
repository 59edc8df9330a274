/**
 * Browser side of live-changes-cancel.test.ts, on the app's own PouchDB set-up: does a
 * cancelled live changes feed stop reading the database? Bundled at test time (page-bundle.ts).
 */
import { BROWSER_ADAPTER, BrowserPouch } from '../../../app/data/pouch.ts';

export interface LiveChangesProbe {
  /** Reads by the cancelled feeds' handles after `writes` writes, and changes seen by a live feed. */
  readsAfterCancel(writes: number): Promise<{ cancelledReads: number; liveSeen: number }>;
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readsAfterCancel(writes: number) {
  const name = `live-changes-${Date.now()}`;
  // Each feed re-reads through the handle that opened it: counting that handle's reads counts its feed's.
  const watched = new BrowserPouch(name, { adapter: BROWSER_ADAPTER });
  const writer = new BrowserPouch(name, { adapter: BROWSER_ADAPTER });
  await Promise.all([watched.info(), writer.info()]);
  let liveSeen = 0;
  const live = writer.changes({ since: 'now', live: true }).on('change', () => void liveSeen++);
  const settled = watched.changes({ since: 'now', live: true });
  const early = watched.changes({ since: 'now', live: true });
  early.cancel(); // before its transaction opened
  await tick(100);
  settled.cancel(); // after
  let cancelledReads = 0;
  const read = watched.changes.bind(watched);
  watched.changes = ((options?: PouchDB.Core.ChangesOptions) => {
    cancelledReads++;
    return read(options);
  }) as typeof watched.changes;
  for (let i = 0; i < writes; i++) await writer.put({ _id: `doc-${i}` });
  await tick(300);
  live.cancel();
  await Promise.all([watched.destroy(), writer.close()]);
  return { cancelledReads, liveSeen };
}

(globalThis as unknown as { liveChanges: LiveChangesProbe }).liveChanges = { readsAfterCancel };
