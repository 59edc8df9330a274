import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './support/raw-http.ts';

/*
 * The attack replays' HTTP client keeps connections alive; a server that closes an idle one just
 * as it is reused (its keep-alive timeout on a loaded machine) must not fail a GET, and must not
 * make a write happen twice. This server plays that close: it drops every connection's second request.
 */
describe('raw HTTP client on a connection closed as it is reused', () => {
  let server: Server;
  let base: string;
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const served = ((req.socket as { served?: number }).served ?? 0) + 1;
      (req.socket as { served?: number }).served = served;
      if (served > 1) return void req.socket.destroy();
      req.resume();
      req.on('end', () => res.end('{"ok":true}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends a GET once more, and reports a POST’s reset without sending it again', async () => {
    // Its own source address: a connection pool of its own, first used here.
    const from = '127.0.0.9';
    expect((await send(base, { method: 'GET', path: '/first', from })).json).toEqual({ ok: true });
    expect((await send(base, { method: 'GET', path: '/reused', from })).json).toEqual({ ok: true });
    expect(seen).toEqual(['GET /first', 'GET /reused', 'GET /reused']);
    await expect(send(base, { method: 'POST', path: '/write', body: '{}', from })).rejects.toThrow(/POST \/write: (socket hang up|read ECONNRESET)/);
    expect(seen.filter((s) => s === 'POST /write')).toHaveLength(1);
  });
});
