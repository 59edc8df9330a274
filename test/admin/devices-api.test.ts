import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, basicAuth, callApi, couch, couchAt, engineUrl, signIn, type Session } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

/* /api/devices on the real server (embedded engine, demo data): codes, enrolment, heartbeat, revocation. */
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
const kiosk = { branch: 'dla', role: 'kiosk', label: 'Kiosk entrance' };

async function newCode(request: Record<string, string> = kiosk): Promise<string> {
  const res = await api(admin, 'POST', '/api/devices/codes', request);
  expect(res.status, res.text).toBe(201);
  return json(res).code as string;
}

describe('who may call /api/devices', () => {
  it('refuses anonymous callers (401), non-admins (403), cross-site and non-JSON requests, and writes nothing', async () => {
    expect((await api(null, 'GET', '/api/devices')).status).toBe(401);
    expect((await api(null, 'POST', '/api/devices/codes', kiosk)).status).toBe(401);
    expect((await api(null, 'POST', '/api/devices/heartbeat', { printer: 'usb' })).status).toBe(401);
    const supervisor = await signIn(server.url, 'supervisor.dla', 'demo-supervisor');
    expect((await api(supervisor, 'GET', '/api/devices')).status).toBe(403);
    expect((await api(supervisor, 'POST', '/api/devices/codes', kiosk)).status).toBe(403);
    expect((await api(supervisor, 'POST', '/api/devices/device.dla.kiosk.abcdef/revoke', {})).status).toBe(403);
    // A signed-in person is not a device: no heartbeat on its behalf.
    expect((await api(supervisor, 'POST', '/api/devices/heartbeat', { printer: 'usb' })).status).toBe(403);
    expect((await api(admin, 'POST', '/api/devices/codes', kiosk, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api(admin, 'POST', '/api/devices/codes', 'x'.repeat(10_000))).status).toBe(413);
    const text = await fetch(`${server.url}/api/devices/codes`, { method: 'POST', headers: { ...admin.headers, 'content-type': 'text/plain' }, body: JSON.stringify(kiosk) });
    expect(text.status).toBe(415);
    expect(json(await api(admin, 'GET', '/api/devices')).devices).toEqual([]);
  });

  it('refuses a bad code request with every problem, as the form does', async () => {
    const res = await api(admin, 'POST', '/api/devices/codes', { branch: 'nowhere', role: 'counter', label: ' ' });
    expect(res.status).toBe(400);
    expect(json(res).problems).toEqual(['role_unknown', 'place_invalid', 'label_missing']);
  });
});

describe('enrolment', () => {
  it('a code enrols one device once; the device signs in with its password, reports itself, and shows in the list without secrets', async () => {
    const made = await api(admin, 'POST', '/api/devices/codes', kiosk);
    expect(made.status).toBe(201);
    const { code, expiresAt } = json(made);
    expect(code).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const lifetime = Date.parse(expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(23.9 * 3_600_000);
    expect(lifetime).toBeLessThanOrEqual(24 * 3_600_000);
    // The code is stored only as its hash.
    const stored = await couchAt(engineUrl(server), basicAuth(ADMIN.name, ADMIN.password), 'GET', '/fo_devices/_all_docs?include_docs=true');
    expect(JSON.stringify(stored.body)).not.toContain(code);

    // Typed with capitals and spaces: still the code.
    const enrolled = await api(null, 'POST', '/api/devices/enrol', { code: code.toUpperCase().replace(/-/g, ' ') });
    expect(enrolled.status, enrolled.text).toBe(200);
    const device = json(enrolled);
    expect(device.name).toMatch(/^device\.dla\.kiosk\.[a-z2-9]{6}$/);
    expect(device.roles).toEqual(['kiosk', 'branch:dla', 'device']);
    expect(device.password.length).toBeGreaterThanOrEqual(40);

    // Once only.
    const again = await api(null, 'POST', '/api/devices/enrol', { code });
    expect(again.status).toBe(410);
    expect(json(again).error).toBe('code_used');

    // The device account works: a session, its branch database, a heartbeat.
    const session = await signIn(server.url, device.name, device.password);
    expect((await couch(server.url, session, 'GET', '/fo_branch_dla/_all_docs?limit=1')).status).toBe(200);
    expect((await couch(server.url, session, 'GET', '/fo_branch_yde/_all_docs?limit=1')).status).toBe(403);
    expect((await api(session, 'POST', '/api/devices/heartbeat', { printer: 'nonsense' })).status).toBe(400);
    expect((await api(session, 'POST', '/api/devices/heartbeat', { printer: 'fallback' })).status).toBe(200);
    // A device is no administrator.
    expect((await api(session, 'GET', '/api/devices')).status).toBe(403);

    const list = await api(admin, 'GET', '/api/devices');
    expect(list.status).toBe(200);
    expect(list.text).not.toMatch(/derived_key|password_scheme|"salt"|"password"|pbkdf2/);
    expect(list.text).not.toContain(device.password);
    expect(list.text).not.toContain(code);
    const row = json(list).devices.find((d: { name: string }) => d.name === device.name);
    expect(row).toMatchObject({ label: 'Kiosk entrance', branch: 'dla', role: 'kiosk', printer: 'fallback', revoked: false });
    expect(Date.now() - Date.parse(row.lastContact)).toBeLessThan(60_000);
    // The users API shows no secret of it either.
    expect((await api(admin, 'GET', '/api/users')).text).not.toContain(device.password);
  });

  it('refuses unknown, malformed and expired codes', async () => {
    const unknown = await api(null, 'POST', '/api/devices/enrol', { code: 'aaaaa-bbbbb-ccccc-ddddd' });
    expect(unknown.status).toBe(404);
    expect(json(unknown).error).toBe('code_unknown');
    expect(json(await api(null, 'POST', '/api/devices/enrol', { code: 'short' })).error).toBe('code_unknown');
    expect((await api(null, 'POST', '/api/devices/enrol', { code: 'aaaaa-bbbbb-ccccc-ddddd' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);

    // A code whose 24 hours are over (its record aged behind the server's back).
    const code = await newCode({ branch: 'dla', role: 'display', label: 'Hall screen' });
    const engine = engineUrl(server);
    const auth = basicAuth(ADMIN.name, ADMIN.password);
    const id = `code:${createHash('sha256').update(code).digest('hex')}`;
    const doc = (await couchAt(engine, auth, 'GET', `/fo_devices/${encodeURIComponent(id)}`)).body;
    expect((await couchAt(engine, auth, 'PUT', `/fo_devices/${encodeURIComponent(id)}`, { ...doc, expiresAt: new Date(Date.now() - 1000).toISOString() })).status).toBe(201);
    const expired = await api(null, 'POST', '/api/devices/enrol', { code });
    expect(expired.status).toBe(410);
    expect(json(expired).error).toBe('code_expired');
    expect(json(await api(admin, 'GET', '/api/devices')).devices.some((d: { label: string }) => d.label === 'Hall screen')).toBe(false);
  });

  it('a revoked device loses its session, cannot sign in again, and its old code does not re-enrol it', async () => {
    const code = await newCode({ branch: 'dla', role: 'kiosk', label: 'Kiosk back door' });
    const device = json(await api(null, 'POST', '/api/devices/enrol', { code }));
    const session = await signIn(server.url, device.name, device.password);
    expect((await couch(server.url, session, 'GET', '/fo_branch_dla/_all_docs?limit=1')).status).toBe(200);

    expect((await api(admin, 'POST', `/api/devices/${device.name}/revoke`, {})).status).toBe(200);
    const row = json(await api(admin, 'GET', '/api/devices')).devices.find((d: { name: string }) => d.name === device.name);
    expect(row.revoked).toBe(true);
    // Its session dies at the gateway (within the session cache's 10 s).
    await expect.poll(async () => (await couch(server.url, session, 'GET', '/fo_branch_dla/_all_docs?limit=1')).status, { timeout: 20_000, interval: 500 }).not.toBe(200);
    await expect.poll(async () => (await api(session, 'POST', '/api/devices/heartbeat', { printer: 'usb' })).status, { timeout: 20_000, interval: 500 }).toBe(401);
    const again = await fetch(`${server.url}/db/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: device.name, password: device.password }) });
    expect(again.status).toBe(401);
    expect(((await again.json()) as { error: string }).error).toBe('account_disabled');
    const reuse = await api(null, 'POST', '/api/devices/enrol', { code });
    expect(reuse.status).toBe(410);
    expect(json(reuse).error).toBe('code_used');
    expect((await api(admin, 'POST', '/api/devices/device.dla.kiosk.zzzzzz/revoke', {})).status).toBe(404);
  });
});
