/**
 * Opening a person's file (docs/PEOPLE.md): the person, their cases and (an employer) account
 * lines, read by key — the id, then `case:<number>:` and `accline:<number>:` id ranges — from
 * the device's branch replica, else from the server when online (kept in the device's cache),
 * else from the cache. Never a scan. `where` null: not on this device and the server not reachable.
 */
import { PEOPLE_DB } from '../../couch-design/databases.ts';
import type { AccountLine } from '../../couch-design/types/account-line.ts';
import type { Case } from '../../couch-design/types/case.ts';
import type { Person } from '../../couch-design/types/person.ts';
import { allDocsByPrefix, getDoc, type Db } from '../data/docs.ts';
import { offline, type PeopleLayer } from './find-people.ts';
import { fromCache, remember } from './people-cache.ts';

export interface PersonFileDocs {
  readonly person: Person | null;
  readonly cases: Case[];
  readonly accountLines: AccountLine[];
  readonly where: 'device' | 'server' | null;
}

const numberOf = (personId: string) => personId.slice('person:'.length);

async function fromDb(db: Db, personId: string): Promise<PersonFileDocs | null> {
  const person = await getDoc<Person>(db, personId);
  if (!person || person.type !== 'person') return null;
  const n = numberOf(personId);
  const [cases, lines] = await Promise.all([allDocsByPrefix<Case>(db, `case:${n}:`), allDocsByPrefix<AccountLine>(db, `accline:${n}:`)]);
  return {
    person: fromCache(person),
    cases: cases.filter((c) => c.type === 'case').map((c) => fromCache(c)),
    accountLines: lines.filter((l) => l.type === 'account_line').map((l) => fromCache(l)),
    where: 'device',
  };
}

async function fromServer(layer: PeopleLayer, personId: string): Promise<PersonFileDocs | null> {
  const base = `${layer.remoteBase}/${PEOPLE_DB}`;
  const get = async (path: string) => {
    const res = await layer.fetch(`${base}/${path}`, { signal: AbortSignal.timeout(5000) });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`person file: ${res.status}`);
    return res.json();
  };
  const range = async <T>(prefix: string): Promise<T[]> => {
    const params = new URLSearchParams({ include_docs: 'true', startkey: JSON.stringify(prefix), endkey: JSON.stringify(prefix + '\uffff') });
    const body = (await get(`_all_docs?${params}`)) as { rows: { doc?: T }[] };
    return body.rows.flatMap((r) => (r.doc ? [r.doc] : []));
  };
  const person = (await get(encodeURIComponent(personId))) as Person | null;
  if (!person) return null;
  const n = numberOf(personId);
  const [cases, lines] = await Promise.all([range<Case>(`case:${n}:`), range<AccountLine>(`accline:${n}:`)]);
  if (layer.peopleCache) await remember(layer.peopleCache, [person, ...cases, ...lines]).catch(() => undefined);
  return { person, cases, accountLines: lines, where: 'server' };
}

export async function readPersonFile(layer: PeopleLayer, personId: string): Promise<PersonFileDocs> {
  const [replica, cache] = [layer.local('people'), layer.peopleCache];
  const held = replica ? await fromDb(replica, personId) : null;
  if (held) return held;
  if (layer.remoteBase !== null && !offline()) {
    const fetched = await fromServer(layer, personId).catch(() => undefined);
    if (fetched !== undefined) return fetched ?? { person: null, cases: [], accountLines: [], where: 'server' };
  }
  const kept = cache ? await fromDb(cache, personId) : null;
  return kept ?? { person: null, cases: [], accountLines: [], where: null };
}
