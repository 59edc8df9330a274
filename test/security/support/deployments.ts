/**
 * The two ways Front Office runs, for replaying attacks against each: the embedded default
 * (the server starts and supervises its own engine) and `COUCH_URL` (an engine the server
 * did not start). Apache CouchDB cannot be installed here, so, as in test/couch-url.test.ts,
 * the COUCH_URL engine is an embedded engine started apart: the server reaches it over HTTP
 * only, exactly as it would reach CouchDB.
 */
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedEngine, type EmbeddedEngine } from '../../../server/embedded/start-engine.ts';
import { ADMIN } from '../../support/couch-http.ts';
import { freePort, startServer, type RunningServer } from '../../support/server-process.ts';
import { waitFor } from '../../support/wait-for.ts';

export interface Deployment {
  /** The app server (its port changes when it is restarted). */
  readonly url: string;
  /** The engine's own base URL, behind the gateway (the test reads back through it as server admin). */
  readonly engine: string;
  readonly server: RunningServer;
  /** True once the engine has exited since this deployment started (a crash, a restart). */
  engineDied(): Promise<boolean>;
  /** `kill -9` of the server process, then a new start on the same data and engine port. */
  killAndRestart(): Promise<void>;
  /** `kill -9` of the engine process (its supervisor starts it again). */
  killEngine(): void;
  /** Another server deployed the same way (its own engine), e.g. a branch; stopped with this one. */
  startAnother(env: Record<string, string>): Promise<RunningServer>;
  stop(): Promise<void>;
}

interface EmbeddedHealth {
  embeddedEngine?: { state: string; restarts: number; lastExit: unknown };
}

/** Whether something accepts connections on this loopback port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** The inode of the socket listening on this loopback port (from /proc/net/tcp). */
function listeningInode(port: number): string | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f[1]?.endsWith(`:${hexPort}`) && f[3] === '0A') return f[9] ?? null;
  }
  return null;
}

/** `kill -9` of the engine listening on `port`, a child of `parentPid` (ended by its id alone). */
function killEngineOn(port: number, parentPid: number): void {
  const inode = listeningInode(port);
  const pid = readdirSync('/proc').find((e) => {
    if (!/^\d+$/.test(e)) return false;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== parentPid) return false;
      return readdirSync(`/proc/${e}/fd`).some((fd) => readlinkSync(`/proc/${e}/fd/${fd}`) === `socket:[${inode}]`);
    } catch {
      return false; // gone meanwhile
    }
  });
  if (!inode || !pid) throw new Error(`no engine of ${parentPid} listens on ${port}`);
  process.kill(Number(pid), 'SIGKILL');
}

/** `npm start` as a branch runs it: the server forks and supervises the embedded engine. */
async function embedded(): Promise<Deployment> {
  const env = { ENGINE_PORT: String(await freePort()) };
  const dir = mkdtempSync(join(tmpdir(), 'fo-attacks-'));
  let server = await startServer(env, dir);
  let earlierDeaths = false;
  const others: RunningServer[] = [];
  const d: Deployment = {
    get url() {
      return server.url;
    },
    get engine() {
      return `http://127.0.0.1:${server.enginePort}`;
    },
    get server() {
      return server;
    },
    async engineDied() {
      const health = (await (await fetch(`${server.url}/health`)).json()) as EmbeddedHealth;
      const e = health.embeddedEngine;
      return earlierDeaths || !e || e.state !== 'up' || e.restarts > 0 || e.lastExit !== null || /embedded engine died/.test(server.output());
    },
    async killAndRestart() {
      earlierDeaths ||= await d.engineDied();
      await server.kill('SIGKILL');
      // The orphaned engine must let go of its port by itself (finding 8).
      await waitFor('the orphaned engine to end', async () => ((await listening(server.enginePort)) ? null : true), 15_000);
      server = await startServer(env, dir);
    },
    killEngine: () => killEngineOn(server.enginePort, server.pid),
    async startAnother(env) {
      const other = await startServer(env);
      others.push(other);
      return other;
    },
    async stop() {
      for (const o of others) await o.stop();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return d;
}

/** A server given `COUCH_URL`: it starts no engine of its own. */
async function external(): Promise<Deployment> {
  const engineDir = mkdtempSync(join(tmpdir(), 'fo-attacks-couch-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'fo-attacks-'));
  const engine: EmbeddedEngine = await startEmbeddedEngine({ dataDir: engineDir, admin: ADMIN, port: 0 });
  const env = { COUCH_URL: engine.url, COUCH_ADMIN_USER: ADMIN.name, COUCH_ADMIN_PASSWORD: ADMIN.password };
  let server = await startServer(env, dataDir);
  const others: { server: RunningServer; engine: EmbeddedEngine; dir: string }[] = [];
  return {
    get url() {
      return server.url;
    },
    engine: engine.url,
    get server() {
      return server;
    },
    async engineDied() {
      const s = engine.status();
      return s.state !== 'up' || s.restarts > 0 || s.lastExit !== null;
    },
    async killAndRestart() {
      await server.kill('SIGKILL');
      server = await startServer(env, dataDir);
    },
    killEngine: () => killEngineOn(Number(new URL(engine.url).port), process.pid),
    async startAnother(extra) {
      const dir = mkdtempSync(join(tmpdir(), 'fo-attacks-couch-'));
      const otherEngine = await startEmbeddedEngine({ dataDir: dir, admin: ADMIN, port: 0 });
      const other = await startServer({ ...extra, COUCH_URL: otherEngine.url, COUCH_ADMIN_USER: ADMIN.name, COUCH_ADMIN_PASSWORD: ADMIN.password });
      others.push({ server: other, engine: otherEngine, dir });
      return other;
    },
    async stop() {
      for (const o of others) {
        await o.server.stop();
        await o.engine.stop();
        rmSync(o.dir, { recursive: true, force: true });
      }
      await server.stop();
      await engine.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(engineDir, { recursive: true, force: true });
    },
  };
}

export const DEPLOYMENTS = [
  { name: 'embedded engine (default)', start: embedded },
  { name: 'COUCH_URL', start: external },
];
