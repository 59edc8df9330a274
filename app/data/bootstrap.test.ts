import { describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import MemoryAdapter from 'pouchdb-adapter-memory';
import Replication from 'pouchdb-replication';
import { BOOTSTRAP_MARK, BOOTSTRAP_PAGE, bootstrapReplica, handOver } from './bootstrap.ts';

PouchDB.plugin(MemoryAdapter).plugin(Replication);

let n = 0;
const fresh = () => new PouchDB(`bootstrap-${++n}`, { adapter: 'memory' }) as PouchDB.Database<{}>;

/** A server database of `count` documents, one of them updated, one deleted, one conflicted, one with an attachment. */
async function serverDb(count: number) {
  const remote = fresh();
  await remote.bulkDocs(Array.from({ length: count }, (_, i) => ({ _id: `doc:${String(i).padStart(5, '0')}`, i })));
  const updated = await remote.get<{ i: number }>('doc:00001');
  await remote.put({ ...updated, i: -1 });
  const gone = await remote.get('doc:00002');
  await remote.remove(gone);
  await remote.bulkDocs([{ _id: 'doc:00003', _rev: '1-ffffffffffffffffffffffffffffffff', other: true }], { new_edits: false });
  await remote.put({ _id: 'scan:1', _attachments: { 'scan.jpg': { content_type: 'image/jpeg', data: Buffer.from('not really a jpeg').toString('base64') } } });
  return remote;
}

describe('bootstrapReplica', () => {
  it('copies an empty replica page by page with the server’s revisions, conflicts and attachments, and the pull goes on from there', async () => {
    const remote = await serverDb(BOOTSTRAP_PAGE * 2 + 100);
    const local = fresh();
    const pages: number[] = [];
    const start = await bootstrapReplica(local, remote, (docs) => pages.push(docs.length), () => false);

    expect(start.since).toBe((await remote.info()).update_seq);
    expect(pages.length).toBe(3);
    const [mine, theirs] = await Promise.all([local.allDocs(), remote.allDocs()]);
    expect(mine.rows.map((r) => [r.id, r.value.rev])).toEqual(theirs.rows.map((r) => [r.id, r.value.rev]));
    expect(await local.get('doc:00001')).toMatchObject({ i: -1 });
    await expect(local.get('doc:00002')).rejects.toMatchObject({ status: 404 });
    expect((await local.get('doc:00003', { conflicts: true }))._conflicts).toHaveLength(1);
    const scan = await local.getAttachment('scan:1', 'scan.jpg');
    expect(Buffer.from(scan as Buffer).toString()).toBe('not really a jpeg');

    // A later change on the server arrives through the ordinary replication from that sequence.
    const later = await remote.get<{ i: number }>('doc:00010');
    await remote.put({ ...later, i: 1000 });
    await local.replicate.from(remote, { since: start.since ?? undefined });
    expect(await local.get('doc:00010')).toMatchObject({ i: 1000, _rev: (await remote.get('doc:00010'))._rev });
  });

  it('resumes a cut first sync from the last page it wrote, and hands over to the replication once it caught up', async () => {
    const remote = await serverDb(BOOTSTRAP_PAGE + 500);
    const local = fresh();
    let pages = 0;
    await bootstrapReplica(local, remote, () => pages++, () => pages >= 1);
    expect(pages).toBe(1);
    expect((await local.info()).doc_count).toBe(BOOTSTRAP_PAGE);

    const seen: string[] = [];
    const start = await bootstrapReplica(local, remote, (docs) => seen.push(...docs.map((d) => d._id)), () => false);
    expect(seen.length).toBe((await remote.info()).doc_count - BOOTSTRAP_PAGE);
    expect((await local.info()).doc_count).toBe((await remote.info()).doc_count);
    expect(start.since).toBe((await remote.info()).update_seq);

    await handOver(local);
    expect(await bootstrapReplica(local, remote, () => pages++, () => false)).toEqual({ since: null });
    expect(await local.get(BOOTSTRAP_MARK)).toMatchObject({ handedOver: true });
  });

  it('leaves a replica that already holds documents to the replication', async () => {
    const remote = await serverDb(10);
    const local = fresh();
    await local.put({ _id: 'mine' });
    expect(await bootstrapReplica(local, remote, () => undefined, () => false)).toEqual({ since: null });
    expect((await local.info()).doc_count).toBe(1);
  });
});
