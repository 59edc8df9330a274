/**
 * Persons this device fetched from the server (a search, a file opened) with their cases and
 * account lines, kept in a local-only database for CACHE_DAYS (docs/PEOPLE.md): the counter
 * still opens their file when the link drops. Copies carry `cachedAt` and the derived `search`
 * field for the same Mango indexes as the replica; never replicated, so both are the device's own.
 */
import { personSearchField } from '../../couch-design/search/person-keys.ts';
import type { Person } from '../../couch-design/types/person.ts';
import type { Db, DocBase } from '../data/docs.ts';

export const CACHE_DAYS = 30;
const DAY_MS = 86_400_000;

type Cached = DocBase & { cachedAt: string; _rev?: string };

/** Stores (or refreshes) server documents in the cache. */
export async function remember(cache: Db, docs: readonly DocBase[], now = new Date()): Promise<void> {
  if (docs.length === 0) return;
  const ids = docs.map((d) => d._id);
  const existing = await cache.allDocs({ keys: ids });
  const revs = new Map<string, string>();
  for (const row of existing.rows) if ('value' in row && row.value && !row.value.deleted) revs.set(row.id, row.value.rev);
  const copies = docs.map((doc) => {
    const { _rev: _serverRev, ...rest } = doc;
    const copy: Cached = { ...rest, cachedAt: now.toISOString() };
    if (doc.type === 'person') (copy as unknown as Person).search = personSearchField(doc as unknown as Person);
    const rev = revs.get(doc._id);
    if (rev) copy._rev = rev;
    return copy;
  });
  await cache.bulkDocs(copies as PouchDB.Core.PutDocument<{}>[]);
}

/** Forgets copies older than CACHE_DAYS; once per session is enough. */
export async function forgetStale(cache: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - CACHE_DAYS * DAY_MS).toISOString();
  await cache.createIndex({ index: { fields: ['cachedAt'], ddoc: 'fo-cache-age', name: 'fo-cache-age' } });
  const stale = await cache.find({ selector: { cachedAt: { $lt: cutoff } }, fields: ['_id', '_rev'], use_index: 'fo-cache-age' });
  if (stale.docs.length === 0) return 0;
  await cache.bulkDocs(stale.docs.map((d) => ({ _id: d._id, _rev: d._rev, _deleted: true })));
  return stale.docs.length;
}

/** A cached copy as the server's document: without the cache's own field. */
export function fromCache<T extends DocBase>(doc: T & { cachedAt?: string }): T {
  const { cachedAt: _cachedAt, ...rest } = doc;
  return rest as T;
}
