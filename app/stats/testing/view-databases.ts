/**
 * For the statistics tests: in-memory PouchDB databases holding the built design documents
 * (the real views, as CouchDB gets them) and a log, queried like the app queries them.
 * Registers the file's hooks: design documents built once, databases destroyed at the end.
 */
import { afterAll, beforeAll } from 'vitest';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import { buildDesignDocs, type DbKind, type DesignDoc } from '../../../couch-design/build/build-design-docs.ts';
import type { ViewQuery } from '../report-types.ts';

PouchDB.plugin(memory).plugin(mapreduce);

export type ViewsOver = (kind: DbKind, docs: readonly object[]) => Promise<ViewQuery>;

export function useViewDatabases(): ViewsOver {
  let built: Record<DbKind, DesignDoc[]> | null = null;
  const open: PouchDB.Database[] = [];
  let n = 0;
  beforeAll(async () => {
    built = await buildDesignDocs();
  }, 30_000);
  afterAll(async () => {
    for (const db of open) await db.destroy();
  });
  return async (kind, docs) => {
    if (!built) throw new Error('design documents not built yet');
    const db = new PouchDB(`stats-views-${n++}`, { adapter: 'memory' });
    open.push(db);
    await db.bulkDocs([...built[kind], ...docs] as PouchDB.Core.PutDocument<object>[]);
    return (view, params) => db.query(view, params);
  };
}
