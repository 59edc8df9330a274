import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { waitFor } from '../support/wait-for.ts';

/*
 * /health of a branch server tells the truth about its link to head office. Head office is a
 * stand-in here that answers only the probe of the branch database, checking the credentials.
 */
let central: Server;
let centralUrl: string;
let branch: RunningServer;
let probes = 0;

beforeAll(async () => {
  central = createServer((req, res) => {
    const authorised = req.headers.authorization === 'Basic ' + Buffer.from('rep:secret').toString('base64');
    if (req.method === 'GET' && req.url === '/db/fo_branch_dla' && authorised) {
      probes++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"db_name":"fo_branch_dla"}');
    } else {
      res.writeHead(authorised ? 404 : 401, { 'content-type': 'application/json' }).end('{"error":"not_found","reason":"missing"}');
    }
  });
  await new Promise<void>((r) => central.listen(0, '127.0.0.1', r));
  centralUrl = `http://rep:secret@127.0.0.1:${(central.address() as AddressInfo).port}/db`;
  branch = await startServer({ CENTRAL_URL: centralUrl, BRANCHES: 'dla', DEMO_DATA: '0' });
});
afterAll(async () => {
  await branch?.stop();
  central.closeAllConnections();
  await new Promise<void>((r) => central.close(() => r()));
});

async function health(): Promise<{ status: number; body: any }> {
  const res = await fetch(`${branch.url}/health`);
  return { status: res.status, body: await res.json() };
}

describe('/health at a branch', () => {
  it('reports head office up while it answers', async () => {
    const h = await health();
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ ok: true, status: 'ok', central: 'up', embeddedEngine: { state: 'up' } });
    // Asked again at once: the answer is reused, head office is not called per /health request.
    const before = probes;
    for (let i = 0; i < 10; i++) await health();
    expect(probes).toBe(before);
  });

  it('reports head office down, and the branch degraded but still serving (200), once the link is gone', async () => {
    central.closeAllConnections();
    await new Promise<void>((r) => central.close(() => r()));
    const h = await waitFor('/health to notice head office is gone', async () => {
      const x = await health();
      return x.body.central === 'down' ? x : null;
    }, 30_000);
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ ok: true, status: 'degraded', central: 'down', centralDetail: 'ECONNREFUSED', couch: true });
    // Trying to replicate against a missing head office did not kill the engine.
    expect(h.body.embeddedEngine).toMatchObject({ state: 'up', restarts: 0 });
  });
});
