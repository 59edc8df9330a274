/**
 * Child-process entry of the embedded CouchDB-compatible engine (express-pouchdb on LevelDB).
 * It runs apart from the user-facing server so that a request that crashes PouchDB Server
 * cannot take the app down: the parent restarts this process and goes on.
 * Arguments come through the environment: FO_ENGINE_DATA_DIR, FO_ENGINE_ADMIN, FO_ENGINE_PASSWORD, FO_ENGINE_PORT.
 */
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

import { installPatchedAuth } from './auth-patch.ts';
import { watchParent } from './parent-watch.ts';
import { adminConfigHash, PBKDF2_ITERATIONS } from './password-hash.ts';
import { installPatchedValidation } from './validation-patch.ts';
import { installPatchedPouchdbNode } from './pouchdb-node-patch.ts';

const require = createRequire(import.meta.url);
installPatchedPouchdbNode(import.meta.url);
const PouchDB = require('pouchdb-node');
const expressPouchdbPath = require.resolve('express-pouchdb');
installPatchedValidation(expressPouchdbPath);
installPatchedAuth(expressPouchdbPath);
const expressPouchdb = require('express-pouchdb');

const dataDir = process.env.FO_ENGINE_DATA_DIR!;
const admin = process.env.FO_ENGINE_ADMIN!;
const password = process.env.FO_ENGINE_PASSWORD!;
const port = Number(process.env.FO_ENGINE_PORT || 0);

// Started by the server, the engine goes when the server goes, even after a kill -9 of the
// server (no SIGTERM then): otherwise it keeps the port and the LevelDB files, and the next start fails.
let server: import('node:http').Server | null = null;
watchParent(() => {
  server?.close();
  server?.closeAllConnections();
  process.exit(0);
});

mkdirSync(join(dataDir, 'db'), { recursive: true, mode: 0o700 });
// The database files, the admin password and the cookie secret are in there: owner only.
try {
  chmodSync(dataDir, 0o700);
} catch (err) {
  process.stderr.write(`warning: could not make ${dataDir} owner-only: ${(err as Error).message}\n`);
}
const configPath = join(dataDir, 'config.json');

/**
 * The admin, cookie secret and hashing cost go into the config file before the engine reads it;
 * setting them through its config API afterwards races its first save (both write the same
 * temporary file). The admin is the only server admin, stored hashed as CouchDB 3.4 does. The
 * file holds the cookie secret, so only the owner may read it.
 */
async function writeSettingsIntoConfig(): Promise<void> {
  const config = existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : {};
  config.admins = { [admin]: await adminConfigHash(password) };
  // A fixed cookie secret keeps users' sessions valid when the engine is restarted.
  config.couch_httpd_auth = { secret: randomBytes(32).toString('hex'), ...config.couch_httpd_auth, iterations: PBKDF2_ITERATIONS };
  writeFileSync(configPath, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  chmodSync(configPath, 0o600);
}

await writeSettingsIntoConfig();
const Db = PouchDB.defaults({ prefix: join(dataDir, 'db') + '/' });
const app = expressPouchdb(Db, {
  mode: 'fullCouchDB',
  configPath,
  logPath: join(dataDir, 'engine.log'),
  // Fauxton is a web UI we do not expose; it would only widen what the engine answers.
  overrideMode: { exclude: ['routes/fauxton'] },
});

server = app.listen(port, '127.0.0.1', () => {
  const { port: bound } = server!.address() as AddressInfo;
  process.send?.({ type: 'ready', port: bound });
});
// Live replication holds connections open forever; close them rather than wait.
process.on('SIGTERM', () => {
  server?.close(() => process.exit(0));
  server?.closeAllConnections();
});
