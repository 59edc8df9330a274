/**
 * Child-process entry of the embedded CouchDB-compatible engine (express-pouchdb on LevelDB).
 * It runs apart from the user-facing server so that a request that crashes PouchDB Server
 * cannot take the app down: the parent restarts this process and goes on.
 * Arguments come through the environment: FO_ENGINE_DATA_DIR, FO_ENGINE_ADMIN, FO_ENGINE_PASSWORD, FO_ENGINE_PORT.
 */
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

import { installPatchedValidation } from './validation-patch.ts';

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb-node');
installPatchedValidation(require.resolve('express-pouchdb'));
const expressPouchdb = require('express-pouchdb');

const dataDir = process.env.FO_ENGINE_DATA_DIR!;
const admin = process.env.FO_ENGINE_ADMIN!;
const password = process.env.FO_ENGINE_PASSWORD!;
const port = Number(process.env.FO_ENGINE_PORT || 0);

mkdirSync(join(dataDir, 'db'), { recursive: true });
const configPath = join(dataDir, 'config.json');

/**
 * The admin and cookie secret go into the config file before the engine reads it: the engine hashes plain-text
 * admin passwords when it loads the file, and setting it through its config API afterwards
 * races that first save (both write the same temporary file).
 */
function writeSettingsIntoConfig(): void {
  const config = existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : {};
  config.admins = { ...config.admins, [admin]: password };
  // A fixed cookie secret keeps users' sessions valid when the engine is restarted.
  config.couch_httpd_auth = { secret: randomBytes(32).toString('hex'), ...config.couch_httpd_auth };
  writeFileSync(configPath, JSON.stringify(config, null, 2) + '\n');
}

writeSettingsIntoConfig();
const Db = PouchDB.defaults({ prefix: join(dataDir, 'db') + '/' });
const app = expressPouchdb(Db, {
  mode: 'fullCouchDB',
  configPath,
  logPath: join(dataDir, 'engine.log'),
  // Fauxton is a web UI we do not expose; it would only widen what the engine answers.
  overrideMode: { exclude: ['routes/fauxton'] },
});

const server = app.listen(port, '127.0.0.1', () => {
  const { port: bound } = server.address() as AddressInfo;
  process.send?.({ type: 'ready', port: bound });
});
// Live replication holds connections open forever; close them rather than wait.
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
