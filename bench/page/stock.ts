/**
 * "Stock": PouchDB as a typical browser app uses it. pouchdb-core with the default browser
 * adapter (idb), http and replication, and `PouchDB.replicate(remote, local)` with no options
 * (batch_size 100, batches_limit 10, one-shot).
 */
import PouchDB from 'pouchdb-core';
import IdbAdapter from 'pouchdb-adapter-idb';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';
import type { RunRequest, RunResult } from './protocol.ts';

PouchDB.plugin(IdbAdapter).plugin(HttpAdapter).plugin(Replication);

export async function run(request: RunRequest): Promise<RunResult> {
  const started = performance.now();
  const remote = new PouchDB(`${location.origin}/db/${request.db}`);
  const local = new PouchDB(`stock_${request.db}`);
  const result = await PouchDB.replicate(remote, local);
  const ended = performance.now();
  if (!result.ok) throw new Error(`replication not ok: ${JSON.stringify(result.errors)}`);
  const info = await local.info();
  // PouchDB sets `adapter` on every instance; @types/pouchdb leaves it out.
  const adapter = (local as PouchDB.Database & { adapter: string }).adapter;
  await Promise.all([local.close(), remote.close()]);
  return { variant: 'stock', db: request.db, ms: ended - started, docCount: info.doc_count, adapter, written: result.docs_written, mode: 'replicate' };
}
