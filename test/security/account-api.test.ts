import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, basicAuth, couch, couchAt, engineUrl, signIn, type Session } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

/* A user changes their own password through /api/account/password: never their roles, never someone else's. */
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const admin = basicAuth(ADMIN.name, ADMIN.password);

async function changePassword(session: Session | null, body: unknown, origin?: string) {
  const res = await fetch(`${server.url}/api/account/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...session?.headers, ...(origin ? { origin } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { error?: string; reason?: string } };
}

const userDoc = async (name: string) => (await couchAt(engineUrl(server), admin, 'GET', `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`)).body;

describe('password change', () => {
  it('needs a session, the current password, a strong new one and a same-origin request', async () => {
    expect((await changePassword(null, { oldPassword: 'demo-counter', newPassword: 'a much better one' })).status).toBe(401);
    const s = await signIn(server.url, 'counter.dla', 'demo-counter');
    expect((await changePassword(s, { oldPassword: 'wrong-password', newPassword: 'a much better one' })).status).toBe(403);
    const weak = await changePassword(s, { oldPassword: 'demo-counter', newPassword: 'short' });
    expect(weak).toMatchObject({ status: 400, body: { error: 'weak_password' } });
    expect((await changePassword(s, { oldPassword: 'demo-counter', newPassword: 'a much better one' }, 'http://evil.example')).status).toBe(403);
    // Nothing changed: the old password still signs in.
    await signIn(server.url, 'counter.dla', 'demo-counter');
  });

  it('changes the password and nothing else, whatever the body says about roles', async () => {
    const before = await userDoc('reception.dla');
    const s = await signIn(server.url, 'reception.dla', 'demo-reception');
    const res = await changePassword(s, { oldPassword: 'demo-reception', newPassword: 'a much better one', roles: ['admin', 'hq'], name: 'admin.hq' });
    expect(res.status).toBe(200);
    const after = await userDoc('reception.dla');
    expect(after.roles).toEqual(before.roles);
    expect(after.derived_key).not.toBe(before.derived_key);
    await expect(signIn(server.url, 'reception.dla', 'demo-reception')).rejects.toThrow(/401/);
    const again = await signIn(server.url, 'reception.dla', 'a much better one');
    expect((await couch(server.url, again, 'GET', '/_session')).body.userCtx.roles).toEqual(before.roles);
    // admin.hq, named in the body, is untouched.
    await signIn(server.url, 'admin.hq', 'demo-admin');
  });
});
