/**
 * Child-process entry of the embedded CouchDB-compatible engine (express-pouchdb on LevelDB).
 * It runs apart from the user-facing server so that a request that crashes PouchDB Server
 * cannot take the app down: the parent restarts this process and goes on.
 * Arguments come through the environment: FO_ENGINE_DATA_DIR, FO_ENGINE_ADMIN, FO_ENGINE_PASSWORD, FO_ENGINE_PORT.
 */
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb-node');
const expressPouchdb = require('express-pouchdb');

const dataDir = process.env.FO_ENGINE_DATA_DIR!;
const admin = process.env.FO_ENGINE_ADMIN!;
const password = process.env.FO_ENGINE_PASSWORD!;
const port = Number(process.env.FO_ENGINE_PORT || 0);

mkdirSync(join(dataDir, 'db'), { recursive: true });
const Db = PouchDB.defaults({ prefix: join(dataDir, 'db') + '/' });
const app = expressPouchdb(Db, {
  mode: 'fullCouchDB',
  configPath: join(dataDir, 'config.json'),
  logPath: join(dataDir, 'engine.log'),
  // Fauxton is a web UI we do not expose; it would only widen what the engine answers.
  overrideMode: { exclude: ['routes/fauxton'] },
});

function setAdmin(): Promise<void> {
  return new Promise((ok, fail) => app.couchConfig.set('admins', admin, password, (err: unknown) => (err ? fail(err) : ok())));
}

await setAdmin();
const server = app.listen(port, '127.0.0.1', () => {
  const { port: bound } = server.address() as AddressInfo;
  process.send?.({ type: 'ready', port: bound });
});
// Live replication holds connections open forever; close them rather than wait.
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
