/**
 * People at national scale on the real server (docs/PEOPLE.md): the search through the gateway
 * finds by accent-less name, typo, number and employer account; a device of branch A replicates
 * A's people and not B's; offline, the device finds whom it holds (its branch, its cache) and
 * says when someone is not there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import find from 'pouchdb-find';
import { generateDemoData } from '../../server/demo-data/generate.ts';
import type { Person } from '../../couch-design/types/person.ts';
import type { Case } from '../../couch-design/types/case.ts';
import { replicaPlan } from '../../app/data/replicas.ts';
import { searchServer, type ServerAccess } from '../../app/people/server-search.ts';
import { findPeople } from '../../app/people/find-people.ts';
import { readPersonFile } from '../../app/people/person-file.ts';
import { couch, signIn } from '../support/couch-http.ts';
import { freePort, startServer, type RunningServer } from '../support/server-process.ts';

PouchDB.plugin(memory).plugin(http).plugin(replication).plugin(find);

const demo = generateDemoData();
const persons = demo.people.filter((d): d is Person => d.type === 'person') as Person[];
const insurants = persons.filter((p) => p.kind === 'insurant');
/** Someone whose family and given name together name one person only. */
const unique = (branch: string) =>
  insurants.find((p) => p.branch === branch && persons.filter((q) => q.familyName === p.familyName && q.givenName === p.givenName).length === 1)!;
const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();

let server: RunningServer;
let server_: ServerAccess;
let cookieFetch: typeof fetch;

beforeAll(async () => {
  server = await startServer();
  const session = await signIn(server.url, 'counter.dla', 'demo-counter');
  cookieFetch = ((url: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set('cookie', session.headers.cookie!);
    return fetch(url, { ...init, headers });
  }) as typeof fetch;
  server_ = { fetch: cookieFetch, base: `${server.url}/db` };
  // The views are built on their first query after a fresh start (a deployment builds them
  // before swapping, server/provision/staged-deploy.ts): build them here, not in a timed search.
  for (const view of ['people_search', 'persons_by_account']) expect((await couch(server.url, session, 'GET', `/fo_people/_design/fo/_view/${view}?limit=0`)).status).toBe(200);
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

describe('person search through the gateway', () => {
  it('finds by accent-less name in either order, by a typo, by number and by employer account', async () => {
    const p = unique('yde');
    const numbers = async (q: string, kind?: Person['kind']) => (await searchServer(server_, q, kind ? { kind } : {})).map((x) => x.number);
    expect(await numbers(`${plain(p.familyName!)} ${plain(p.givenName!)}`)).toEqual([p.number]);
    expect(await numbers(`${plain(p.givenName!)} ${plain(p.familyName!).slice(0, 3)}`)).toEqual([p.number]);
    const twin = insurants.find((q) => q.familyName === 'Mbarga' && persons.filter((r) => r.familyName === 'Mbarga' && r.givenName === q.givenName).length === 1)!;
    expect(await numbers(`mbraga ${twin.givenName}`)).toEqual([twin.number]);
    expect(await numbers(p.number)).toEqual([p.number]);
    expect(await numbers('415120', 'employer')).toEqual(['415120']);
    const found = await searchServer(server_, 'brasseries', { kind: 'employer', limit: 100 });
    expect(found.length).toBe(persons.filter((x) => x.kind === 'employer' && x.companyName!.startsWith('Brasseries')).length);
    expect(await numbers('zzzzzz')).toEqual([]);
  });

  it('refuses a people share of another shape at the gateway', async () => {
    const session = await signIn(server.url, 'counter.dla', 'demo-counter');
    expect((await couch(server.url, session, 'GET', '/fo_people/_changes?filter=fo%2Fpeople_of_branch')).status).toBe(400);
    expect((await couch(server.url, session, 'GET', '/fo_people/_changes?filter=_selector&branch=dla')).status).toBe(400);
  });
});

describe('a counter tablet of branch dla', () => {
  const local = new PouchDB('people-dla', { adapter: 'memory' });
  const cache = new PouchDB('people-cache-dla', { adapter: 'memory' });
  afterAll(async () => {
    await local.destroy();
    await cache.destroy();
  });

  it('replicates the people of its branch with their cases, and none of another branch', async () => {
    const spec = replicaPlan({ name: 'counter.dla', roles: ['counter', 'branch:dla'] }).find((r) => r.key === 'people')!;
    const remote = new PouchDB(`${server.url}/db/${spec.remote}`, { skip_setup: true, fetch: cookieFetch } as PouchDB.Configuration.RemoteDatabaseConfiguration);
    await local.replicate.from(remote, { filter: spec.filter!.name, query_params: spec.filter!.params, batch_size: 1000 });
    const held = (await local.allDocs({ include_docs: true })).rows.map((r) => r.doc as unknown as Person | Case);
    const ids = new Set(held.map((d) => d._id));
    const dla = demo.people.filter((d) => (d as { branch?: string }).branch === 'dla');
    expect(dla.length).toBeGreaterThan(100);
    expect(dla.every((d) => ids.has(d._id))).toBe(true);
    expect(held.every((d) => (d as { branch?: string }).branch === 'dla')).toBe(true);
    expect(held.length).toBe(dla.length);
  }, 120_000);

  it('online finds and keeps an insurant of another branch; offline finds the ones it holds and says when not there', async () => {
    const layer = { local: () => local, peopleCache: cache, fetch: cookieFetch, remoteBase: `${server.url}/db` };
    const other = unique('yde');
    const online = await findPeople(layer, `${other.familyName} ${other.givenName}`);
    expect(online).toEqual({ where: 'server', people: [expect.objectContaining({ _id: other._id })] });
    const file = await readPersonFile(layer, other._id);
    expect(file.where).toBe('server');
    expect(file.cases.map((c) => c._id).sort()).toEqual(demo.people.filter((d) => d._id.startsWith(`case:${other.number}:`)).map((d) => d._id).sort());

    const dead = { ...layer, remoteBase: `http://127.0.0.1:${await freePort()}/db` };
    const kept = await findPeople(dead, `${other.familyName} ${other.givenName}`);
    expect(kept).toEqual({ where: 'device', people: [expect.objectContaining({ _id: other._id })] });
    expect((await readPersonFile(dead, other._id)).cases.length).toBe(file.cases.length);
    const mine = unique('dla');
    expect((await findPeople(dead, mine.number)).people.map((p) => p._id)).toEqual([mine._id]);
    const stranger = insurants.find((p) => p.branch === 'yde' && p._id !== other._id && p.familyName !== other.familyName)!;
    expect(await findPeople(dead, stranger.number)).toEqual({ where: 'device', people: [] });
    expect(await readPersonFile(dead, stranger._id)).toMatchObject({ person: null, where: null });
  }, 60_000);
});
