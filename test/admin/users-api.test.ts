import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, couch, signIn, type Session } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

/* /api/users on the real server (embedded engine, demo data): who may call it, what it shows, what it does to sign-in. */
let server: RunningServer;
let admin: Session;
beforeAll(async () => {
  server = await startServer();
  admin = await signIn(server.url, 'admin.hq', 'demo-admin');
});
afterAll(async () => {
  await server?.stop();
});

const api = (session: Session | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => callApi(server.url, session, method, path, body, headers);
const json = (r: { text: string }) => JSON.parse(r.text) as Record<string, any>;

async function signInStatus(name: string, password: string) {
  const res = await fetch(`${server.url}/db/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
  return { status: res.status, cookie: res.headers.get('set-cookie'), body: (await res.json()) as Record<string, any> };
}

const cashier = { name: 'cashier.new', displayName: 'Awa Ndiaye', jobRoles: ['cashier'], place: 'dla', password: 'first-day-at-work' };

describe('who may call /api/users', () => {
  it('refuses anonymous callers (401), non-admins (403) and cross-site requests', async () => {
    expect((await api(null, 'GET', '/api/users')).status).toBe(401);
    const supervisor = await signIn(server.url, 'supervisor.dla', 'demo-supervisor');
    expect((await api(supervisor, 'GET', '/api/users')).status).toBe(403);
    expect((await api(supervisor, 'POST', '/api/users', { ...cashier, name: 'sneaky' })).status).toBe(403);
    expect((await api(supervisor, 'POST', '/api/users/counter.dla/disable', {})).status).toBe(403);
    expect((await api(admin, 'POST', '/api/users', { ...cashier, name: 'cross' }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api(admin, 'POST', '/api/users', 'x'.repeat(10_000))).status).toBe(413);
    const textBody = await fetch(`${server.url}/api/users`, { method: 'POST', headers: { ...admin.headers, 'content-type': 'text/plain' }, body: JSON.stringify(cashier) });
    expect(textBody.status).toBe(415);
    // Nothing of the refused calls was written.
    const names = json(await api(admin, 'GET', '/api/users')).users.map((u: { name: string }) => u.name);
    expect(names).not.toContain('sneaky');
    expect(names).not.toContain('cross');
  });

  it('lists every user without a hash, salt or password, with roles split and states shown', async () => {
    const res = await api(admin, 'GET', '/api/users');
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(/derived_key|password_scheme|"salt"|"password"|pbkdf2/);
    const counter = json(res).users.find((u: { name: string }) => u.name === 'counter.dla');
    expect(counter).toEqual({ name: 'counter.dla', displayName: null, jobRoles: ['counter'], placeRole: 'branch:dla', disabled: false, mustChangePassword: false, lastSignIn: null });
  });
});

describe('creating, disabling and resetting', () => {
  it('refuses bad input with its reason and writes nothing', async () => {
    const cases: [unknown, number, string][] = [
      [{ ...cashier, name: 'counter.dla' }, 409, 'name_taken'],
      [{ ...cashier, name: 'Bad Name' }, 400, 'name_invalid'],
      [{ ...cashier, jobRoles: [] }, 400, 'role_missing'],
      [{ ...cashier, jobRoles: ['cashier', 'janitor'] }, 400, 'role_unknown'],
      [{ ...cashier, place: 'atlantis' }, 400, 'place_invalid'],
      [{ ...cashier, password: 'short' }, 400, 'password_weak'],
      [{ ...cashier, password: 'cashier.new-2024' }, 400, 'password_weak'],
    ];
    for (const [body, status, error] of cases) {
      const res = await api(admin, 'POST', '/api/users', body);
      expect({ status: res.status, error: json(res).error }).toEqual({ status, error });
      expect(json(res).reason).toMatch(/\w+ \w+/);
    }
    const users = json(await api(admin, 'GET', '/api/users')).users as { name: string; jobRoles: string[] }[];
    expect(users.find((u) => u.name === 'cashier.new')).toBeUndefined();
    expect(users.find((u) => u.name === 'counter.dla')!.jobRoles).toEqual(['counter']);
  });

  it('creates a user who signs in and must change the password before anything else', async () => {
    const created = await api(admin, 'POST', '/api/users', cashier);
    expect(created.status).toBe(201);
    expect(created.text).not.toContain(cashier.password);
    expect(json(created).user).toMatchObject({ name: 'cashier.new', jobRoles: ['cashier'], placeRole: 'branch:dla', mustChangePassword: true });

    const first = await signIn(server.url, 'cashier.new', cashier.password);
    expect((await couch(server.url, first, 'GET', '/_session')).body.userCtx.roles).toContain('account:must-change-password');
    // No data until the password is the user's own.
    expect((await couch(server.url, first, 'GET', '/fo_branch_dla/_all_docs?limit=1')).status).toBe(403);
    expect((await couch(server.url, first, 'GET', '/fo_ref/_all_docs?limit=1')).status).toBe(403);

    const changed = await api(first, 'POST', '/api/account/password', { oldPassword: cashier.password, newPassword: 'my own good secret' });
    expect(changed.status).toBe(200);
    const again = await signIn(server.url, 'cashier.new', 'my own good secret');
    expect((await couch(server.url, again, 'GET', '/_session')).body.userCtx.roles).toEqual(['cashier', 'branch:dla']);
    expect((await couch(server.url, again, 'GET', '/fo_branch_dla/_all_docs?limit=1')).status).toBe(200);

    const listed = json(await api(admin, 'GET', '/api/users')).users.find((u: { name: string }) => u.name === 'cashier.new');
    expect(listed.mustChangePassword).toBe(false);
    // The gateway recorded the sign-in (asynchronously, after answering it).
    await expect.poll(async () => json(await api(admin, 'GET', '/api/users')).users.find((u: { name: string }) => u.name === 'cashier.new').lastSignIn, { timeout: 10_000 }).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('disables a user: sign-in refused, an earlier session stops, the device standing check names it; re-enabling brings it back', async () => {
    const before = await signIn(server.url, 'reception.dla', 'demo-reception');
    expect((await api(admin, 'POST', '/api/users/reception.dla/disable', {})).status).toBe(200);

    const refused = await signInStatus('reception.dla', 'demo-reception');
    expect(refused).toMatchObject({ status: 401, cookie: null, body: { error: 'account_disabled' } });
    // The session opened before is anonymous once the gateway's 10 s cache has passed.
    await expect.poll(async () => (await couch(server.url, before, 'GET', '/fo_branch_dla/_all_docs?limit=1')).status, { timeout: 30_000, interval: 1_000 }).toBe(401);
    expect((await couch(server.url, before, 'GET', '/_session')).body.userCtx).toEqual({ name: null, roles: [] });

    const counterSession = await signIn(server.url, 'counter.dla', 'demo-counter');
    const standing = await api(counterSession, 'POST', '/api/users/standing', { names: ['reception.dla', 'counter.dla', 'nobody.here'] });
    expect(json(standing)).toEqual({ revoked: ['reception.dla', 'nobody.here'] });
    expect((await api(null, 'POST', '/api/users/standing', { names: ['reception.dla'] })).status).toBe(401);

    expect(json(await api(admin, 'GET', '/api/users')).users.find((u: { name: string }) => u.name === 'reception.dla').disabled).toBe(true);
    expect((await api(admin, 'POST', '/api/users/reception.dla/enable', {})).status).toBe(200);
    expect((await signInStatus('reception.dla', 'demo-reception')).status).toBe(200);
  });

  it('edits roles (keeping the account states) and refuses an unknown role', async () => {
    expect((await api(admin, 'PUT', '/api/users/counter.yde/roles', { jobRoles: ['counter', 'wizard'], place: 'yde' })).status).toBe(400);
    const edited = await api(admin, 'PUT', '/api/users/counter.yde/roles', { jobRoles: ['reception', 'counter'], place: 'yde' });
    expect(json(edited).user).toMatchObject({ jobRoles: ['reception', 'counter'], placeRole: 'branch:yde' });
    const s = await signIn(server.url, 'counter.yde', 'demo-counter');
    expect((await couch(server.url, s, 'GET', '/_session')).body.userCtx.roles).toEqual(['reception', 'counter', 'branch:yde']);
    // The administrator cannot lock themselves out.
    expect(json(await api(admin, 'POST', '/api/users/admin.hq/disable', {})).error).toBe('own_account');
  });

  it('resets a password: a temporary one shown once, the old one refused, a change forced', async () => {
    const reset = await api(admin, 'POST', '/api/users/backoffice.dla/reset-password', {});
    expect(reset.status).toBe(200);
    const temporary = json(reset).temporaryPassword as string;
    expect(temporary).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect((await signInStatus('backoffice.dla', 'demo-backoffice')).status).toBe(401);
    const s = await signIn(server.url, 'backoffice.dla', temporary);
    expect((await couch(server.url, s, 'GET', '/_session')).body.userCtx.roles).toContain('account:must-change-password');
    expect(json(await api(admin, 'GET', '/api/users')).users.find((u: { name: string }) => u.name === 'backoffice.dla').mustChangePassword).toBe(true);
    expect((await api(admin, 'POST', '/api/users/nobody.here/reset-password', {})).status).toBe(404);
  });
});
