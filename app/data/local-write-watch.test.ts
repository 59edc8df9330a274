import { describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import MemoryAdapter from 'pouchdb-adapter-memory';
import { BOOTSTRAP_PAGE, bootstrapReplica, type PageWrite } from './bootstrap.ts';
import { watchLocalWrites } from './local-write-watch.ts';
import type { SyncEvent } from './sync-state.ts';

PouchDB.plugin(MemoryAdapter);

let n = 0;
const fresh = () => new PouchDB(`watch-${++n}`, { adapter: 'memory' }) as PouchDB.Database<{}>;
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

async function serverOf(count: number) {
  const remote = fresh();
  await remote.bulkDocs(Array.from({ length: count }, (_, i) => ({ _id: `doc:${String(i).padStart(5, '0')}`, i })));
  return remote;
}

/**
 * The watch is told nothing about the pages (no `pulled`): a page document read back through
 * the feed would be reported as the user's write, so the reports show what the feed read.
 */
function watched(local: PouchDB.Database<{}>) {
  const writes: string[] = [];
  const watch = watchLocalWrites('fo_branch_dla', local, (e: SyncEvent) => void (e.type === 'local-write' && writes.push(e.id)));
  return { watch, writes };
}

describe('the local-write watch around a first sync', () => {
  it('skips what the pages alone wrote and still reports every write of the user, between pages and after', async () => {
    const remote = await serverOf(BOOTSTRAP_PAGE * 2 + 10);
    const local = fresh();
    const { watch, writes } = watched(local);
    watch.pause();
    const pages: PageWrite[] = [];
    const between: Promise<unknown>[] = [];
    await bootstrapReplica(
      local,
      remote,
      (_docs, written) => {
        if (written) pages.push(written);
        // The user works while the first sync runs (a write lands between two pages).
        between.push(local.put({ _id: `mine:page-${pages.length}` }));
      },
      () => false,
    );
    await Promise.all(between);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    await watch.resume(pages);
    await local.put({ _id: 'mine:after' });
    await settle();
    expect(writes.sort()).toEqual(['mine:after', 'mine:page-1', 'mine:page-2', 'mine:page-3']);
    watch.cancel();
  });

  it('reads a page back when another write took a sequence during it', async () => {
    const remote = await serverOf(30);
    const local = fresh();
    // Someone else writes while the page is being written: the page did not take its sequences alone.
    const sharing = new Proxy(local, {
      get(target, key) {
        if (key !== 'bulkDocs') return Reflect.get(target, key);
        return async (...args: Parameters<typeof local.bulkDocs>) => {
          await target.put({ _id: 'mine:during' });
          return target.bulkDocs(...args);
        };
      },
    });
    const { watch, writes } = watched(local);
    watch.pause();
    const pages: (PageWrite | null)[] = [];
    await bootstrapReplica(sharing, remote, (_docs, written) => pages.push(written), () => false);
    expect(pages).toEqual([null]);
    await watch.resume([]);
    await settle();
    expect(writes).toContain('mine:during');
    expect(writes).toHaveLength(31); // the page read back: 30 server documents, unjudged here, and the write
    watch.cancel();
  });
});
