import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { centralLinkProbe } from './central-link.ts';

let server: Server | null = null;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

function fakeCentral(answer: (auth: string | undefined) => number): Promise<{ url: string; calls: () => number }> {
  let calls = 0;
  server = createServer((req, res) => {
    calls++;
    res.writeHead(answer(req.headers.authorization)).end('{}');
  });
  return new Promise((resolve) =>
    server!.listen(0, '127.0.0.1', () => {
      const { port } = server!.address() as AddressInfo;
      resolve({ url: `http://rep%40ho:p%3Aw@127.0.0.1:${port}/db/fo_branch_dla`, calls: () => calls });
    }),
  );
}

describe('central link probe', () => {
  it('is up when head office answers the branch database with the given credentials', async () => {
    const c = await fakeCentral((auth) => (auth === 'Basic ' + Buffer.from('rep@ho:p:w').toString('base64') ? 200 : 401));
    expect(await centralLinkProbe(c.url)()).toMatchObject({ state: 'up' });
  });

  it('is down on a refusal, with the status as the reason', async () => {
    const c = await fakeCentral(() => 401);
    expect(await centralLinkProbe(c.url)()).toMatchObject({ state: 'down', detail: 'HTTP 401' });
  });

  it('is down when nothing listens', async () => {
    const c = await fakeCentral(() => 200);
    await new Promise<void>((r) => server!.close(() => r()));
    server = null;
    expect(await centralLinkProbe(c.url, { timeoutMs: 2000 })()).toMatchObject({ state: 'down', detail: 'ECONNREFUSED' });
  });

  it('asks head office once per period however often it is asked', async () => {
    const c = await fakeCentral(() => 200);
    const probe = centralLinkProbe(c.url, { ttlMs: 60_000 });
    await Promise.all(Array.from({ length: 20 }, () => probe()));
    await probe();
    expect(c.calls()).toBe(1);
  });
});
