/**
 * The device's Mango indexes over persons (pouchdb-find; design-document map functions cannot
 * run in the browser under the CSP): the `search` field every person carries (its normalised
 * names, couch-design/search/person-keys.ts) and the employer account. Created once per
 * database and session; createIndex is a no-op when the index exists.
 */
import type { Db } from '../data/docs.ts';

export const FAMILY_INDEX = 'fo-people-family';
export const FAMILY_START_INDEX = 'fo-people-family-start';
export const GIVEN_INDEX = 'fo-people-given';
export const SOUND_INDEX = 'fo-people-sound';
export const ACCOUNT_INDEX = 'fo-people-account';

const INDEXES: readonly { ddoc: string; fields: string[] }[] = [
  { ddoc: FAMILY_INDEX, fields: ['search.family', 'search.given'] },
  // A range on the first field of the two-field index alone is read whole before its limit
  // (pouchdb-find 9: 3.3 s against 19 ms for 15,000 namesakes, limit 50): one word needs its own.
  { ddoc: FAMILY_START_INDEX, fields: ['search.family'] },
  { ddoc: GIVEN_INDEX, fields: ['search.given'] },
  { ddoc: SOUND_INDEX, fields: ['search.sound'] },
  { ddoc: ACCOUNT_INDEX, fields: ['accountNumber'] },
];

const ready = new WeakMap<Db, Promise<void>>();

export function ensurePeopleIndexes(db: Db): Promise<void> {
  let done = ready.get(db);
  if (!done) {
    done = (async () => {
      for (const { ddoc, fields } of INDEXES) await db.createIndex({ index: { fields, ddoc, name: ddoc } });
    })();
    // A failure (database closed at sign-out) is retried by the next search, not remembered.
    done.catch(() => ready.delete(db));
    ready.set(db, done);
  }
  return done;
}
