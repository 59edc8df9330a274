import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { log } from '../log.ts';
import { nextRestartDelay } from './restart-backoff.ts';

/** What /health tells about the engine process. */
export interface EngineStatus {
  /** `restarting`: it died and is waiting for, or going through, its next start. */
  state: 'up' | 'restarting' | 'stopped';
  /** Starts after a death since the server started. */
  restarts: number;
  lastExit: { code: number | null; signal: string | null; at: string; upMs: number } | null;
  /** While restarting: how long until the next start. */
  nextStartInMs?: number;
}

export interface EmbeddedEngine {
  /** Base URL without credentials, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  status(): EngineStatus;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  admin: { name: string; password: string };
  /** Fixed loopback port; 0 picks a free one on first start and keeps it across restarts. */
  port?: number;
}

const ENTRY = fileURLToPath(new URL('./engine-process.ts', import.meta.url));
/**
 * The first start is tried this many times (0.5 + 1 + 2 s apart) before the server gives up:
 * the engine of a server that was just killed may still be letting go of the port.
 */
const FIRST_START_TRIES = 4;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the embedded engine in a child process bound to loopback and restarts it whenever
 * it dies unexpectedly, on the same port, so the proxy's URL stays valid; restarts back off
 * (restart-backoff.ts) while the engine keeps dying.
 */
export async function startEmbeddedEngine(opts: Options): Promise<EmbeddedEngine> {
  let port = opts.port ?? 0;
  let child: ChildProcess | null = null;
  let stopping = false;
  let supervising = false;
  let state: EngineStatus['state'] = 'restarting';
  let restarts = 0;
  let lastExit: EngineStatus['lastExit'] = null;
  let delay: number | null = null;
  let nextStartAt: number | null = null;
  let timer: NodeJS.Timeout | null = null;

  /** One run of the engine: resolves with its port once it listens, rejects if it ends before. */
  const spawnOnce = () =>
    new Promise<number>((resolve, reject) => {
      const proc = fork(ENTRY, [], {
        // FO_ENGINE_PROF=<dir>: the engine writes a V8 CPU profile there when it exits (bench/README.md).
        // tsx for ES modules only: the engine's own files are ES modules, and tsx's CommonJS hook
        // resolved every require() again, which PouchDB Server's old streams call for each stream
        // they make (3-4 % of the engine's time in the 20-counter drain).
        execArgv: ['--import', 'tsx/esm', ...(process.env.FO_ENGINE_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.FO_ENGINE_PROF}`] : [])],
        env: {
          ...process.env,
          FO_ENGINE_DATA_DIR: opts.dataDir,
          FO_ENGINE_ADMIN: opts.admin.name,
          FO_ENGINE_PASSWORD: opts.admin.password,
          FO_ENGINE_PORT: String(port),
        },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child = proc;
      let readyAt: number | null = null;
      proc.on('message', (m: { type?: string; port?: number }) => {
        if (m.type === 'ready' && m.port) {
          readyAt = Date.now();
          resolve(m.port);
        }
      });
      proc.once('exit', (code, signal) => {
        if (child === proc) child = null;
        if (readyAt === null) reject(new Error(`embedded engine exited during start (code ${code}, signal ${signal})`));
        onExit(code, signal, readyAt === null ? 0 : Date.now() - readyAt);
      });
    });

  const restart = () => {
    timer = null;
    nextStartAt = null;
    restarts++;
    spawnOnce().then(
      () => {
        state = 'up';
        log(`embedded engine up again (restart ${restarts})`);
      },
      () => undefined, // its exit has already scheduled the next try
    );
  };

  function onExit(code: number | null, signal: string | null, upMs: number) {
    lastExit = { code, signal, at: new Date().toISOString(), upMs };
    if (stopping) {
      state = 'stopped';
      return;
    }
    if (!supervising) return; // the first start retries by itself
    state = 'restarting';
    delay = nextRestartDelay(delay, upMs);
    nextStartAt = Date.now() + delay;
    log(`embedded engine died (code ${code}, signal ${signal}) after ${upMs} ms up; restarting in ${delay} ms`);
    timer = setTimeout(restart, delay);
  }

  for (let attempt = 1; ; attempt++) {
    try {
      port = await spawnOnce();
      break;
    } catch (err) {
      if (attempt >= FIRST_START_TRIES) throw err;
      delay = nextRestartDelay(delay, 0);
      log(`${(err as Error).message}; trying again in ${delay} ms`);
      await sleep(delay);
    }
  }
  supervising = true;
  state = 'up';
  delay = null;

  return {
    url: `http://127.0.0.1:${port}`,
    status: () => ({
      state,
      restarts,
      lastExit,
      ...(state === 'restarting' && nextStartAt !== null ? { nextStartInMs: Math.max(0, nextStartAt - Date.now()) } : {}),
    }),
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (timer) clearTimeout(timer);
        const proc = child;
        if (!proc || proc.exitCode !== null || proc.signalCode !== null) {
          state = 'stopped';
          return resolve();
        }
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
