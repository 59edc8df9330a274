import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signIn } from '../support/couch-http.ts';
import { waitFor } from '../support/wait-for.ts';
import { DEPLOYMENTS } from './support/deployments.ts';
import { adminGet, adminPut, snapshot, type EngineSnapshot } from './support/engine-state.ts';
import { basic, json, send, type RawAnswer } from './support/raw-http.ts';
import { expectEveryDocRefused, expectRefused } from './support/refusals.ts';
import { authoredLater, fixtures, p, replayOn, x } from './support/replay.ts';

/*
 * Issue 8's medium and low findings (7–11) and those found on Apache CouchDB (12, 13), each
 * attempt made as the prober made it against the embedded default and against a server on
 * COUCH_URL, with the same checks as attacks-critical-high.test.ts. The two tests that end a
 * process (10: the engine, 8: the server) come last.
 */
describe.each(DEPLOYMENTS)('issue 8, medium and low findings, replayed on $name', ({ start }) => {
  const t = replayOn(start);
  const { at, attempt, signInFrom, unharmed } = t;

  it('finding 7: the server jobs’ checkpoints are not writable through /db/', async () => {
    for (const who of ['counter.dla', 'display.dla'] as const) {
      await attempt([
        [403, 'PUT', '/fo_branch_dla/_local/stats-rollup', who, { since: 999_999_999 }],
        [403, 'PUT', '/fo_branch_dla/_local/end-of-day', who, { through: '2099-01-01' }],
        [403, 'PUT', '/fo_branch_dla/_local%2Fstats-rollup', who, { since: 999_999_999 }],
        [403, 'DELETE', '/fo_branch_dla/_local/stats-rollup', who],
        [403, 'GET', '/fo_branch_dla/_local/end-of-day', who],
      ]);
      const docs = [{ _id: '_local/stats-rollup', since: 999_999_999 }, { _id: '_local/end-of-day', through: '2099-01-01' }];
      expectEveryDocRefused(await at('POST', '/fo_branch_dla/_bulk_docs', who, { docs }), 2);
      expectEveryDocRefused(await at('POST', '/fo_branch_dla/_bulk_docs', who, { docs, new_edits: false }), 2);
    }
    const rollup = await adminGet(t.d.engine, '/fo_branch_dla/_local/stats-rollup');
    const endOfDay = await adminGet(t.d.engine, '/fo_branch_dla/_local/end-of-day');
    expect(rollup.json?.since).not.toBe(999_999_999);
    expect(endOfDay.json?.through).not.toBe('2099-01-01');
    await unharmed();
  });

  it('finding 9: the server admin reaches no server endpoint through /db/', async () => {
    const admin = { authorization: basic('admin', 'test-admin-password') };
    for (const [method, path, body] of [
      ['GET', '/_config'],
      ['GET', '/_config/couch_httpd_auth/secret'],
      ['PUT', '/_config/admins/mallory', '"mallory"'],
      ['GET', '/_node/_local/_config'],
      ['GET', '/_all_dbs'],
      ['GET', '/_membership'],
      ['GET', '/_uuids?count=10'],
      ['GET', '/_active_tasks'],
      ['GET', '/_utils/'],
      ['POST', '/_restart', '{}'],
      ['GET', '/_replicator/_all_docs'],
      ['GET', '/fo_branch_dla/_security'],
      ['PUT', '/fo_new', undefined],
    ] as const) {
      for (const headers of [admin, t.as['admin.hq'].headers, {}]) {
        expectRefused(await send(t.d.url, { method, path: '/db' + path, headers: json(null, headers), body }), 403, `${method} ${path}`);
      }
    }
    // Nor around the allowlist by a path that URL parsing rewrites on the way to the engine
    // (`..`, `\` read as `/`, `#` cutting the rest): the engine's `/_config`, `/_all_dbs`, `/`.
    for (const path of ['/fo_ref/..\\_config', '/fo_ref/..\\_all_dbs', '/fo_ref/%2e%2e', '/fo_ref/..', '/fo_ref/.', '/fo_ref/#/_config']) {
      for (const headers of [admin, t.as['admin.hq'].headers]) {
        expectRefused(await send(t.d.url, { method: 'GET', path: '/db' + path, headers }), 400, path);
      }
    }
    // The engine's old well-known default admin password is no password here (the test servers
    // are given theirs; the generated one is tested in engine-*.test.ts).
    expectRefused(await send(t.d.url, { method: 'GET', path: '/db/fo_ref', headers: { authorization: basic('admin', 'front-office-admin') }, from: '127.0.0.9' }), 401);
    await unharmed();
  });

  it('finding 11: sign-in throttled and lock-out lifted by an administrator; bodies bounded; no public server endpoints; JSON errors; no x-powered-by; /health tells the central link', async () => {
    // Another "device" (source address) for these failures, so the other tests' sign-ins stay unthrottled.
    const device = '127.0.0.2';
    for (let i = 0; i < 5; i++) expectRefused(await signInFrom(device, 'kiosk.yde', `guess-${i}`), 401);
    const locked = await signInFrom(device, 'kiosk.yde', 'guess-5');
    expectRefused(locked, 429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expectRefused(await signInFrom(device, 'kiosk.yde', 'demo-kiosk'), 429);
    expectRefused(await signInFrom('127.0.0.1', 'kiosk.yde', 'demo-kiosk'), 429);
    // Nor does the right password work as basic auth, the other way in.
    const locked401 = await send(t.d.url, { method: 'GET', path: '/db/fo_ref', headers: { authorization: basic('kiosk.yde', 'demo-kiosk') } });
    expectRefused(locked401, 401);
    expect(locked401.json.reason).toMatch(/too many/i);
    // Nor does GET /db/_session with basic auth tell whether the password is right.
    const asked = await send(t.d.url, { method: 'GET', path: '/db/_session', headers: { authorization: basic('kiosk.yde', 'demo-kiosk') } });
    expect(asked.json?.userCtx?.name ?? null).toBeNull();
    const lockouts = await send(t.d.url, { method: 'GET', path: '/api/account/lockouts', headers: t.as['admin.hq'].headers });
    expect(lockouts.json.lockouts.map((l: { name: string }) => l.name)).toContain('kiosk.yde');
    expectRefused(await send(t.d.url, { method: 'DELETE', path: '/api/account/lockouts/kiosk.yde', headers: t.as['supervisor.dla'].headers }), 403);
    expectRefused(await send(t.d.url, { method: 'DELETE', path: '/api/account/lockouts/kiosk.yde', headers: {} }), 401);
    const lifted = await send(t.d.url, { method: 'DELETE', path: '/api/account/lockouts/kiosk.yde', headers: t.as['admin.hq'].headers });
    expect(lifted.json).toEqual({ ok: true, lifted: true });
    expect((await signInFrom(device, 'kiosk.yde', 'demo-kiosk')).status).toBe(200);
    // Guessing across names from one address holds that address back.
    // Guessing through GET /db/_session with basic auth counts as failed sign-ins too.
    for (let i = 0; i < 5; i++) await send(t.d.url, { method: 'GET', path: '/db/_session', headers: { authorization: basic('display.yde', `guess-${i}`) }, from: '127.0.0.4' });
    expectRefused(await signInFrom('127.0.0.4', 'display.yde', 'demo-display'), 429);
    const guesser = '127.0.0.3';
    for (let i = 0; i < 30; i++) expect((await signInFrom(guesser, `nobody.${i}`, 'guess')).status).toBe(401);
    expectRefused(await signInFrom(guesser, 'reception.yde', 'demo-reception'), 429);

    const big = x(10 * 1024 * 1024);
    const event: Record<string, unknown> = { ...authoredLater('visit_event', 'counter.dla'), details: { note: big } };
    // Refused before a byte of the body is read: who may write is known from the headers.
    const bigUser = { _id: 'org.couchdb.user:big', type: 'user', name: 'big', roles: [], password: big };
    expectRefused(await at('PUT', '/_users/org.couchdb.user:big', null, bigUser), 401);
    expectRefused(await at('PUT', '/_users/org.couchdb.user:big', 'counter.dla', bigUser), 403);
    expectRefused(await at('PUT', `/fo_branch_dla/${p(String(event._id))}`, 'counter.dla', event), 413);
    expectRefused(await at('POST', '/fo_people/_find', null, { selector: {}, pad: x(100 * 1024 * 1024) }), 403);
    expectEveryDocRefused(await at('POST', '/fo_branch_dla/_bulk_docs', 'counter.dla', { docs: [event] }), 1);

    await attempt([
      [403, 'GET', '/_all_dbs', null],
      [403, 'GET', '/_membership', null],
      [403, 'GET', '/_uuids', null],
      [400, 'POST', '/fo_branch_dla/_bulk_docs', 'counter.dla', { docs: 'x' }],
      [400, 'POST', '/fo_branch_dla/_bulk_docs', 'counter.dla', '{"docs": '],
      [401, 'POST', '/fo_branch_dla/_bulk_docs', null, { docs: 'x' }],
      // Names an object already has (a prototype lookup answered 500 for these).
      [403, 'PUT', '/fo_branch_dla/constructor', 'counter.dla', { type: 'ticket' }],
      [404, 'GET', '/fo_ref/toString', 'counter.dla'],
    ]);
    expectEveryDocRefused(await at('POST', '/fo_branch_dla/_bulk_docs', 'counter.dla', { docs: [1, 'x', null, []] }), 4);

    const answers: RawAnswer[] = [
      await at('GET', '/', null),
      await at('GET', '/fo_ref', 'counter.dla'),
      await at('GET', '/fo_ref/nope', 'counter.dla'),
      await at('GET', '/fo_ref', null),
      await at('POST', '/fo_branch_dla/_bulk_docs', 'counter.dla', { docs: 'x' }),
      await send(t.d.url, { method: 'GET', path: '/health' }),
      await send(t.d.url, { method: 'GET', path: '/' }),
      await send(t.d.url, { method: 'GET', path: '/_session' }),
      await send(t.d.url, { method: 'GET', path: '/api/account/lockouts' }),
    ];
    for (const r of answers) {
      expect(r.headers['x-powered-by']).toBeUndefined();
      expect(String(r.headers.server ?? '')).not.toMatch(/express|pouch|couch/i);
      expect(r.text).not.toMatch(/<html[\s\S]*(Error|at )/);
    }

    // A branch whose head office cannot be reached says so (embedded: see also engine-health.test.ts).
    // Started on every interface, it also says so (finding 9's "listens on 0.0.0.0 and says nothing").
    const branch = await t.d.startAnother({ CENTRAL_URL: 'http://admin:x@127.0.0.1:9/db', BRANCHES: 'dla', DEMO_DATA: '0', HOST: '0.0.0.0' });
    expect(branch.output()).toMatch(/Listening on every network interface \(HOST=0\.0\.0\.0\)/);
    expect(t.d.server.output()).toMatch(/Listening on 127\.0\.0\.1 only/);
    const health = await waitFor('/health at the branch to see head office down', async () => {
      const r = await send(branch.url, { method: 'GET', path: '/health' });
      return r.json?.central === 'down' ? r.json : null;
    });
    expect(health).toMatchObject({ status: 'degraded', central: 'down' });
    await unharmed();
  });

  it('finding 12: sign-out ends the session at the gateway, whatever the engine thinks of the token', async () => {
    const signedIn = await at('POST', '/_session', null, { name: 'counter.dla', password: 'demo-counter' });
    const cookie = String([signedIn.headers['set-cookie']].flat()[0]).split(';', 1)[0]!;
    const copied = { cookie };
    const withCookie = (method: string, path: string, body?: unknown) => send(t.d.url, { method, path, headers: json(null, copied), body: body === undefined ? undefined : JSON.stringify(body) });
    expect((await withCookie('GET', '/db/_session')).json.userCtx.name).toBe('counter.dla');
    expect((await withCookie('GET', '/db/fo_branch_dla')).status).toBe(200);

    // The engine renews a cookie once a second has passed: sign out with an older token.
    await new Promise((r) => setTimeout(r, 1_100));
    const out = await withCookie('DELETE', '/db/_session');
    expect(out.status).toBe(200);
    // CouchDB answers with an emptied cookie rather than a removed one: either way no working
    // token may be left, not even one renewed by the sign-out's own answer.
    const handedOut = [out.headers['set-cookie']].flat().map((c) => /^AuthSession=([^;]*)/.exec(String(c))?.[1]);
    expect(handedOut.at(-1) ?? '').toBe('');
    for (const token of handedOut.filter(Boolean)) expectRefused(await send(t.d.url, { method: 'GET', path: '/db/fo_branch_dla', headers: { cookie: `AuthSession=${token}` } }), 401, 'a token from the sign-out answer');

    expect((await withCookie('GET', '/db/_session')).json.userCtx).toEqual({ name: null, roles: [] });
    expectRefused(await withCookie('GET', '/db/fo_branch_dla'), 401);
    expectRefused(await withCookie('GET', '/db/fo_branch_dla/_changes'), 401);
    expectRefused(await withCookie('PUT', `/db/fo_branch_dla/${p(String(fixtures().counter_event!._id))}`, authoredLater('counter_event', 'counter.dla')), 401);
    expectRefused(await withCookie('POST', '/api/account/password', { oldPassword: 'demo-counter', newPassword: 'a-new-password-1' }), 401);
    expectRefused(await send(t.d.url, { method: 'GET', path: '/db/fo_branch_dla', headers: { cookie: 'AuthSession=' } }), 401);
    // Other sessions of the same user are not affected.
    expect((await at('GET', '/fo_branch_dla', 'counter.dla')).status).toBe(200);
    await unharmed();
  });

  it('finding 13: the root /_session answers 404 JSON (CouchDB’s replicator then uses basic auth); CouchDB 3.4 password hashes sign in', async () => {
    for (const r of [
      await send(t.d.url, { method: 'GET', path: '/_session' }),
      await send(t.d.url, { method: 'POST', path: '/_session', headers: json(), body: JSON.stringify({ name: 'admin', password: 'test-admin-password' }) }),
      await send(t.d.url, { method: 'POST', path: '/_session', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic('admin', 'test-admin-password') }, body: 'name=admin&password=test-admin-password' }),
    ]) {
      expect(r.status).toBe(404);
      expect(r.json).toMatchObject({ error: 'not_found', reason: expect.any(String) });
    }
    const replicator = await send(t.d.url, { method: 'GET', path: '/db/fo_branch_dla', headers: { authorization: basic('admin', 'test-admin-password') } });
    expect(replicator.status).toBe(200);
    expect(replicator.headers['set-cookie']).toBeUndefined();

    // A user as head office's CouchDB 3.4 stores it, replicated into this engine (behind the gateway).
    const salt = randomBytes(16).toString('hex');
    await adminPut(t.d.engine, '/_users/org.couchdb.user:from.couchdb', {
      _id: 'org.couchdb.user:from.couchdb', type: 'user', name: 'from.couchdb', roles: ['counter', 'branch:dla'],
      password_scheme: 'pbkdf2', pbkdf2_prf: 'sha256', iterations: 600_000, salt,
      derived_key: pbkdf2Sync('replicated-password', salt, 600_000, 32, 'sha256').toString('hex'),
    });
    await t.resnapshot();
    const s = await signIn(t.d.url, 'from.couchdb', 'replicated-password');
    expect((await send(t.d.url, { method: 'GET', path: '/db/fo_branch_dla', headers: s.headers })).status).toBe(200);
    await unharmed();
  });

  it('finding 10: a dying engine is restarted and the gateway answers JSON meanwhile (no hang, no HTML)', async () => {
    // A full disk cannot be made here (it needs a small filesystem of its own); its effect — the
    // engine dying — is made with kill -9. The growing restart delay is engine-lifecycle.test.ts.
    t.d.killEngine();
    const during = await at('GET', '/fo_ref/_all_docs?limit=1', 'reception.dla');
    expectRefused(during, 503);
    const health = await send(t.d.url, { method: 'GET', path: '/health' });
    expect({ status: health.status, ok: health.json.ok, couch: health.json.couch }).toEqual({ status: 503, ok: false, couch: false });
    await waitFor('the engine to answer again', async () => ((await at('GET', '/fo_ref/_all_docs?limit=1', 'reception.dla')).status === 200 ? true : null));
    expect(await t.d.engineDied()).toBe(true);
    // Nothing lost; the replication manager records its jobs' restart in `_replicator` (its own writes).
    const lessJobs = ({ _replicator, ...rest }: EngineSnapshot) => ({ ...rest, _replicator: { ..._replicator!, seq: null } });
    expect(lessJobs(await snapshot(t.d.engine))).toEqual(lessJobs(t.before));
  });

  it('finding 8: after kill -9 of the server, the next start on the same data is clean', async () => {
    await t.d.killAndRestart();
    expect(t.d.server.output()).not.toMatch(/EADDRINUSE/);
    const s = await signIn(t.d.url, 'reception.dla', 'demo-reception');
    expect((await send(t.d.url, { method: 'GET', path: '/db/fo_branch_dla', headers: s.headers })).status).toBe(200);
    expect((await send(t.d.url, { method: 'GET', path: '/health' })).json).toMatchObject({ ok: true });
  });
});
