import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { waitFor } from '../support/wait-for.ts';
import { listening } from './support/deployments.ts';

/* The embedded engine's process: it goes with its server, and its restarts back off and show on /health. */
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

/** Pids whose parent is `pid`, from /proc. */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

async function health(s: RunningServer): Promise<{ status: number; body: any }> {
  const res = await fetch(`${s.url}/health`);
  return { status: res.status, body: await res.json() };
}

describe('embedded engine process', () => {
  it('exits by itself after a kill -9 of its server, so the next start on the same port and files succeeds', async () => {
    const first = await startServer();
    servers.push(first);
    const [enginePid] = childrenOf(first.pid);
    expect(enginePid).toBeGreaterThan(0);
    expect(await listening(first.enginePort)).toBe(true);

    await first.kill('SIGKILL');
    const t = Date.now();
    await waitFor('the engine port to be free', async () => ((await listening(first.enginePort)) ? null : true), 5_000);
    console.log(`engine let go of its port ${Date.now() - t} ms after the server's kill -9`);
    await waitFor('the engine process to be gone', async () => (readdirSync('/proc').includes(String(enginePid)) ? null : true), 5_000);

    const second = await first.restart();
    servers.push(second);
    expect(second.enginePort).toBe(first.enginePort);
    expect((await health(second)).body).toMatchObject({ ok: true, embeddedEngine: { state: 'up', restarts: 0 } });
    await signIn(second.url, 'counter.dla', 'demo-counter');
  });

  it('restarts a dying engine after a growing delay, and /health says so meanwhile', async () => {
    const s = await startServer();
    servers.push(s);
    expect((await health(s)).body).toMatchObject({ ok: true, status: 'ok', embeddedEngine: { state: 'up', restarts: 0, lastExit: null } });

    const killEngine = async () => {
      const [pid] = childrenOf(s.pid);
      expect(pid).toBeGreaterThan(0);
      process.kill(pid!, 'SIGKILL');
      return waitFor('/health to report the engine down', async () => {
        const h = await health(s);
        return h.body.embeddedEngine?.state === 'restarting' ? h : null;
      }, 5_000);
    };
    const up = (restarts: number) =>
      waitFor(`the engine up again (restart ${restarts})`, async () => {
        const h = await health(s);
        return h.status === 200 && h.body.embeddedEngine.state === 'up' && h.body.embeddedEngine.restarts === restarts ? h : null;
      }, 30_000);

    const down1 = await killEngine();
    expect(down1.status).toBe(503);
    expect(down1.body).toMatchObject({ ok: false, status: 'down', embeddedEngine: { state: 'restarting', lastExit: { signal: 'SIGKILL' } } });
    expect(down1.body.embeddedEngine.nextStartInMs).toBeLessThanOrEqual(500);
    await up(1);

    // Dead again soon after: the next wait is twice as long.
    const down2 = await killEngine();
    expect(down2.body.embeddedEngine.nextStartInMs).toBeGreaterThan(500);
    expect(down2.body.embeddedEngine.nextStartInMs).toBeLessThanOrEqual(1000);
    await up(2);
    const down3 = await killEngine();
    expect(down3.body.embeddedEngine.nextStartInMs).toBeGreaterThan(1000);
    expect(down3.body.embeddedEngine.nextStartInMs).toBeLessThanOrEqual(2000);
    await up(3);

    expect(s.output()).toMatch(/restarting in 500 ms[\s\S]*restarting in 1000 ms[\s\S]*restarting in 2000 ms/);
    await signIn(s.url, 'counter.dla', 'demo-counter');
  });
});
