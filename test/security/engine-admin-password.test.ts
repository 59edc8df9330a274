import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server-process.ts';

/* No well-known server-admin password: generated at the first start of the embedded engine, kept in DATA_DIR. */
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

const basic = (name: string, password: string) => ({ authorization: 'Basic ' + Buffer.from(`${name}:${password}`).toString('base64') });

async function status(url: string, headers: Record<string, string>): Promise<number> {
  return (await fetch(url, { headers })).status;
}

describe('server admin password', () => {
  it('is generated at the first start, kept owner-only in DATA_DIR, printed once, and reused', async () => {
    const first = await startServer({ COUCH_ADMIN_PASSWORD: '', DEMO_DATA: '0' });
    servers.push(first);
    const file = join(first.dataDir, 'admin-password');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, 'utf8').trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    expect(first.output()).toContain(password);
    expect(first.output()).toMatch(/Server admin \(generated now/);
    // The engine's config file holds the cookie secret and the admin's hash: owner-only too, hashed as CouchDB 3.4 does.
    const configFile = join(first.dataDir, 'config.json');
    expect(statSync(configFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(configFile, 'utf8')).admins.admin).toMatch(/^-pbkdf2:sha256-[0-9a-f]{64},[0-9a-f]{32},600000$/);

    const engine = `http://127.0.0.1:${first.enginePort}`;
    expect(await status(`${engine}/_all_dbs`, basic('admin', password))).toBe(200);
    expect(await status(`${engine}/_all_dbs`, basic('admin', 'front-office-admin'))).toBe(401);
    expect(await status(`${first.url}/db/_all_dbs`, basic('admin', 'front-office-admin'))).toBeGreaterThanOrEqual(400);

    const second = await first.restart();
    servers.push(second);
    expect(readFileSync(file, 'utf8').trim()).toBe(password);
    expect(second.output()).not.toContain(password);
    expect(await status(`http://127.0.0.1:${second.enginePort}/_all_dbs`, basic('admin', password))).toBe(200);
  });

  it('replaces an old data folder’s well-known admin when a password is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fo-old-admin-'));
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ admins: { admin: 'front-office-admin', other: 'front-office-admin' } }));
    const s = await startServer({ COUCH_ADMIN_PASSWORD: 'given-by-the-operator', DEMO_DATA: '0' }, dir);
    servers.push({ ...s, stop: async () => (await s.stop(), rmSync(dir, { recursive: true, force: true })) });
    const engine = `http://127.0.0.1:${s.enginePort}`;
    expect(await status(`${engine}/_all_dbs`, basic('admin', 'given-by-the-operator'))).toBe(200);
    expect(await status(`${engine}/_all_dbs`, basic('admin', 'front-office-admin'))).toBe(401);
    // The configured admin is the only server admin.
    expect(await status(`${engine}/_all_dbs`, basic('other', 'front-office-admin'))).toBe(401);
  });

  it('must be given with COUCH_URL: the server refuses to start and says why', async () => {
    await expect(startServer({ COUCH_URL: 'http://127.0.0.1:9', COUCH_ADMIN_PASSWORD: '' })).rejects.toThrow(
      /server exited with 1:[\s\S]*COUCH_URL needs COUCH_ADMIN_PASSWORD/,
    );
  });
});
