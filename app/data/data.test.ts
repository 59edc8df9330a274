import { markOnServer } from './on-server.ts';
import { afterEach, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import MemoryAdapter from 'pouchdb-adapter-memory';
import { openDataLayer, type DataLayer } from './data-layer.ts';
import { ConflictError, NoReplicaError, ValidationError } from './errors.ts';
import { localName, replicaPlan } from './replicas.ts';
import { nextBackoff, MAX_BACKOFF_MS } from './backoff.ts';
import { initialSyncState, reduceSync, summarize, persistable, type SyncEvent, type SyncState } from './sync-state.ts';
import type { ValidateHook } from './docs.ts';

PouchDB.plugin(MemoryAdapter);

describe('replicaPlan', () => {
  it('keeps ref for all, the branch’s people for its staff (head office none), the branch for branch users, under user-prefixed names', () => {
    expect(replicaPlan({ name: 'ana', roles: ['counter', 'branch:dla'] }).map((r) => r.remote)).toEqual(['fo_ref', 'fo_people', 'fo_branch_dla', 'fo_scans_dla']);
    expect(replicaPlan({ name: 'tv1', roles: ['display', 'branch:dla'] }).map((r) => r.remote)).toEqual(['fo_ref', 'fo_branch_dla']);
    expect(replicaPlan({ name: 'boss', roles: ['supervisor', 'hq'] }).map((r) => r.remote)).toEqual(['fo_ref']);
    expect(replicaPlan({ name: 'ana', roles: ['counter', 'branch:dla'] })[1]!.filter).toEqual({ name: 'fo/people_of_branch', params: { branch: 'dla' } });
    expect(localName('ana', 'fo_ref')).not.toBe(localName('bob', 'fo_ref'));
    expect(localName('a b/c', 'fo_ref')).toBe('fo_a%20b%2Fc__fo_ref');
  });

  it('replicates pull-only where the user may write nothing', () => {
    const modes = (roles: string[]) => Object.fromEntries(replicaPlan({ name: 'x', roles }).map((r) => [r.key, r.mode]));
    expect(modes(['counter', 'branch:dla'])).toEqual({ ref: 'pull', people: 'pull', branch: 'sync', scans: 'push' });
    expect(modes(['display', 'branch:dla'])).toEqual({ ref: 'pull', branch: 'pull' });
    expect(modes(['backoffice', 'branch:dla'])).toEqual({ ref: 'pull', people: 'sync', branch: 'sync' });
    expect(modes(['admin', 'hq'])).toEqual({ ref: 'sync' });
  });

  it('gives only counter tablets the branch scans, push-only (issue 10)', () => {
    const keys = (roles: string[]) => replicaPlan({ name: 'x', roles }).map((r) => r.key);
    for (const role of ['kiosk', 'display', 'supervisor', 'reception', 'cashier', 'backoffice']) expect(keys([role, 'branch:dla']), role).not.toContain('scans');
    expect(replicaPlan({ name: 'x', roles: ['counter', 'branch:yde'] }).find((r) => r.key === 'scans')).toMatchObject({ remote: 'fo_scans_yde', mode: 'push' });
  });
});

describe('nextBackoff', () => {
  it('starts near 1 s, grows, and never passes 30 s', () => {
    expect(nextBackoff(0, () => 0.5)).toBe(1000);
    expect(nextBackoff(1000, () => 0.5)).toBe(2000);
    let d = 0;
    for (let i = 0; i < 20; i++) d = nextBackoff(d, () => 1);
    expect(d).toBe(MAX_BACKOFF_MS);
    for (let i = 0; i < 100; i++) expect(nextBackoff(MAX_BACKOFF_MS)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
  });
});

describe('data layer on a local replica', () => {
  let layer: DataLayer | null = null;
  const events: SyncEvent[] = [];
  let n = 0;
  function open(validate: ValidateHook = () => []) {
    events.length = 0;
    layer = openDataLayer({
      user: { name: `t${n++}`, roles: ['counter', 'branch:dla'] },
      Pouch: PouchDB,
      adapter: 'memory',
      remoteBase: null,
      validate,
      report: (e) => void events.push(e),
    });
    return layer;
  }
  afterEach(async () => {
    await layer?.close();
  });

  it('get answers null on a missing document', async () => {
    expect(await open().get('branch', 'ticket:nope')).toBeNull();
  });

  it('put validates, writes, reports the write, and turns 409 into ConflictError', async () => {
    const seen: unknown[] = [];
    const data = open((doc, ctx) => {
      seen.push([doc._id, ctx.db, ctx.previous?._rev ?? null]);
      return (doc as { n?: number }).n === -1 ? [{ field: 'n', code: 'invalid' }] : [];
    });
    const saved = await data.put('branch', { _id: 'ticket:dla:2025-01-02:a', type: 'ticket', n: 1 });
    expect(saved._rev).toMatch(/^1-/);
    expect(events).toContainEqual({ type: 'local-write', db: 'fo_branch_dla', id: saved._id, rev: saved._rev });
    await data.put('branch', { ...saved, n: 2 });
    expect(seen[1]).toEqual(['ticket:dla:2025-01-02:a', 'fo_branch_dla', saved._rev]);
    const error = await data.put('branch', { ...saved, n: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).cause).toMatchObject({ status: 409 });
    const invalid = await data.put('branch', { _id: 'ticket:dla:2025-01-02:b', n: -1 }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).problems).toEqual([{ field: 'n', code: 'invalid' }]);
    expect(await data.get('branch', 'ticket:dla:2025-01-02:b')).toBeNull();
  });

  it('allDocsByPrefix reads an id range in both orders', async () => {
    const data = open();
    for (const id of ['t:a:1', 't:a:2', 't:b:1', 'u:a:1']) await data.put('branch', { _id: id });
    expect((await data.allDocsByPrefix('branch', 't:a:')).map((d) => d._id)).toEqual(['t:a:1', 't:a:2']);
    expect((await data.allDocsByPrefix('branch', 't:', { descending: true, limit: 2 })).map((d) => d._id)).toEqual(['t:b:1', 't:a:2']);
    const removed = await data.remove('branch', (await data.get('branch', 't:a:1'))!);
    expect(removed._deleted).toBe(true);
    expect((await data.allDocsByPrefix('branch', 't:a:')).map((d) => d._id)).toEqual(['t:a:2']);
  });

  it('reports a write made through another handle on the same replica (issue 9 item 7: the queue screens write so)', async () => {
    const data = open();
    const other = new PouchDB(localName(`t${n - 1}`, 'fo_branch_dla'), { adapter: 'memory' });
    const written = await other.put({ _id: 'ticket:dla:2025-01-02:F:1001', type: 'ticket' });
    await expect.poll(() => events).toContainEqual({ type: 'local-write', db: 'fo_branch_dla', id: written.id, rev: written.rev });
    // ...and a replica the user only pulls counts nothing.
    await new PouchDB(localName(`t${n - 1}`, 'fo_ref'), { adapter: 'memory' }).put({ _id: 'service:A' });
    await data.put('branch', { _id: 'ticket:dla:2025-01-02:F:1002' });
    expect(events.filter((e) => e.type === 'local-write' && e.db === 'fo_ref')).toEqual([]);
  });

  it('does not count the copy of a revision this device already wrote to the server (remote-write.ts)', async () => {
    open();
    const other = new PouchDB(localName(`t${n - 1}`, 'fo_branch_dla'), { adapter: 'memory' });
    const rev = '1-5e1f0c2a7b3d4e6f8a9b0c1d2e3f4a5b';
    markOnServer('fo_branch_dla', 'counterstate:dla:C01', rev);
    await other.bulkDocs([{ _id: 'counterstate:dla:C01', _rev: rev, type: 'counter_state' } as never], { new_edits: false });
    const local = await other.put({ _id: 'ticket:dla:2025-01-02:F:1003', type: 'ticket' });
    // The ordinary write after it is reported, so the copy's event had its turn before it.
    await expect.poll(() => events).toContainEqual({ type: 'local-write', db: 'fo_branch_dla', id: local.id, rev: local.rev });
    expect(events.filter((e) => e.type === 'local-write' && e.id === 'counterstate:dla:C01')).toEqual([]);
  });

  it('refuses a replica this user does not keep', async () => {
    const data = openDataLayer({ user: { name: `k${n++}`, roles: ['kiosk', 'branch:dla'] }, Pouch: PouchDB, adapter: 'memory', remoteBase: null, validate: () => [], report: () => {} });
    layer = data;
    await expect(data.get('people', 'x')).rejects.toBeInstanceOf(NoReplicaError);
  });
});

describe('sync state', () => {
  const run = (events: SyncEvent[], start: SyncState = initialSyncState(true)) =>
    events.reduce((s, e, i) => reduceSync(s, e, 1000 + i), start);
  const db = 'fo_branch_dla';

  it('is syncing until caught up both ways, then online with a last-synced time', () => {
    let s = run([{ type: 'started', db, directions: ['push', 'pull'] }]);
    expect(summarize(s).indicator).toBe('syncing');
    expect(summarize(s).firstSync).toEqual({ done: 0, total: null });
    s = run([{ type: 'expected', db, total: 5 }, { type: 'active', db, direction: 'pull' }, { type: 'change', db, direction: 'pull', docs: [{ _id: 'a' }, { _id: 'b' }] }], s);
    expect(summarize(s).firstSync).toEqual({ done: 2, total: 5 });
    s = run([{ type: 'paused', db, direction: 'push', error: null }, { type: 'paused', db, direction: 'pull', error: null }], s);
    expect(summarize(s)).toMatchObject({ indicator: 'online', firstSync: null, pending: 0 });
    expect(summarize(s).lastSynced).not.toBeNull();
  });

  it('has no first pull to wait for on a push-only replica (scans), and counts its writes until pushed', () => {
    const scans = 'fo_scans_dla';
    let s = run([{ type: 'started', db: scans, directions: ['push'] }, { type: 'local-write', db: scans, id: 'scan:a', rev: '1-x' }]);
    expect(summarize(s)).toMatchObject({ firstSync: null, pending: 1, indicator: 'syncing' });
    s = run([{ type: 'active', db: scans, direction: 'push' }, { type: 'paused', db: scans, direction: 'push', error: null }], s);
    expect(summarize(s)).toMatchObject({ indicator: 'online', pending: 0 });
    expect(summarize(s).lastSynced).not.toBeNull();
  });

  it('counts local writes as pending until pushed, and keeps them across a reload', () => {
    let s = run([{ type: 'started', db, directions: ['push', 'pull'] }, { type: 'local-write', db, id: 'a', rev: '1-x' }, { type: 'local-write', db, id: 'b', rev: '1-y' }]);
    expect(summarize(s).pending).toBe(2);
    s = run([{ type: 'paused', db, direction: 'push', error: 'Failed to fetch' }], s);
    expect(summarize(s)).toMatchObject({ indicator: 'offline', pending: 2 });
    const reloaded = initialSyncState(false, JSON.parse(JSON.stringify(persistable(s))));
    expect(summarize(reloaded)).toMatchObject({ indicator: 'offline', pending: 2 });
    s = run([{ type: 'change', db, direction: 'push', docs: [{ _id: 'a', _rev: '1-x' }, { _id: 'b', _rev: '0-old' }] }], s);
    expect(summarize(s).pending).toBe(1);
    s = run([{ type: 'paused', db, direction: 'push', error: null }], s);
    expect(summarize(s).pending).toBe(0);
  });

  it('drops a pending write that the pull shows already on the server', () => {
    let s = run([{ type: 'started', db, directions: ['push', 'pull'] }, { type: 'local-write', db, id: 'a', rev: '2-x' }, { type: 'local-write', db, id: 'b', rev: '1-y' }]);
    s = run([{ type: 'change', db, direction: 'pull', docs: [{ _id: 'a', _rev: '2-x' }, { _id: 'b', _rev: '2-z' }] }], s);
    expect(summarize(s).pending).toBe(1);
  });

  it('shows a denial with its reason until dismissed, and a lost session as an error', () => {
    let s = run([{ type: 'denied', db, id: 'cash:1', reason: 'Only cashiers may write cash entries' }]);
    expect(summarize(s).indicator).toBe('error');
    expect(summarize(s).denials[0]).toMatchObject({ id: 'cash:1', reason: 'Only cashiers may write cash entries' });
    s = run([{ type: 'dismiss' }], s);
    expect(summarize(s).denials).toEqual([]);
    s = run([{ type: 'fatal', db, code: 'unauthorized' }], s);
    expect(summarize(s)).toMatchObject({ indicator: 'error', fatal: 'unauthorized' });
    s = run([{ type: 'started', db, directions: ['push', 'pull'] }], s);
    expect(summarize(s).fatal).toBeNull();
  });

  it('settles a pull-only replica on its pull alone, last-synced included', () => {
    const s = run([
      { type: 'started', db, directions: ['pull'] },
      { type: 'active', db, direction: 'pull' },
      { type: 'paused', db, direction: 'pull', error: null },
    ]);
    expect(summarize(s).indicator).toBe('online');
    expect(summarize(s).lastSynced).not.toBeNull();
  });

  it('is offline when the device says so', () => {
    expect(summarize(run([{ type: 'network', online: false }])).indicator).toBe('offline');
  });
});
