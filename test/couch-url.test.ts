import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedEngine, type EmbeddedEngine } from '../server/embedded/start-engine.ts';
import { ADMIN, couch, signIn } from './support/couch-http.ts';
import { startServer, type RunningServer } from './support/server-process.ts';

/*
 * Apache CouchDB cannot be installed on this machine (no Debian or npm package), so the
 * COUCH_URL path is exercised against a separately started CouchDB-compatible engine: the
 * server must treat it as any external CouchDB, through the HTTP API only.
 */
let engine: EmbeddedEngine;
let server: RunningServer;
const dir = mkdtempSync(join(tmpdir(), 'fo-external-'));

beforeAll(async () => {
  engine = await startEmbeddedEngine({ dataDir: dir, admin: ADMIN, port: 0 });
  server = await startServer({ COUCH_URL: engine.url, COUCH_ADMIN_USER: ADMIN.name, COUCH_ADMIN_PASSWORD: ADMIN.password });
});
afterAll(async () => {
  await server?.stop();
  await engine?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('server with COUCH_URL', () => {
  it('uses the given CouchDB instead of starting its own, and provisions it', async () => {
    expect(server.output()).not.toMatch(/embedded engine/);
    const health = (await (await fetch(`${server.url}/health`)).json()) as { engine: string; ok: boolean };
    expect(health).toMatchObject({ ok: true, engine: 'couchdb' });
    const dbs = (await (await fetch(`${engine.url}/_all_dbs`, { headers: { authorization: 'Basic ' + btoa(`${ADMIN.name}:${ADMIN.password}`) } })).json()) as string[];
    expect(dbs).toEqual(expect.arrayContaining(['fo_ref', 'fo_people', 'fo_branch_dla', 'fo_branch_yde', 'fo_central']));
  });

  it('signs users in against that CouchDB through the proxy', async () => {
    const s = await signIn(server.url, 'reception.yde', 'demo-reception');
    expect((await couch(server.url, s, 'GET', '/fo_branch_yde')).status).toBe(200);
    expect([401, 403]).toContain((await couch(server.url, s, 'GET', '/fo_branch_dla')).status);
  });
});
