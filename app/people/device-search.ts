/**
 * Person search on the device (docs/PEOPLE.md): Mango queries over the persons it holds — its
 * branch's replica and its cache of persons fetched earlier — each a key range of an index,
 * never a scan. Words: the family name's start (with the given name's, for two words), else the
 * given name's start, else the sound key of each word (typos). Numbers: the id, the account.
 */
import { nameTokens } from '../../couch-design/search/normalize.ts';
import { soundKey } from '../../couch-design/search/person-keys.ts';
import { personId, type Person } from '../../couch-design/types/person.ts';
import { getDoc, type Db } from '../data/docs.ts';
import { ACCOUNT_INDEX, FAMILY_INDEX, GIVEN_INDEX, SOUND_INDEX, ensurePeopleIndexes } from './people-index.ts';
import { looksLikeNumber, matchPeople } from './person-search.ts';

/** Candidates read per key range before the final match: enough for a counter's list. */
const RANGE_LIMIT = 200;

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

function unique(people: readonly Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p) => !seen.has(p._id) && seen.add(p._id));
}

export async function searchDevice(dbs: readonly Db[], query: string, options: { kind?: Person['kind']; limit?: number } = {}): Promise<Person[]> {
  const q = query.trim();
  if (!q || dbs.length === 0) return [];
  const limit = options.limit ?? 20;
  const wanted = (list: readonly Person[]) => unique(list).filter((p) => p.type === 'person' && (options.kind === undefined || p.kind === options.kind));
  if (looksLikeNumber(q)) {
    const direct = (await Promise.all(dbs.map((db) => getDoc<Person>(db, personId(q.toUpperCase()))))).filter((p): p is NonNullable<typeof p> => p !== null);
    const byAccount = await findIn(dbs, { accountNumber: q }, ACCOUNT_INDEX);
    const found = matchPeople(wanted([...direct, ...byAccount]), q, limit);
    if (found.length > 0) return found;
  }
  const tokens = nameTokens(q);
  if (tokens.length === 0) return [];
  const steps: (() => Promise<Person[]>)[] = [];
  if (tokens.length >= 2) {
    const [a, b] = tokens as [string, string];
    steps.push(async () => [
      ...(await findIn(dbs, { 'search.family': prefix(a), 'search.given': prefix(b) }, FAMILY_INDEX)),
      ...(await findIn(dbs, { 'search.family': prefix(b), 'search.given': prefix(a) }, FAMILY_INDEX)),
    ]);
  }
  steps.push(async () => (await Promise.all(tokens.map((t) => findIn(dbs, { 'search.family': prefix(t) }, FAMILY_INDEX)))).flat());
  steps.push(async () => (await Promise.all(tokens.map((t) => findIn(dbs, { 'search.given': prefix(t) }, GIVEN_INDEX)))).flat());
  for (const step of steps) {
    const found = matchPeople(wanted(await step()), q, limit);
    if (found.length > 0) return found;
  }
  const sounds = [...new Set(tokens.map(soundKey).filter((s) => s.length >= 2))];
  const alike = (await Promise.all(sounds.map((s) => findIn(dbs, { 'search.sound': s }, SOUND_INDEX)))).flat();
  return matchPeople(wanted(alike), q, limit, true);
}
