import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couch, signIn, type Session } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { uid } from '../../couch-design/ids/uid.ts';

/* Reference data writes through the real gateway and engine (demo data: branches dla and yde, services E F P W C). */
let server: RunningServer;
let admin: Session;
let supervisor: Session;
let counterClerk: Session;
beforeAll(async () => {
  server = await startServer();
  [admin, supervisor, counterClerk] = await Promise.all([
    signIn(server.url, 'admin.hq', 'demo-admin'),
    signIn(server.url, 'supervisor.dla', 'demo-supervisor'),
    signIn(server.url, 'counter.dla', 'demo-counter'),
  ]);
});
afterAll(async () => {
  await server?.stop();
});

const AT = '2026-01-05T09:00:00.000Z';
const counterDoc = (branch: string, code: string, by: string) => ({
  _id: `counter:${branch}:${code}`, type: 'counter', branch, code, label: 'Guichet 9', cashDesk: false, services: ['family'], active: true, updatedBy: by, updatedAt: AT,
});
const serviceDoc = (code: string, series: string, by: string) => ({
  _id: `service:${code}`, type: 'service', code, name: { fr: 'Retraites anticipées', en: 'Early pensions' }, series, targetWaitMinutes: 15, cashDesk: false, active: true, updatedBy: by, updatedAt: AT,
});
const put = (s: Session, doc: { _id: string; [k: string]: unknown }) => couch(server.url, s, 'PUT', `/fo_ref/${encodeURIComponent(doc._id)}`, doc);
const get = (id: string) => couch(server.url, admin, 'GET', `/fo_ref/${encodeURIComponent(id)}`);

describe('who writes reference data', () => {
  it("a supervisor writes its own branch's counters and their log, and gets 403 on another branch's", async () => {
    const mine = counterDoc('dla', 'C09', 'supervisor.dla');
    expect((await put(supervisor, mine)).status).toBe(201);
    const log = { _id: `refchange:${mine._id}:${uid(Date.now(), 'test', 1)}`, type: 'ref_change', target: mine._id, branch: 'dla', before: null, after: mine, by: 'supervisor.dla', at: AT };
    expect((await put(supervisor, log)).status).toBe(201);

    const theirs = counterDoc('yde', 'C09', 'supervisor.dla');
    const created = await put(supervisor, theirs);
    expect(created.status).toBe(403);
    expect(created.body.reason).toBe('branch: wrong_branch');
    const existing = (await get('counter:yde:C01')).body;
    const edited = await put(supervisor, { ...existing, services: [], updatedBy: 'supervisor.dla', updatedAt: AT });
    expect(edited.status).toBe(403);
    expect((await put(supervisor, { ...log, _id: `refchange:counter:yde:C01:${uid(Date.now(), 'test', 2)}`, target: 'counter:yde:C01', branch: 'yde', after: { ...existing, updatedBy: 'supervisor.dla', updatedAt: AT } })).status).toBe(403);
    // Nothing of the refused writes is there.
    expect((await get('counter:yde:C09')).status).toBe(404);
    expect((await get('counter:yde:C01')).body.services).toEqual(existing.services);
  });

  it('a non-admin cannot write a service (403), nor a counter clerk a counter', async () => {
    expect((await put(supervisor, serviceDoc('early', 'R', 'supervisor.dla'))).status).toBe(403);
    expect((await put(counterClerk, serviceDoc('early', 'R', 'counter.dla'))).status).toBe(403);
    expect((await put(counterClerk, counterDoc('dla', 'C10', 'counter.dla'))).status).toBe(403);
    expect((await get('service:early')).status).toBe(404);
  });

  it('an edit names its editor, checked by the engine against the earlier revision', async () => {
    const c01 = (await get('counter:dla:C01')).body;
    const forged = await put(supervisor, { ...c01, label: 'Guichet un', updatedBy: 'admin.hq', updatedAt: AT });
    expect(forged.status).toBe(403);
    expect(forged.body.reason).toBe('updatedBy: not_author');
    expect((await put(supervisor, { ...c01, label: 'Guichet un', updatedBy: 'supervisor.dla', updatedAt: AT })).status).toBe(201);
  });
});

describe('one series letter per service, enforced by the server', () => {
  it('refuses a service on a letter another holds, alone or in a batch, and writes the rest', async () => {
    const taken = await put(admin, serviceDoc('early', 'F', 'admin.hq'));
    expect(taken.status).toBe(403);
    expect(taken.body.reason).toBe('series: series_taken');
    const batch = await couch(server.url, admin, 'POST', '/fo_ref/_bulk_docs', { docs: [serviceDoc('early', 'R', 'admin.hq'), serviceDoc('late', 'R', 'admin.hq'), serviceDoc('later', 'P', 'admin.hq')] });
    expect(batch.status).toBe(201);
    expect(batch.body.map((r: { id: string; ok?: boolean; reason?: string }) => [r.id, r.ok ?? r.reason])).toEqual([
      ['service:early', true],
      ['service:late', 'series: series_taken'],
      ['service:later', 'series: series_taken'],
    ]);
    expect((await get('service:early')).body.series).toBe('R');
    expect((await get('service:late')).status).toBe(404);
    // Its own letter kept, or a free one taken: accepted.
    const early = (await get('service:early')).body;
    expect((await put(admin, { ...early, targetWaitMinutes: 30 })).status).toBe(201);
    const family = (await get('service:family')).body;
    expect((await put(admin, { ...family, series: 'R', updatedBy: 'admin.hq', updatedAt: AT })).body.reason).toBe('series: series_taken');
  });
});
