import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { embeddedAdminPassword } from './embedded/admin-password.ts';

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
  /** Set when the embedded engine's admin password was generated at this start (printed once). */
  generatedAdminPassword: { file: string } | null;
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
  /** The institution's certificate-signing key (JWK, created at the first start). */
  institutionKeyFile: string;
  /** EDM drop folder the submissions are exported to (docs/EDM.md); null = no export. */
  edmDir: string | null;
}

/**
 * Reads the settings. Without COUCH_ADMIN_PASSWORD, the embedded engine's admin password is
 * read from DATA_DIR (generated there at the first start); with COUCH_URL it must be given.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): ServerConfig {
  const num = (v: string | undefined, d: number) => (v === undefined || v === '' ? d : Number(v));
  const port = num(env.PORT, 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const couchUrl = env.COUCH_URL ? env.COUCH_URL.replace(/\/+$/, '') : null;
  const branches = (env.BRANCHES || '').split(',').map((s) => s.trim()).filter(Boolean);
  // A branch server starts before it has pulled any reference data, so it must be told its branch.
  if (env.CENTRAL_URL && branches.length === 0) throw new Error('CENTRAL_URL (branch deployment) needs BRANCHES=<code>');
  // The export follows fo_central, which only head office holds (a branch server replicates into head office's).
  if (env.EDM_DIR && env.CENTRAL_URL) throw new Error('EDM_DIR is for the head-office server (without CENTRAL_URL): the export follows fo_central');
  if (couchUrl && !env.COUCH_ADMIN_PASSWORD) {
    throw new Error('COUCH_URL needs COUCH_ADMIN_PASSWORD (and COUCH_ADMIN_USER unless it is "admin"): the server admin of that CouchDB');
  }
  const dataDir = resolve(env.DATA_DIR || './data');
  const generated = env.COUCH_ADMIN_PASSWORD ? null : embeddedAdminPassword(dataDir);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir,
    couchUrl,
    couchAdmin: { name: env.COUCH_ADMIN_USER || 'admin', password: env.COUCH_ADMIN_PASSWORD || generated!.password },
    generatedAdminPassword: generated?.created ? { file: generated.file } : null,
    centralUrl: env.CENTRAL_URL ? env.CENTRAL_URL.replace(/\/+$/, '') : null,
    branches,
    demo: env.DEMO_DATA !== '0',
    resetDemo: argv.includes('--reset-demo') || env.RESET_DEMO === '1',
    distDir: resolve(env.DIST_DIR || './dist'),
    institutionKeyFile: resolve(env.INSTITUTION_KEY_FILE || resolve(dataDir, 'institution-key.json')),
    edmDir: env.EDM_DIR ? resolve(env.EDM_DIR) : null,
  };
}

/** Reads `.env` into process.env (values already set win), with Node's own parser. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
