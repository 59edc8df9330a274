import type { Couch } from './couch-client.ts';

const CHUNK = 1000;

/**
 * Writes the documents whose id the database does not hold yet, in chunks. Existing documents
 * are never overwritten: seeding must not undo what users changed since.
 */
export async function insertMissing(couch: Couch, dbName: string, docs: readonly { _id: string }[]): Promise<number> {
  const db = couch.use(dbName);
  let inserted = 0;
  for (let i = 0; i < docs.length; i += CHUNK) {
    const chunk = docs.slice(i, i + CHUNK);
    const found = await db.fetchRevs({ keys: chunk.map((d) => d._id) });
    const present = new Set(found.rows.filter((r) => 'value' in r && r.value).map((r) => r.key));
    const missing = chunk.filter((d) => !present.has(d._id));
    if (missing.length === 0) continue;
    const results = await db.bulk({ docs: missing });
    const failed = results.filter((r) => r.error);
    if (failed.length) throw new Error(`seeding ${dbName}: ${failed.length} refused, first: ${failed[0]!.id} ${failed[0]!.reason}`);
    inserted += missing.length;
  }
  return inserted;
}
