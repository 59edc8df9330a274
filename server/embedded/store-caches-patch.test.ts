import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installPatchedPouchdbNode } from './pouchdb-node-patch.ts';

/*
 * The engine's database library with its caches (the security object, the design documents'
 * revisions), on LevelDB files: each is read from disk once, and every way of writing it is
 * seen at once by the next read. (This file runs in a process of its own, so the patched
 * library stays here.)
 */
const require = createRequire(import.meta.url);
const SECURITY = '_local/_security';
const members = (role: string) => ({ members: { roles: [role], names: [] }, admins: { roles: [], names: [] } });

describe('pouchdb-node caches of the security object and design documents', () => {
  let dir: string;
  let PouchDB: any;
  let levelReads = 0;
  let rangeReads = 0;
  /** A read to make, and wait for, once a write has been handed to LevelDB and before it lands. */
  let readBeforeLanding: (() => Promise<unknown>) | null = null;
  /** Holds the answer of the next LevelDB read until this promise settles. */
  let holdNextAnswer: Promise<unknown> | null = null;
  beforeAll(() => {
    installPatchedPouchdbNode(import.meta.url);
    PouchDB = require('pouchdb-node');
    // Every LevelDB read of the engine goes through here: counted, to tell a cached answer.
    const LevelDOWN = require(createRequire(require.resolve('pouchdb-node')).resolve('leveldown'));
    const get = LevelDOWN.prototype._get;
    LevelDOWN.prototype._get = function (key: unknown, options: unknown, callback: (...answer: unknown[]) => void) {
      levelReads++;
      const hold = holdNextAnswer;
      holdNextAnswer = null;
      if (!hold) return get.call(this, key, options, callback);
      get.call(this, key, options, (...answer: unknown[]) => void hold.then(() => callback(...answer)));
    };
    const iterator = LevelDOWN.prototype._iterator;
    LevelDOWN.prototype._iterator = function (...args: unknown[]) {
      rangeReads++;
      return iterator.apply(this, args);
    };
    const batch = LevelDOWN.prototype._batch;
    LevelDOWN.prototype._batch = function (...args: unknown[]) {
      const read = readBeforeLanding;
      readBeforeLanding = null;
      if (!read) return batch.apply(this, args);
      void read().then(() => batch.apply(this, args));
    };
    dir = mkdtempSync(join(tmpdir(), 'fo-security-cache-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const readsOf = async (read: () => Promise<unknown>) => {
    const before = levelReads;
    const value = await read();
    return { value, reads: levelReads - before };
  };

  it('reads the security object from disk once, then from memory, a copy each time', async () => {
    const db = new PouchDB(join(dir, 'once'));
    await db.put({ _id: SECURITY, security: members('agent') });
    const first = await readsOf(() => db.get(SECURITY));
    expect(first.reads).toBe(1);
    const again = await readsOf(() => db.get(SECURITY));
    expect(again.reads).toBe(0);
    expect(again.value).toEqual(first.value);
    (again.value as { security: { members: { roles: string[] } } }).security.members.roles.push('intruder');
    expect((await db.get(SECURITY)).security.members.roles).toEqual(['agent']);
    // Another instance of the same database shares the cache; other local documents are not cached.
    const second = new PouchDB(join(dir, 'once'));
    await second.info();
    expect((await readsOf(() => second.get(SECURITY))).reads).toBe(0);
    await db.put({ _id: '_local/checkpoint', seq: 1 });
    expect((await readsOf(() => db.get('_local/checkpoint'))).reads).toBe(1);
    expect((await readsOf(() => db.get('_local/checkpoint'))).reads).toBe(1);
  });

  it('sees every write of it at once: put, bulk write, removal, from another instance, and a deleted database', async () => {
    const db = new PouchDB(join(dir, 'writes'));
    const other = new PouchDB(join(dir, 'writes'));
    let doc = await db.put({ _id: SECURITY, security: members('a') });
    expect((await db.get(SECURITY)).security).toEqual(members('a'));
    doc = await other.put({ _id: SECURITY, _rev: doc.rev, security: members('b') });
    expect((await db.get(SECURITY)).security).toEqual(members('b'));
    const [bulk] = await db.bulkDocs([{ _id: SECURITY, _rev: doc.rev, security: members('c') }]);
    expect((await other.get(SECURITY)).security).toEqual(members('c'));
    await db.remove({ _id: SECURITY, _rev: bulk.rev });
    await expect(other.get(SECURITY)).rejects.toMatchObject({ status: 404 });
    await db.put({ _id: SECURITY, security: members('d') });
    expect((await other.get(SECURITY)).security).toEqual(members('d'));
    await db.destroy();
    const recreated = new PouchDB(join(dir, 'writes'));
    await expect(recreated.get(SECURITY)).rejects.toMatchObject({ status: 404 });
  });

  // Timing left to LevelDB: the two tests below force each race this one may or may not meet.
  it('reads asked together with writes: each write is seen by the next read after it', async () => {
    const db = new PouchDB(join(dir, 'race'));
    let rev = (await db.put({ _id: SECURITY, security: members('r0') })).rev;
    for (let i = 1; i <= 40; i++) {
      // Reads asked before and just after the write, all at once.
      const reads = [db.get(SECURITY), db.get(SECURITY)];
      const write = db.put({ _id: SECURITY, _rev: rev, security: members(`r${i}`) });
      reads.push(db.get(SECURITY));
      rev = (await write).rev;
      await Promise.all(reads);
      expect((await db.get(SECURITY)).security).toEqual(members(`r${i}`));
    }
  });

  it('does not keep the old value read between a write’s start and its landing', async () => {
    const db = new PouchDB(join(dir, 'landing'));
    const { rev } = await db.put({ _id: SECURITY, security: members('old') });
    let during: unknown;
    readBeforeLanding = async () => (during = (await db.get(SECURITY)).security);
    await db.put({ _id: SECURITY, _rev: rev, security: members('new') });
    expect(during).toEqual(members('old'));
    expect((await db.get(SECURITY)).security).toEqual(members('new'));
  });

  it('does not keep the old value of a read that was answered after a write landed', async () => {
    const db = new PouchDB(join(dir, 'late'));
    const { rev } = await db.put({ _id: SECURITY, security: members('old') });
    let landed!: () => void;
    holdNextAnswer = new Promise<void>((resolve) => (landed = resolve));
    const late = db.get(SECURITY);
    await db.put({ _id: SECURITY, _rev: rev, security: members('new') });
    landed();
    expect((await late).security).toEqual(members('old'));
    expect((await db.get(SECURITY)).security).toEqual(members('new'));
  });

  const ranges = async (read: () => Promise<unknown>) => {
    const before = rangeReads;
    const value = await read();
    return { value, ranges: rangeReads - before };
  };
  const design = (id: string, extra: Record<string, unknown> = {}) => ({ _id: `_design/${id}`, validate_doc_update: 'function () {}', ...extra });

  it('lists the design documents’ revisions once, then from memory, and sees every write of one at once', async () => {
    const db = new PouchDB(join(dir, 'designs'));
    const other = new PouchDB(join(dir, 'designs'));
    await other.info();
    const a = await db.put(design('a'));
    await db.put({ _id: 'ticket:1', type: 'ticket' });
    const first = await ranges(() => db._designRevisions());
    expect(first.value).toEqual([{ id: '_design/a', rev: a.rev }]);
    expect(first.ranges).toBe(1);
    // Other documents written meanwhile change nothing; another instance shares the list.
    await db.put({ _id: 'ticket:2', type: 'ticket' });
    expect(await ranges(() => other._designRevisions())).toEqual({ value: first.value, ranges: 0 });

    const b = await other.put(design('b'));
    expect(await db._designRevisions()).toEqual([{ id: '_design/a', rev: a.rev }, { id: '_design/b', rev: b.rev }]);
    const [a2] = await db.bulkDocs([design('a', { _rev: a.rev, version: 2 })]);
    expect(await other._designRevisions()).toEqual([{ id: '_design/a', rev: a2.rev }, { id: '_design/b', rev: b.rev }]);
    await other.remove('_design/b', b.rev);
    expect(await db._designRevisions()).toEqual([{ id: '_design/a', rev: a2.rev }]);
    // As a replicator writes it, with its revision.
    await db.bulkDocs([{ ...design('c'), _rev: '1-abc' }], { new_edits: false });
    expect(await other._designRevisions()).toEqual([{ id: '_design/a', rev: a2.rev }, { id: '_design/c', rev: '1-abc' }]);
    await db.destroy();
    // Asked before the new database is open, then once it is.
    const recreated = new PouchDB(join(dir, 'designs'));
    expect(await recreated._designRevisions()).toEqual([]);
    await recreated.put(design('d'));
    expect(((await recreated._designRevisions()) as { id: string }[]).map((r) => r.id)).toEqual(['_design/d']);
  });

  it('drops a listing made just before a design write, once that write is under way', async () => {
    const db = new PouchDB(join(dir, 'designs-queued'));
    const a = await db.put(design('a'));
    // Asked together: reads and writes of one database take turns, so the listing comes first.
    const [listed] = await Promise.all([db._designRevisions(), db.put(design('b'))]);
    expect(listed).toEqual([{ id: '_design/a', rev: a.rev }]);
    const revs = (await db._designRevisions()) as { id: string }[];
    expect(revs.map((r) => r.id)).toEqual(['_design/a', '_design/b']);
  });
});
