import { describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import MemoryAdapter from 'pouchdb-adapter-memory';
import { LIVE_PULL_CHECKPOINT, livePull, type LivePull } from './live-pull.ts';

PouchDB.plugin(MemoryAdapter);

let n = 0;
const fresh = () => new PouchDB(`live-pull-${++n}`, { adapter: 'memory' }) as PouchDB.Database<{}>;
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The two endpoints the pull uses, answered from a memory database as CouchDB would; logs each request. */
function serverOf(remote: PouchDB.Database<{}>, log: string[], status = 200): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    log.push(`${init?.method ?? 'GET'} ${url.pathname.split('/').pop()}${url.searchParams.get('since') !== null ? ` since=${url.searchParams.get('since')}` : ''}`);
    if (status !== 200) return json({ error: 'unauthorized' }, status);
    if (url.pathname.endsWith('/_bulk_get')) {
      const { docs } = JSON.parse(String(init!.body)) as { docs: { id: string; rev: string }[] };
      return json(await remote.bulkGet({ docs, revs: true, attachments: true }));
    }
    const q = url.searchParams;
    const read = () => remote.changes({ since: Number(q.get('since')), include_docs: true, style: 'all_docs', conflicts: true, limit: Number(q.get('limit')) } as PouchDB.Core.ChangesOptions);
    let page = await read();
    if (q.get('feed') === 'longpoll' && page.results.length === 0) {
      await new Promise<void>((resolve) => {
        const feed = remote.changes({ since: Number(q.get('since')), live: true }).on('change', () => {
          feed.cancel();
          resolve();
        });
        init?.signal?.addEventListener('abort', () => feed.cancel());
      });
      page = await read();
    }
    return json({ results: page.results, last_seq: page.last_seq });
  }) as typeof fetch;
}

/** Resolves at the pull's next pause without error. */
const paused = (pull: LivePull) => new Promise<void>((resolve) => pull.on('paused', (error?: unknown) => error === undefined && resolve()));

async function sameAsServer(local: PouchDB.Database<{}>, remote: PouchDB.Database<{}>) {
  const [mine, theirs] = await Promise.all([local.allDocs(), remote.allDocs()]);
  expect(mine.rows.map((r) => [r.id, r.value.rev])).toEqual(theirs.rows.map((r) => [r.id, r.value.rev]));
}

describe('livePull', () => {
  it('writes new documents straight from the feed, reads updates, deletions and conflicts with their history, and follows live', async () => {
    const remote = fresh();
    const local = fresh();
    await remote.bulkDocs(Array.from({ length: 5 }, (_, i) => ({ _id: `doc:${i}`, i })));
    // Known to the replica already at an older revision: the update needs its history.
    await local.bulkDocs([await remote.get('doc:1'), await remote.get('doc:2')], { new_edits: false });
    await remote.put({ ...(await remote.get<{ i: number }>('doc:1')), i: -1 });
    await remote.remove(await remote.get('doc:2'));
    await remote.bulkDocs([{ _id: 'doc:3', _rev: '1-ffffffffffffffffffffffffffffffff', other: true }], { new_edits: false });

    const log: string[] = [];
    const pull = livePull({ local, remote: 'http://server/db/fo_branch_dla', fetch: serverOf(remote, log), since: null, backoff: () => 10 });
    const changed: string[] = [];
    pull.on('change', (info: { docs: { _id: string }[] }) => changed.push(...info.docs.map((d) => d._id)));
    await paused(pull);
    await sameAsServer(local, remote);
    expect((await local.get('doc:1', { revs: true }))._revisions?.ids).toHaveLength(2);
    expect((await local.get('doc:3', { conflicts: true }))._conflicts).toHaveLength(1);
    await expect(local.get('doc:2')).rejects.toMatchObject({ status: 404 });
    expect(log.filter((l) => l.startsWith('POST _bulk_get'))).toHaveLength(1);

    // Live: a new ticket on the server is one request, no _bulk_get; an update reads its history.
    log.length = 0;
    const next = paused(pull);
    await remote.put({ _id: 'doc:9', i: 9 });
    await next;
    expect(await local.get('doc:9')).toMatchObject({ i: 9, _rev: (await remote.get('doc:9'))._rev });
    expect(log.filter((l) => l.startsWith('POST'))).toEqual([]);
    const again = paused(pull);
    await remote.put({ ...(await remote.get<{ i: number }>('doc:9')), i: 10 });
    await again;
    expect((await local.get('doc:9', { revs: true }))._revisions?.ids).toHaveLength(2);
    await sameAsServer(local, remote);
    expect(changed).toContain('doc:9');
    pull.cancel();
  });

  it('keeps its checkpoint in the replica only and starts from it again', async () => {
    const remote = fresh();
    const local = fresh();
    await remote.bulkDocs(Array.from({ length: 3 }, (_, i) => ({ _id: `doc:${i}`, i })));
    const log: string[] = [];
    const first = livePull({ local, remote: 'http://server/db/x', fetch: serverOf(remote, log), since: null, backoff: () => 10 });
    await paused(first);
    first.cancel();
    const seq = (await remote.info()).update_seq;
    expect(await local.get(LIVE_PULL_CHECKPOINT)).toMatchObject({ since: seq });
    expect(log.every((l) => !l.startsWith('PUT'))).toBe(true);

    log.length = 0;
    const second = livePull({ local, remote: 'http://server/db/x', fetch: serverOf(remote, log), since: null, backoff: () => 10 });
    await paused(second);
    second.cancel();
    expect(log[0]).toBe(`GET _changes since=${seq}`);
    // A bootstrap's sequence, when given, rules.
    log.length = 0;
    const third = livePull({ local, remote: 'http://server/db/x', fetch: serverOf(remote, log), since: 1, backoff: () => 10 });
    await paused(third);
    third.cancel();
    expect(log[0]).toBe('GET _changes since=1');
    await sameAsServer(local, remote);
    // Started from a bootstrap that left nothing to read: the checkpoint is written all the same.
    const other = fresh();
    const fourth = livePull({ local: other, remote: 'http://server/db/x', fetch: serverOf(remote, []), since: seq, backoff: () => 10 });
    await paused(fourth);
    fourth.cancel();
    expect(await other.get(LIVE_PULL_CHECKPOINT)).toMatchObject({ since: seq });
  });

  it('stops with an unauthorized error when the session is gone', async () => {
    const pull = livePull({ local: fresh(), remote: 'http://server/db/x', fetch: serverOf(fresh(), [], 401), since: null, backoff: () => 10 });
    const error = await new Promise<{ name: string }>((resolve) => pull.on('error', resolve));
    expect(error.name).toBe('unauthorized');
  });
});
