import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

/*
 * The embedded engine itself, on its loopback port (no gateway in front): how it hashes and
 * checks passwords, and that no one but the server admin writes `_users` or a security object.
 */
let server: RunningServer;
let engine: string;
const adminAuth = { authorization: 'Basic ' + Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64') };

beforeAll(async () => {
  server = await startServer();
  engine = `http://127.0.0.1:${server.enginePort}`;
});
afterAll(async () => {
  await server?.stop();
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(engine + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = text;
  try {
    json = JSON.parse(text);
  } catch {
    // leave as text
  }
  return { status: res.status, body: json, cookie: (res.headers.get('set-cookie') ?? '').split(';', 1)[0]! };
}

const asAdmin = (method: string, path: string, body?: unknown) => call(method, path, body, adminAuth);
const userPath = (name: string) => `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;

async function signIn(name: string, password: string) {
  return call('POST', '/_session', { name, password });
}

describe('embedded engine password hashes', () => {
  it('signs in a user stored as CouchDB 3.4 stores it (PBKDF2-SHA256, 600,000 iterations)', async () => {
    const salt = randomBytes(16).toString('hex');
    const doc = {
      _id: 'org.couchdb.user:from.couchdb',
      type: 'user',
      name: 'from.couchdb',
      roles: ['counter', 'branch:dla'],
      password_scheme: 'pbkdf2',
      pbkdf2_prf: 'sha256',
      iterations: 600_000,
      salt,
      derived_key: pbkdf2Sync('replicated-from-ho', salt, 600_000, 32, 'sha256').toString('hex'),
    };
    // As the branch's replicator writes it: with its revision, unchanged.
    const put = await asAdmin('POST', '/_users/_bulk_docs', { docs: [{ ...doc, _rev: '1-0123456789abcdef0123456789abcdef' }], new_edits: false });
    expect(put.status).toBe(201);
    const ok = await signIn('from.couchdb', 'replicated-from-ho');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, name: 'from.couchdb', roles: ['counter', 'branch:dla'] });
    expect((await call('GET', '/_session', undefined, { cookie: ok.cookie })).body.userCtx.name).toBe('from.couchdb');
    expect((await signIn('from.couchdb', 'replicated-from-hO')).status).toBe(401);
  });

  it('still signs in a user stored with PouchDB Server’s old PBKDF2-SHA1 (an existing data folder)', async () => {
    const salt = randomBytes(16).toString('hex');
    const doc = {
      _id: 'org.couchdb.user:old.sha1',
      type: 'user',
      name: 'old.sha1',
      roles: [],
      password_scheme: 'pbkdf2',
      iterations: 10,
      salt,
      derived_key: pbkdf2Sync('old-password', salt, 10, 20, 'sha1').toString('hex'),
    };
    expect((await asAdmin('POST', '/_users/_bulk_docs', { docs: [{ ...doc, _rev: '1-fedcba9876543210fedcba9876543210' }], new_edits: false })).status).toBe(201);
    expect((await signIn('old.sha1', 'old-password')).status).toBe(200);
    expect((await signIn('old.sha1', 'old-passwore')).status).toBe(401);
  });

  it('hashes a new password as PBKDF2-SHA256 with 600,000 iterations, and signs in in well under a second', async () => {
    const put = await asAdmin('PUT', userPath('new.user'), { name: 'new.user', type: 'user', roles: ['counter', 'branch:dla'], password: 'a long new password' });
    expect(put.status).toBe(201);
    const stored = (await asAdmin('GET', userPath('new.user'))).body;
    expect(stored).toMatchObject({ password_scheme: 'pbkdf2', pbkdf2_prf: 'sha256', iterations: 600_000 });
    expect(stored.password).toBeUndefined();
    expect(stored.derived_key).toBe(pbkdf2Sync('a long new password', stored.salt, 600_000, 32, 'sha256').toString('hex'));

    // The demo users were created the same way by provisioning.
    expect((await asAdmin('GET', userPath('counter.dla'))).body).toMatchObject({ pbkdf2_prf: 'sha256', iterations: 600_000 });

    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      expect((await signIn('new.user', 'a long new password')).status).toBe(200);
      times.push(performance.now() - t);
    }
    const t = performance.now();
    expect((await signIn('new.user', 'a wrong password')).status).toBe(401);
    const wrong = performance.now() - t;
    console.log(`sign-in with PBKDF2-SHA256 × 600,000: first ${times[0]!.toFixed(0)} ms, then ${times.slice(1).map((x) => x.toFixed(0)).join(', ')} ms; wrong password ${wrong.toFixed(0)} ms`);
    expect(times[0]).toBeLessThan(1500);
    // A wrong password is never answered from memory: it costs the full hash.
    expect(wrong).toBeGreaterThan(50);
  });

  it('keeps the server admin hashed as CouchDB 3.4 does, and basic auth stays cheap after the first check', async () => {
    const t = performance.now();
    for (let i = 0; i < 20; i++) expect((await asAdmin('GET', '/_all_dbs')).status).toBe(200);
    expect((performance.now() - t) / 20).toBeLessThan(50);
    const wrong = { authorization: 'Basic ' + Buffer.from(`${ADMIN.name}:not-it`).toString('base64') };
    expect((await call('GET', '/_all_dbs', undefined, wrong)).status).toBe(401);
  });
});

describe('embedded engine: only the server admin writes users and security objects', () => {
  it('refuses anonymous sign-up', async () => {
    const res = await call('PUT', userPath('mallory'), { name: 'mallory', type: 'user', roles: [], password: 'x' });
    expect([401, 403]).toContain(res.status);
    const viaPost = await call('POST', '/_users', { _id: 'org.couchdb.user:mallory2', name: 'mallory2', type: 'user', roles: [], password: 'x' });
    expect([401, 403]).toContain(viaPost.status);
    const viaBulk = await call('POST', '/_users/_bulk_docs', { docs: [{ _id: 'org.couchdb.user:mallory3', name: 'mallory3', type: 'user', roles: [], password: 'x' }] });
    expect(viaBulk.status === 201 ? viaBulk.body[0].error : viaBulk.status).toBeTruthy();
    for (const name of ['mallory', 'mallory2', 'mallory3']) expect((await asAdmin('GET', userPath(name))).status).toBe(404);
  });

  it('keeps other users’ documents unreadable (404 or 401, where it answered 500)', async () => {
    expect((await call('GET', userPath('counter.dla'))).status).toBe(404);
    const me = await signIn('kiosk.dla', 'demo-kiosk');
    expect((await call('GET', userPath('counter.dla'), undefined, { cookie: me.cookie })).status).toBe(404);
    expect((await call('GET', '/_users/_all_docs', undefined, { cookie: me.cookie })).status).toBe(401);
  });

  it('refuses a signed-in user changing their own user document (roles or anything else) or deleting it', async () => {
    const me = await signIn('display.dla', 'demo-display');
    expect(me.status).toBe(200);
    const mine = (await asAdmin('GET', userPath('display.dla'))).body;
    const cookie = { cookie: me.cookie };
    const promote = await call('PUT', userPath('display.dla'), { ...mine, roles: ['admin', 'hq', 'supervisor', 'branch:dla'] }, cookie);
    expect(promote.status).toBe(403);
    const sameRoles = await call('PUT', userPath('display.dla'), { ...mine, password: 'changed-by-myself' }, cookie);
    expect(sameRoles.status).toBe(403);
    const bulk = await call('POST', '/_users/_bulk_docs', { docs: [{ ...mine, roles: ['admin'] }] }, cookie);
    expect(bulk.status === 201 ? bulk.body[0].error : bulk.status).toBeTruthy();
    const del = await call('DELETE', `${userPath('display.dla')}?rev=${mine._rev}`, undefined, cookie);
    // 404: a non-admin does not see the document it would delete.
    expect([401, 403, 404]).toContain(del.status);

    const after = (await asAdmin('GET', userPath('display.dla'))).body;
    expect(after._rev).toBe(mine._rev);
    expect(after.roles).toEqual(['display', 'branch:dla']);
    expect((await call('GET', '/_session', undefined, cookie)).body.userCtx.roles).toEqual(['display', 'branch:dla']);
    // Reading one's own document still works, as on CouchDB.
    expect((await call('GET', userPath('display.dla'), undefined, cookie)).status).toBe(200);
  });

  it('refuses writing _users/_local/_security (its security object) anonymously or signed in', async () => {
    const before = (await asAdmin('GET', '/_users/_security')).body;
    const me = await signIn('counter.dla', 'demo-counter');
    for (const headers of [{}, { cookie: me.cookie }] as Record<string, string>[]) {
      const res = await call('PUT', '/_users/_local/_security', { security: { admins: { names: ['counter.dla'], roles: [] } } }, headers);
      expect([401, 403]).toContain(res.status);
      const viaApi = await call('PUT', '/_users/_security', { admins: { names: ['counter.dla'], roles: [] } }, headers);
      expect([401, 403]).toContain(viaApi.status);
    }
    expect((await asAdmin('GET', '/_users/_security')).body).toEqual(before);
  });

  it('refuses a branch member writing its database’s _local/_security', async () => {
    const before = (await asAdmin('GET', '/fo_branch_dla/_security')).body;
    const me = await signIn('display.dla', 'demo-display');
    const res = await call('PUT', '/fo_branch_dla/_local/_security', { security: { admins: { names: ['display.dla'], roles: [] }, members: before.members } }, { cookie: me.cookie });
    expect([401, 403]).toContain(res.status);
    expect((await asAdmin('GET', '/fo_branch_dla/_security')).body).toEqual(before);
  });

  it('applies a change of a database’s security object to the very next request (the engine keeps it in memory)', async () => {
    const before = (await asAdmin('GET', '/fo_branch_dla/_security')).body;
    const me = await signIn('counter.dla', 'demo-counter');
    const read = async () => (await call('GET', '/fo_branch_dla', undefined, { cookie: me.cookie })).status;
    expect(await read()).toBe(200);
    expect(await read()).toBe(200);
    const closed = { ...before, members: { names: [], roles: ['branch:nowhere'] } };
    expect((await asAdmin('PUT', '/fo_branch_dla/_security', closed)).status).toBe(200);
    expect([401, 403]).toContain(await read());
    expect((await asAdmin('PUT', '/fo_branch_dla/_security', before)).status).toBe(200);
    expect(await read()).toBe(200);
    // Written as the local document it is, by the server admin.
    const local = (await asAdmin('GET', '/fo_branch_dla/_local/_security')).body;
    expect((await asAdmin('PUT', '/fo_branch_dla/_local/_security', { ...local, security: closed })).status).toBe(201);
    expect([401, 403]).toContain(await read());
    const closedLocal = (await asAdmin('GET', '/fo_branch_dla/_local/_security')).body;
    expect((await asAdmin('PUT', '/fo_branch_dla/_local/_security', { ...closedLocal, security: before })).status).toBe(201);
    expect(await read()).toBe(200);
    expect((await asAdmin('GET', '/fo_branch_dla/_security')).body).toEqual(before);
  });

  it('refuses every document of a non-member’s _bulk_docs (the security object is read once per request)', async () => {
    const stranger = await signIn('display.yde', 'demo-display');
    expect(stranger.status).toBe(200);
    const docs = [0, 1, 2].map((i) => ({ _id: `ticket:intruder:${i}`, type: 'ticket' }));
    const res = await call('POST', '/fo_branch_dla/_bulk_docs', { docs }, { cookie: stranger.cookie });
    const refused = Array.isArray(res.body) ? res.body.filter((r: { error?: string }) => r.error === 'unauthorized').length : 0;
    expect(refused).toBe(docs.length);
    for (const d of docs) expect((await asAdmin('GET', `/fo_branch_dla/${encodeURIComponent(d._id)}`)).status).toBe(404);
  });

  it('refuses replication into _users by a non-admin (a _replicate call or a _replicator document)', async () => {
    const me = await signIn('counter.dla', 'demo-counter');
    for (const headers of [{}, { cookie: me.cookie }] as Record<string, string>[]) {
      const rep = await call('POST', '/_replicate', { source: 'fo_branch_dla', target: '_users' }, headers);
      expect([401, 403]).toContain(rep.status);
      const job = await call('PUT', '/_replicator/evil', { source: `${engine}/fo_ref`, target: '_users', user_ctx: { name: 'counter.dla', roles: [] } }, headers);
      expect([401, 403]).toContain(job.status);
    }
    expect((await asAdmin('GET', '/_replicator/evil')).status).toBe(404);
  });

  it('still answers afterwards, and the admin still manages users', async () => {
    expect((await call('GET', '/')).status).toBe(200);
    const put = await asAdmin('PUT', userPath('made.by.admin'), { name: 'made.by.admin', type: 'user', roles: ['kiosk', 'branch:dla'], password: 'pw-made-by-admin' });
    expect(put.status).toBe(201);
    expect((await signIn('made.by.admin', 'pw-made-by-admin')).status).toBe(200);
  });
});
