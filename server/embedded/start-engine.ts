import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { log } from '../log.ts';

export interface EmbeddedEngine {
  /** Base URL without credentials, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  admin: { name: string; password: string };
  /** Fixed loopback port; 0 picks a free one on first start and keeps it across restarts. */
  port?: number;
}

const ENTRY = fileURLToPath(new URL('./engine-process.ts', import.meta.url));
const RESTART_DELAY_MS = 500;

/**
 * Starts the embedded engine in a child process bound to loopback and restarts it whenever
 * it dies unexpectedly, on the same port, so the proxy's URL stays valid.
 */
export async function startEmbeddedEngine(opts: Options): Promise<EmbeddedEngine> {
  let port = opts.port ?? 0;
  let child: ChildProcess | null = null;
  let stopping = false;

  const spawnOnce = () =>
    new Promise<number>((resolve, reject) => {
      const proc = fork(ENTRY, [], {
        execArgv: ['--import', 'tsx'],
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
      let ready = false;
      proc.on('message', (m: { type?: string; port?: number }) => {
        if (m.type === 'ready' && m.port) {
          ready = true;
          resolve(m.port);
        }
      });
      proc.on('exit', (code, signal) => {
        if (!ready) return reject(new Error(`embedded engine exited during start (code ${code}, signal ${signal})`));
        if (stopping) return;
        log(`embedded engine died (code ${code}, signal ${signal}); restarting`);
        setTimeout(() => void spawnOnce().catch((e) => log(`embedded engine restart failed: ${e}`)), RESTART_DELAY_MS);
      });
    });

  port = await spawnOnce();
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        const proc = child;
        if (!proc || proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
