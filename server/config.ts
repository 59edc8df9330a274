import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Settings, from the environment (or a `.env` file in the working directory). Documented in README. */
export interface ServerConfig {
  /** The one port users open (app + /db proxy). */
  port: number;
  /** Interface to listen on. */
  host: string;
  /** Embedded engine's files, when no COUCH_URL is given. */
  dataDir: string;
  /** Apache CouchDB 3.x base URL without credentials; null = start the embedded engine. */
  couchUrl: string | null;
  couchAdmin: { name: string; password: string };
  /** Head office's server for a branch deployment (base URL with credentials); null at head office. */
  centralUrl: string | null;
  /** Branch codes this deployment holds; empty = all branches of the reference data (head office). */
  branches: string[];
  /** Load demo data on first run. */
  demo: boolean;
  /** Wipe the databases and load the demo data again. */
  resetDemo: boolean;
  /** Built app to serve. */
  distDir: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): ServerConfig {
  const num = (v: string | undefined, d: number) => (v === undefined || v === '' ? d : Number(v));
  const port = num(env.PORT, 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const couchUrl = env.COUCH_URL ? env.COUCH_URL.replace(/\/+$/, '') : null;
  const branches = (env.BRANCHES || '').split(',').map((s) => s.trim()).filter(Boolean);
  // A branch server starts before it has pulled any reference data, so it must be told its branch.
  if (env.CENTRAL_URL && branches.length === 0) throw new Error('CENTRAL_URL (branch deployment) needs BRANCHES=<code>');
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './data'),
    couchUrl,
    couchAdmin: { name: env.COUCH_ADMIN_USER || 'admin', password: env.COUCH_ADMIN_PASSWORD || 'front-office-admin' },
    centralUrl: env.CENTRAL_URL ? env.CENTRAL_URL.replace(/\/+$/, '') : null,
    branches,
    demo: env.DEMO_DATA !== '0',
    resetDemo: argv.includes('--reset-demo') || env.RESET_DEMO === '1',
    distDir: resolve(env.DIST_DIR || './dist'),
  };
}

/** Reads `.env` into process.env (values already set win), with Node's own parser. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
