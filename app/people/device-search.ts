/**
 * Person search on the device (docs/PEOPLE.md): Mango queries over the persons it holds — its
 * branch's replica and its cache of persons fetched earlier — each a key range of an index,
 * never a scan. Words: the family name's start (with the given name's, for two words), else the
 * given name's start, else the sound key of each word (typos). Numbers: the id, the account.
 */
import { soundKey } from '../../couch-design/search/person-keys.ts';
import { personId, type Person } from '../../couch-design/types/person.ts';
import { getDoc, type Db } from '../data/docs.ts';
import { ACCOUNT_INDEX, FAMILY_INDEX, FAMILY_START_INDEX, GIVEN_INDEX, SOUND_INDEX, ensurePeopleIndexes } from './people-index.ts';
import { searchPeople } from './person-search.ts';

/** Candidates read per key range before the final match: the list shows 20. */
const RANGE_LIMIT = 50;

const prefix = (t: string) => ({ $gte: t, $lt: t + '\uffff' });

async function findIn(dbs: readonly Db[], selector: PouchDB.Find.Selector, index: string): Promise<Person[]> {
  const found = await Promise.all(
    dbs.map(async (db) => {
      await ensurePeopleIndexes(db);
      // Only indexed fields: pouchdb-find uses an index only when it covers every field of the selector.
      const res = await db.find({ selector, use_index: index, limit: RANGE_LIMIT });
      return res.docs as unknown as Person[];
    }),
  );
  return found.flat();
}

/**
 * The ways typed words split into a whole family name and the start of the given names, family
 * first or last: "ngo bassa pierre" is tried as family "ngo bassa", given "pierre…", among others.
 */
export function nameSplits(tokens: readonly string[]): { family: string; given: string }[] {
  const splits: { family: string; given: string }[] = [];
  for (let k = 1; k < tokens.length; k++) {
    const head = tokens.slice(0, k).join(' ');
    const tail = tokens.slice(k).join(' ');
    splits.push({ family: head, given: tail }, { family: tail, given: head });
  }
  return splits;
}

export function searchDevice(dbs: readonly Db[], query: string, options: { kind?: Person['kind']; limit?: number } = {}): Promise<Person[]> {
  if (dbs.length === 0) return Promise.resolve([]);
  return searchPeople(
    {
      async byNumber(q) {
        const direct = (await Promise.all(dbs.map((db) => getDoc<Person>(db, personId(q.toUpperCase()))))).filter((p): p is NonNullable<typeof p> => p !== null);
        return [...direct, ...(await findIn(dbs, { accountNumber: q }, ACCOUNT_INDEX))];
      },
      wordSteps(tokens) {
        const steps: (() => Promise<Person[]>)[] = [];
        if (tokens.length >= 2) {
          const [a, b] = tokens as unknown as [string, string];
          // A whole family name and a given names' start is one key range of the family index;
          // two starts are a range of family names filtered in memory, slow when thousands share
          // the name, so they come second.
          steps.push(async () =>
            (
              await Promise.all(
                nameSplits(tokens).map(({ family, given }) => findIn(dbs, { 'search.family': family, 'search.given': prefix(given) }, FAMILY_INDEX)),
              )
            ).flat(),
          );
          steps.push(async () =>
            (
              await Promise.all([
                findIn(dbs, { 'search.family': prefix(a), 'search.given': prefix(b) }, FAMILY_INDEX),
                findIn(dbs, { 'search.family': prefix(b), 'search.given': prefix(a) }, FAMILY_INDEX),
              ])
            ).flat(),
          );
        }
        steps.push(async () => (await Promise.all(tokens.map((t) => findIn(dbs, { 'search.family': prefix(t) }, FAMILY_START_INDEX)))).flat());
        steps.push(async () => (await Promise.all(tokens.map((t) => findIn(dbs, { 'search.given': prefix(t) }, GIVEN_INDEX)))).flat());
        return steps;
      },
      async bySound(tokens) {
        const sounds = [...new Set(tokens.map(soundKey).filter((s) => s.length >= 2))];
        return (await Promise.all(sounds.map((s) => findIn(dbs, { 'search.sound': s }, SOUND_INDEX)))).flat();
      },
    },
    query,
    options,
  );
}
