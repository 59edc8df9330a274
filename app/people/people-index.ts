/**
 * The device's Mango indexes over persons (pouchdb-find; design-document map functions cannot
 * run in the browser under the CSP): the `search` field every person carries (its normalised
 * names, couch-design/search/person-keys.ts) and the employer account. Created once per
 * database and session; createIndex is a no-op when the index exists.
 */
import type { Db } from '../data/docs.ts';

export const FAMILY_INDEX = 'fo-people-family';
export const GIVEN_INDEX = 'fo-people-given';
export const SOUND_INDEX = 'fo-people-sound';
export const ACCOUNT_INDEX = 'fo-people-account';

const INDEXES: readonly { ddoc: string; fields: string[] }[] = [
  { ddoc: FAMILY_INDEX, fields: ['search.family', 'search.given'] },
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
