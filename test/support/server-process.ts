import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN } from './couch-http.ts';

const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));

export interface RunningServer {
  /** http://127.0.0.1:<port> — the app and /db/ proxy */
  url: string;
  dataDir: string;
  /** The embedded engine's own loopback port (behind the proxy). */
  enginePort: number;
  /** The server process (not its engine child). */
  pid: number;
  output: () => string;
  /** Sends `signal` to the server process and waits until it has ended; the data stay. */
  kill: (signal: NodeJS.Signals) => Promise<void>;
  stop: () => Promise<void>;
  /** Stops the process but keeps its data, for restart tests. */
  restart: () => Promise<RunningServer>;
}

/** A loopback port free right now, so the engine keeps one port across a restart. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real server (embedded engine, demo data) on random ports in a fresh data
 * folder, as `npm start` would, and waits until it listens. The server admin is `ADMIN`
 * unless `env` says otherwise (`COUCH_ADMIN_PASSWORD: ''`: the server generates one).
 */
export async function startServer(env: Record<string, string> = {}, dataDir?: string): Promise<RunningServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'fo-test-'));
  const engineEnv = env.ENGINE_PORT ? env : { ...env, ENGINE_PORT: String(await freePort()) };
  let out = '';
  const child: ChildProcess = fork(MAIN, [], {
    execArgv: ['--import', 'tsx', ...(process.env.FO_SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.FO_SERVER_PROF}`] : [])],
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ENGINE_PORT: '0',
      DATA_DIR: dir,
      COUCH_URL: '',
      CENTRAL_URL: '',
      COUCH_ADMIN_USER: ADMIN.name,
      COUCH_ADMIN_PASSWORD: ADMIN.password,
      ...engineEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}`)), 90_000);
    child.on('message', (m: { type?: string; port?: number }) => {
      if (m.type === 'listening' && m.port) {
        clearTimeout(timer);
        resolve(m.port);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const stopProcess = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir: dir,
    enginePort: Number(engineEnv.ENGINE_PORT),
    pid: child.pid!,
    output: () => out,
    kill: (signal) => stopProcess(signal),
    stop: async () => {
      await stopProcess();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
    restart: async () => {
      await stopProcess();
      return startServer(engineEnv, dir);
    },
  };
}
