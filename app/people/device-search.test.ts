import { afterAll, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import MemoryAdapter from 'pouchdb-adapter-memory';
import Find from 'pouchdb-find';
import { personSearchField } from '../../couch-design/search/person-keys.ts';
import type { Person } from '../../couch-design/types/person.ts';
import { searchDevice } from './device-search.ts';
import { CACHE_DAYS, forgetStale, remember } from './people-cache.ts';

PouchDB.plugin(MemoryAdapter).plugin(Find);

const person = (number: string, familyName: string, givenName: string): Person => {
  const p: Person = { _id: `person:${number}`, type: 'person', kind: 'insurant', number, familyName, givenName, branch: 'dla' };
  return { ...p, search: personSearchField(p) };
};
const employer: Person = (() => {
  const p: Person = { _id: 'person:415120', type: 'person', kind: 'employer', number: '415120', accountNumber: '415120', companyName: 'Brasseries du Littoral', branch: 'dla' };
  return { ...p, search: personSearchField(p) };
})();

const dbs: PouchDB.Database[] = [];
let n = 0;
async function dbWith(docs: object[]) {
  const db = new PouchDB(`device-search-${n++}`, { adapter: 'memory' });
  dbs.push(db);
  await db.bulkDocs(docs as PouchDB.Core.PutDocument<{}>[]);
  return db;
}
afterAll(async () => {
  for (const db of dbs) await db.destroy();
});

describe('searching the persons a device holds, through its Mango indexes', () => {
  it('by accent-less name, two words in either order, typo, number and account', async () => {
    const many = Array.from({ length: 300 }, (_, i) => person(String(1_000_000 + i), i % 2 ? 'Ékambi' : 'Mbarga', i === 7 ? 'Hélène' : 'Paul'));
    const db = await dbWith([...many, employer, { _id: 'case:1000001:2024-0001', type: 'case' }]);
    const numbers = async (q: string, kind?: Person['kind']) => (await searchDevice([db], q, kind ? { kind } : {})).map((p) => p.number);
    expect(await numbers('ekambi helene')).toEqual(['1000007']);
    expect(await numbers('HÉLÈNE ékam')).toEqual(['1000007']);
    expect(await numbers('helene')).toEqual(['1000007']);
    expect(await numbers('ekanbi helene')).toEqual(['1000007']);
    expect(await numbers('1000123')).toEqual(['1000123']);
    expect(await numbers('415120')).toEqual(['415120']);
    expect(await numbers('brasseries', 'employer')).toEqual(['415120']);
    expect(await numbers('brasseries', 'insurant')).toEqual([]);
    expect(await numbers('nobody')).toEqual([]);
    expect(await numbers('ekambi')).toHaveLength(20);
  });

  it('searches the cache beside the replica; the cache forgets copies older than its days', async () => {
    const replica = await dbWith([person('1000001', 'Fotso', 'Jean')]);
    const cache = await dbWith([]);
    const other = { ...person('2000001', 'Ngono', 'Aïcha'), branch: 'yde', _rev: '3-abc' };
    const long = new Date(Date.now() - (CACHE_DAYS + 1) * 86_400_000);
    await remember(cache, [other], long);
    expect((await searchDevice([replica, cache], 'ngono')).map((p) => p.number)).toEqual(['2000001']);
    expect((await searchDevice([replica, cache], 'fotso')).map((p) => p.number)).toEqual(['1000001']);
    await remember(cache, [person('2000002', 'Ngono', 'Marie')]);
    expect(await forgetStale(cache)).toBe(1);
    expect((await searchDevice([replica, cache], 'ngono')).map((p) => p.number)).toEqual(['2000002']);
  });
});
