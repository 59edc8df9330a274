import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goodDocs } from '../couch-design/testing/fixtures.ts';
import { startEmbeddedEngine, type EmbeddedEngine } from '../server/embedded/start-engine.ts';
import { ADMIN, couch, signIn } from './support/couch-http.ts';
import { startServer, type RunningServer } from './support/server-process.ts';
import { waitFor } from './support/wait-for.ts';

/*
 * Head office and one branch server, each with its own engine; the branch replicates through
 * head office's public /db/ gateway. Once with each server's embedded engine, once with both
 * on COUCH_URL (a separately started engine each, reached through the HTTP API only).
 */
type EngineKind = 'embedded' | 'COUCH_URL';

async function startOn(kind: EngineKind, env: Record<string, string>, engines: EmbeddedEngine[], dirs: string[]): Promise<RunningServer> {
  if (kind === 'embedded') return startServer(env);
  const dir = mkdtempSync(join(tmpdir(), 'fo-external-'));
  dirs.push(dir);
  const engine = await startEmbeddedEngine({ dataDir: dir, admin: ADMIN, port: 0 });
  engines.push(engine);
  return startServer({ ...env, COUCH_URL: engine.url, COUCH_ADMIN_USER: ADMIN.name, COUCH_ADMIN_PASSWORD: ADMIN.password });
}

describe.each<EngineKind>(['embedded', 'COUCH_URL'])('branch deployment (CENTRAL_URL), head office and branch on %s', (kind) => {
  let ho: RunningServer;
  let branch: RunningServer;
  const engines: EmbeddedEngine[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    ho = await startOn(kind, {}, engines, dirs);
    const central = new URL(`${ho.url}/db`);
    central.username = ADMIN.name;
    central.password = ADMIN.password;
    branch = await startOn(kind, { CENTRAL_URL: central.toString(), BRANCHES: 'dla', DEMO_DATA: '0' }, engines, dirs);
  });
  afterAll(async () => {
    await branch?.stop();
    await ho?.stop();
    for (const e of engines) await e.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const idPath = (db: string, id: string) => `/${db}/${encodeURIComponent(id)}`;

  it('lets head-office users sign in at the branch once users have replicated', async () => {
    const s = await waitFor('counter.dla to sign in at the branch', () => signIn(branch.url, 'counter.dla', 'demo-counter').catch(() => null));
    expect((await couch(branch.url, s, 'GET', '/fo_branch_dla')).status).toBe(200);
    const people = await waitFor('people at the branch', async () => {
      const r = await couch(branch.url, s, 'GET', '/fo_people');
      return r.status === 200 && r.body.doc_count > 1000 ? r.body : null;
    });
    expect(people.doc_count).toBeGreaterThan(1000);
  });

  it('carries branch work to head office (and its central database) and head-office changes back', async () => {
    const docs = goodDocs();
    const atBranch = await signIn(branch.url, 'reception.dla', 'demo-reception');
    const ticket = { ...(docs.ticket as { _id: string }), _id: String(docs.ticket!._id).replace(':0012', ':0042'), seq: 42, label: 'A042' };
    expect((await couch(branch.url, atBranch, 'PUT', idPath('fo_branch_dla', ticket._id), ticket)).status).toBe(201);

    const atHo = await signIn(ho.url, 'reception.dla', 'demo-reception');
    const there = await waitFor('the ticket at head office', async () => {
      const r = await couch(ho.url, atHo, 'GET', idPath('fo_branch_dla', ticket._id));
      return r.status === 200 ? r.body : null;
    });
    expect(there.label).toBe('A042');
    const hq = await signIn(ho.url, 'supervisor.hq', 'demo-supervisor');
    await waitFor('the ticket in fo_central', async () => {
      const r = await couch(ho.url, hq, 'GET', idPath('fo_central', ticket._id));
      return r.status === 200 ? r.body : null;
    });

    const back = { ...(docs.ticket as { _id: string }), _id: String(docs.ticket!._id).replace(':0012', ':0043'), seq: 43, label: 'A043' };
    expect((await couch(ho.url, atHo, 'PUT', idPath('fo_branch_dla', back._id), back)).status).toBe(201);
    await waitFor('the head-office ticket at the branch', async () => {
      const r = await couch(branch.url, atBranch, 'GET', idPath('fo_branch_dla', back._id));
      return r.status === 200 ? r.body : null;
    });
  });

  it('pushes the branch\'s scans one way to head office, where the back office reads them (issue 10)', async () => {
    const scan = goodDocs().scan!;
    const counter = await signIn(branch.url, 'counter.dla', 'demo-counter');
    const pushed = await couch(branch.url, counter, 'POST', '/fo_scans_dla/_bulk_docs', { docs: [scan] });
    expect([pushed.status, pushed.body[0]?.error]).toEqual([201, undefined]);
    const backoffice = await signIn(ho.url, 'backoffice.dla', 'demo-backoffice');
    const bytes = await waitFor('the scan at head office', async () => {
      const r = await fetch(`${ho.url}/db${idPath('fo_scans_dla', String(scan._id))}/0104.jpg`, { headers: backoffice.headers });
      return r.status === 200 ? Buffer.from(await r.arrayBuffer()).toString('utf8') : null;
    });
    expect(bytes).toBe('JPEG!');
  });
});
