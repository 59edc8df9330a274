import { afterEach, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import MemoryAdapter from 'pouchdb-adapter-memory';
import { openRemoteWriter, type RemoteWriter } from '../data/remote-write.ts';
import { RefSaveError, failureOf } from './save-failure.ts';

PouchDB.plugin(MemoryAdapter);

let writer: RemoteWriter | null = null;
afterEach(async () => {
  await writer?.close();
  writer = null;
});

/** A remote writer whose server answers every write with `status` and `body`, as the gateway does. */
function writerAnswering(status: number, body: unknown): RemoteWriter {
  writer = openRemoteWriter({
    Pouch: PouchDB,
    adapter: 'memory',
    local: `save-failure-${Math.random()}`,
    remote: 'fo_ref',
    remoteBase: 'http://server.test/db',
    user: { name: 'admin.hq', roles: ['admin', 'hq'] },
    validate: () => [],
    fetch: async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  });
  return writer;
}

async function failureOfWrite(status: number, body: unknown): Promise<RefSaveError> {
  try {
    await writerAnswering(status, body).writeArbitrated({ _id: 'doctype:0215', _deleted: true } as never);
  } catch (error) {
    return new RefSaveError(failureOf(error, false), error);
  }
  throw new Error('the write was not refused');
}

describe('a save failure as the screen says it', () => {
  it("the gateway's refusal of a document type still required reaches the screen with its events", async () => {
    const failure = await failureOfWrite(403, { error: 'forbidden', reason: '_deleted: in_use', events: ['family_benefits_male'] });
    expect(failure.failure).toBe('in_use');
    expect(failure.events).toEqual(['family_benefits_male']);
  });

  it('other refusals keep their meaning and carry no events', async () => {
    expect((await failureOfWrite(403, { error: 'forbidden', reason: 'series: series_taken' })).failure).toBe('series_taken');
    const forbidden = await failureOfWrite(403, { error: 'forbidden', reason: '_id: forbidden_role' });
    expect([forbidden.failure, forbidden.events]).toEqual(['forbidden', []]);
    expect((await failureOfWrite(409, { error: 'conflict', reason: 'Document update conflict.' })).failure).toBe('conflict');
  });
});
