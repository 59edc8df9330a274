import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goodDocs } from '../couch-design/testing/fixtures.ts';
import { ADMIN, basicAuth, couch, couchAt, engineUrl, signIn, type Session } from './support/couch-http.ts';
import { startServer, type RunningServer } from './support/server-process.ts';
import { waitFor } from './support/wait-for.ts';

let server: RunningServer;
const admin = basicAuth(ADMIN.name, ADMIN.password);

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('server on the embedded engine', () => {
  it('reports health and prints the URL and demo sign-ins', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; engine: string; branches: string[] };
    expect(body).toMatchObject({ ok: true, engine: 'embedded', branches: ['dla', 'yde'] });
    expect(server.output()).toMatch(/Front Office is running: http:\/\/localhost:\d+\//);
    expect(server.output()).toMatch(/counter\.dla\s+demo-counter/);
  });

  it('serves the app with a strict CSP, index never cached, hashed assets cached forever', async () => {
    const index = await fetch(`${server.url}/counter`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await index.text();
    const asset = html.match(/\/assets\/[^"]+\.js/)?.[0];
    expect(asset).toBeTruthy();
    const js = await fetch(`${server.url}${asset}`);
    expect(js.headers.get('cache-control')).toContain('immutable');
    const sw = await fetch(`${server.url}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
  });

  it('signs in through the /db/ proxy with CouchDB’s own session cookie', async () => {
    const s = await signIn(server.url, 'counter.dla', 'demo-counter');
    expect(s.headers.cookie).toMatch(/^AuthSession=/);
    const me = await couch(server.url, s, 'GET', '/_session');
    expect(me.body.userCtx).toEqual({ name: 'counter.dla', roles: ['counter', 'branch:dla'] });
    const bad = await fetch(`${server.url}/db/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'counter.dla', password: 'wrong' }),
    });
    expect(bad.status).toBe(401);
  });

  it('keeps a branch user out of another branch and out of head office', async () => {
    const s = await signIn(server.url, 'counter.dla', 'demo-counter');
    expect((await couch(server.url, s, 'GET', '/fo_branch_dla/_all_docs?limit=1')).status).toBe(200);
    expect([401, 403]).toContain((await couch(server.url, s, 'GET', '/fo_branch_yde/_all_docs?limit=1')).status);
    expect([401, 403]).toContain((await couch(server.url, s, 'GET', '/fo_central/_all_docs?limit=1')).status);
    expect([401, 403]).toContain((await couch(server.url, null, 'GET', '/fo_branch_dla/_all_docs?limit=1')).status);
    const kiosk = await signIn(server.url, 'kiosk.dla', 'demo-kiosk');
    expect([401, 403]).toContain((await couch(server.url, kiosk, 'GET', '/fo_people/_all_docs?limit=1')).status);
  });

  it('refuses a cash entry from a counter user, takes it from the cashier, then never lets it change', async () => {
    const docs = goodDocs();
    const entry = docs.cash_entry!;
    const session = docs.cash_session!;
    const counter = await signIn(server.url, 'counter.dla', 'demo-counter');
    const refused = await couch(server.url, counter, 'PUT', `/fo_branch_dla/${encodeURIComponent(String(entry._id))}`, entry);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('forbidden');

    const cashier: Session = await signIn(server.url, 'cashier.dla', 'demo-cashier');
    expect((await couch(server.url, cashier, 'PUT', `/fo_branch_dla/${encodeURIComponent(String(session._id))}`, session)).status).toBe(201);
    const posted = await couch(server.url, cashier, 'PUT', `/fo_branch_dla/${encodeURIComponent(String(entry._id))}`, entry);
    expect(posted.status).toBe(201);
    const rev = posted.body.rev as string;
    const path = `/fo_branch_dla/${encodeURIComponent(String(entry._id))}`;

    const changed = await couch(server.url, cashier, 'PUT', path, { ...entry, _rev: rev, amount: 1 });
    expect(changed.status).toBe(403);
    expect((await couch(server.url, cashier, 'DELETE', `${path}?rev=${rev}`)).status).toBe(403);
    expect((await couch(server.url, admin, 'DELETE', `${path}?rev=${rev}`)).status).toBe(403);
    const stored = await couch(server.url, admin, 'GET', path);
    expect(stored.body.amount).toBe(entry.amount);

    // A create over a live document is a conflict: CouchDB answers 409 before it runs
    // validate_doc_update (the engine judges a create as new first, for speed; as an update
    // of the stored entry this one would be refused).
    expect((await couch(server.url, cashier, 'PUT', path, entry)).status).toBe(409);
    const bulk = await couch(server.url, cashier, 'POST', '/fo_branch_dla/_bulk_docs', { docs: [entry] });
    expect(bulk.body).toEqual([expect.objectContaining({ id: entry._id, error: 'conflict' })]);
    expect((await couch(server.url, admin, 'GET', path)).body._rev).toBe(rev);
  });

  it('refuses a document of another branch and a malformed one, with the reason', async () => {
    const s = await signIn(server.url, 'reception.dla', 'demo-reception');
    const ticket = { ...goodDocs().ticket!, branch: 'yde' } as { _id: string; branch: string };
    const res = await couch(server.url, s, 'PUT', `/fo_branch_dla/${encodeURIComponent(String(ticket._id))}`, ticket);
    expect(res.status).toBe(403);
    const bad = { _id: 'ticket:nonsense', type: 'ticket' };
    const res2 = await couch(server.url, s, 'PUT', `/fo_branch_dla/${encodeURIComponent(bad._id)}`, bad);
    expect(res2.status).toBe(403);
    expect(String(res2.body.reason)).toMatch(/\w+: \w+/);
  });

  it('keeps an update pushed by replication (new_edits: false) and still refuses an invalid one', async () => {
    // What a counter's PouchDB sends when its offline work goes up: revisions it made itself.
    const counter = await signIn(server.url, 'counter.dla', 'demo-counter');
    const ticket = { ...goodDocs().ticket!, _id: String(goodDocs().ticket!._id).replace(':0012', ':0077'), seq: 77, label: 'A077' };
    const path = `/fo_branch_dla/${encodeURIComponent(ticket._id)}`;
    const created = await couch(server.url, counter, 'PUT', path, ticket);
    expect(created.status).toBe(201);
    const [, first] = String(created.body.rev).split('-');
    const called = { ...ticket, state: 'called', counter: 'C01', agent: 'counter.dla', calledAt: '2024-03-05T08:20:00.000Z' };
    const pushed = await couch(server.url, counter, 'POST', '/fo_branch_dla/_bulk_docs', {
      new_edits: false,
      docs: [{ ...called, _rev: '2-0123456789abcdef0123456789abcdef', _revisions: { start: 2, ids: ['0123456789abcdef0123456789abcdef', first] } }],
    });
    expect(pushed.status).toBe(201);
    const stored = await couch(server.url, counter, 'GET', path);
    expect(stored.body).toMatchObject({ _rev: '2-0123456789abcdef0123456789abcdef', state: 'called', counter: 'C01' });

    const invalid = { ...called, state: 'nonsense', _rev: '3-fedcba9876543210fedcba9876543210', _revisions: { start: 3, ids: ['fedcba9876543210fedcba9876543210', '0123456789abcdef0123456789abcdef', first] } };
    const refused = await couch(server.url, counter, 'POST', '/fo_branch_dla/_bulk_docs', { new_edits: false, docs: [invalid] });
    expect(refused.body).toEqual([expect.objectContaining({ id: ticket._id, error: 'forbidden' })]);
    expect((await couch(server.url, counter, 'GET', path)).body._rev).toBe('2-0123456789abcdef0123456789abcdef');
  });

  it('replicates branch documents into the central database, readable by head office only', async () => {
    const docs = goodDocs();
    const reception = await signIn(server.url, 'reception.dla', 'demo-reception');
    const ticket = { ...docs.ticket!, _id: String(docs.ticket!._id).replace(':0012', ':0099'), seq: 99, label: 'A099' };
    expect((await couch(server.url, reception, 'PUT', `/fo_branch_dla/${encodeURIComponent(ticket._id)}`, ticket)).status).toBe(201);
    const hq = await signIn(server.url, 'supervisor.hq', 'demo-supervisor');
    const central = await waitFor('the ticket in fo_central', async () => {
      const r = await couch(server.url, hq, 'GET', `/fo_central/${encodeURIComponent(ticket._id)}`);
      return r.status === 200 ? r.body : null;
    });
    expect(central.label).toBe('A099');
  });

  it('refuses the request that crashes the embedded engine, and restarts the engine if it dies anyway', async () => {
    const s = await signIn(server.url, 'counter.dla', 'demo-counter');
    const res = await couch(server.url, s, 'POST', '/fo_branch_dla/_changes?filter=_selector', { selector: { type: 'ticket' } });
    expect(res.status).toBe(400);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    // Straight at the engine, behind the proxy's back: PouchDB Server 4.2.0 dies of it.
    const engine = `http://127.0.0.1:${server.enginePort}`;
    await fetch(`${engine}/fo_branch_dla/_changes?filter=_selector&feed=normal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...admin.headers },
      body: JSON.stringify({ selector: { type: 'ticket' } }),
    }).catch(() => null);
    await waitFor('the engine to come back', async () => {
      const r = await couch(server.url, s, 'GET', '/fo_branch_dla/_all_docs?limit=1').catch(() => null);
      return r?.status === 200 ? true : null;
    });
  });

  it('provisions idempotently: a restart writes nothing and keeps the data', async () => {
    const before = await couch(server.url, admin, 'GET', '/fo_branch_dla/_design/fo');
    const sec = await couchAt(engineUrl(server), admin, 'GET', '/fo_branch_dla/_security');
    server = await server.restart();
    expect(server.output()).not.toMatch(/provision:/);
    expect(server.output()).not.toMatch(/demo data loaded/);
    const after = await couch(server.url, admin, 'GET', '/fo_branch_dla/_design/fo');
    expect(after.body._rev).toBe(before.body._rev);
    expect((await couchAt(engineUrl(server), admin, 'GET', '/fo_branch_dla/_security')).body).toEqual(sec.body);
    const s = await signIn(server.url, 'cashier.dla', 'demo-cashier');
    const entry = goodDocs().cash_entry!;
    expect((await couch(server.url, s, 'GET', `/fo_branch_dla/${encodeURIComponent(String(entry._id))}`)).status).toBe(200);
  });
});
