import { CENTRAL_DB } from '../couch-design/databases.ts';
import { loadConfig, loadDotEnv } from './config.ts';
import { startEmbeddedEngine, type EmbeddedEngine } from './embedded/start-engine.ts';
import { createAppServer } from './http/app-server.ts';
import { log } from './log.ts';
import { adminClient, withCredentials } from './provision/couch-client.ts';
import { readBuiltDesignDocs } from './provision/design-docs.ts';
import { provision } from './provision/provision.ts';
import { printBanner } from './banner.ts';
import { scheduleEndOfDay } from './jobs/end-of-day.ts';
import { scheduleStatsRollup } from './jobs/stats-rollup.ts';

loadDotEnv();
const config = loadConfig();

let engine: EmbeddedEngine | null = null;
let couchUrl = config.couchUrl;
if (!couchUrl) {
  engine = await startEmbeddedEngine({ dataDir: config.dataDir, admin: config.couchAdmin, port: Number(process.env.ENGINE_PORT ?? 5985) });
  couchUrl = engine.url;
  log(`embedded engine (express-pouchdb) on ${couchUrl}, files in ${config.dataDir}`);
}

const couch = adminClient(couchUrl, config.couchAdmin);
const result = await provision({
  couch,
  localUrl: withCredentials(process.env.REPLICATION_URL || couchUrl, config.couchAdmin),
  centralUrl: config.centralUrl,
  branches: config.branches,
  designDocs: await readBuiltDesignDocs(),
  demo: config.demo,
  resetDemo: config.resetDemo,
});

const stopEndOfDay = scheduleEndOfDay(couch, result.branches);
const stopStatsRollup = scheduleStatsRollup(couch, result.branches);

const server = createAppServer({
  distDir: config.distDir,
  proxy: { target: couchUrl, embedded: engine !== null },
  health: async () => {
    const up = await couch.info().then(() => true, () => false);
    const central = config.centralUrl === null ? await couch.use(CENTRAL_DB).info().then(() => true, () => false) : null;
    return { ok: up, engine: engine ? 'embedded' : 'couchdb', couch: up, central, branches: result.branches, designDocs: result.designDocs.snapshot() };
  },
});

server.listen(config.port, config.host, () => {
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  printBanner({ port, demoUsers: result.demoUsers, engine: engine ? 'embedded' : couchUrl! });
  process.send?.({ type: 'listening', port });
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log(`${signal}: shutting down`);
  stopEndOfDay();
  stopStatsRollup();
  server.close();
  // Long-poll replication requests would hold close() open; they reconnect elsewhere.
  server.closeAllConnections();
  await engine?.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
