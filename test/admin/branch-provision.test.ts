/* Issue 14: a branch created through the administration works without a restart: the server follows fo_ref and provisions it (server/provision/branch-follower.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, couch, signIn, type Session } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let admin: Session;
beforeAll(async () => {
  server = await startServer();
  admin = await signIn(server.url, 'admin.hq', 'demo-admin');
});
afterAll(async () => {
  await server?.stop();
});

const AT = '2026-01-05T09:00:00.000Z';
const DAY = '2026-01-05';
const api = (s: Session | null, method: string, path: string, body?: unknown) => callApi(server.url, s, method, path, body);
const branch = { _id: 'branch:ngd', type: 'branch', code: 'ngd', name: 'Ngaoundéré', city: 'Ngaoundéré', services: ['family', 'pension'], timeZone: 'Africa/Douala', updatedBy: 'admin.hq', updatedAt: AT };
const ticket = { _id: `ticket:ngd:${DAY}:F:0001`, type: 'ticket', branch: 'ngd', day: DAY, service: 'family', series: 'F', seq: 1, label: 'F001', issuedAt: AT, device: 'r1', state: 'waiting' };

describe('a new branch works without a restart', () => {
  it('the admin creates a branch; a user of that branch reads and writes its database, the server never restarted', async () => {
    const pid = server.pid;
    expect((await couch(server.url, admin, 'GET', '/fo_branch_ngd')).status).not.toBe(200);
    expect((await couch(server.url, admin, 'PUT', '/fo_ref/branch:ngd', branch)).status).toBe(201);

    // The admin creates its receptionist, who sets a password of their own.
    const created = await api(admin, 'POST', '/api/users', { name: 'reception.ngd', displayName: 'Accueil Ngaoundéré', jobRoles: ['reception'], place: 'branch:ngd', password: 'first secret 1' });
    expect(created.status).toBe(201);
    const first = await signIn(server.url, 'reception.ngd', 'first secret 1');
    expect((await api(first, 'POST', '/api/account/password', { oldPassword: 'first secret 1', newPassword: 'ngaoundere secret' })).status).toBe(200);
    const reception = await signIn(server.url, 'reception.ngd', 'ngaoundere secret');

    // Provisioned in the background: the database, its _security (the branch's role) and design documents.
    await expect.poll(async () => (await couch(server.url, reception, 'GET', '/fo_branch_ngd/_all_docs?limit=1')).status, { timeout: 30_000 }).toBe(200);
    expect((await couch(server.url, reception, 'PUT', `/fo_branch_ngd/${encodeURIComponent(ticket._id)}`, ticket)).status).toBe(201);
    expect((await couch(server.url, reception, 'GET', `/fo_branch_ngd/${encodeURIComponent(ticket._id)}`)).body.label).toBe('F001');
    // Its validator is installed: a ticket naming another branch is refused.
    expect((await couch(server.url, reception, 'PUT', `/fo_branch_ngd/${encodeURIComponent(`ticket:dla:${DAY}:F:0002`)}`, { ...ticket, _id: `ticket:dla:${DAY}:F:0002`, branch: 'dla', seq: 2, label: 'F002' })).status).toBe(403);
    // Another branch's staff is not a member.
    const dla = await signIn(server.url, 'reception.dla', 'demo-reception');
    expect((await couch(server.url, dla, 'GET', '/fo_branch_ngd/_all_docs?limit=1')).status).toBe(403);
    // Its scans database too, and the branch among the server's branches (which its jobs follow).
    const health = (await (await fetch(`${server.url}/health`)).json()) as { branches: string[]; designDocs: Record<string, string> };
    expect(health.branches).toContain('ngd');
    expect(Object.keys(health.designDocs)).toEqual(expect.arrayContaining(['fo_branch_ngd', 'fo_scans_ngd']));
    expect(server.pid).toBe(pid);
  });

  it('after a restart the server follows again: a branch created then works too, the first one is kept', async () => {
    server = await server.restart();
    admin = await signIn(server.url, 'admin.hq', 'demo-admin');
    expect((await couch(server.url, admin, 'PUT', '/fo_ref/branch:ebw', { ...branch, _id: 'branch:ebw', code: 'ebw', name: 'Ebolowa', city: 'Ebolowa' })).status).toBe(201);
    expect((await api(admin, 'POST', '/api/users', { name: 'counter.ebw', displayName: 'Guichet Ebolowa', jobRoles: ['counter'], place: 'branch:ebw', password: 'first secret 2' })).status).toBe(201);
    const first = await signIn(server.url, 'counter.ebw', 'first secret 2');
    expect((await api(first, 'POST', '/api/account/password', { oldPassword: 'first secret 2', newPassword: 'ebolowa secret' })).status).toBe(200);
    const counterEbw = await signIn(server.url, 'counter.ebw', 'ebolowa secret');
    await expect.poll(async () => (await couch(server.url, counterEbw, 'GET', '/fo_branch_ebw/_all_docs?limit=1')).status, { timeout: 30_000 }).toBe(200);
    const reception = await signIn(server.url, 'reception.ngd', 'ngaoundere secret');
    expect((await couch(server.url, reception, 'GET', `/fo_branch_ngd/${encodeURIComponent(ticket._id)}`)).body.label).toBe('F001');
  });
});
