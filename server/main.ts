import { branchDb, CENTRAL_DB } from '../couch-design/databases.ts';
import { centralLinkProbe, type LinkReport } from './central-link.ts';
import { loadConfig, loadDotEnv } from './config.ts';
import { startEmbeddedEngine, type EmbeddedEngine } from './embedded/start-engine.ts';
import { createAppServer } from './http/app-server.ts';
import { createGateway } from './gateway/gateway.ts';
import { couchUserStore } from './gateway/users-store.ts';
import { couchDeviceStore } from './gateway/devices-store.ts';
import { devicesApi } from './gateway/devices-api.ts';
import { setPassword } from './provision/users.ts';
import { log } from './log.ts';
import { adminClient, withCredentials } from './provision/couch-client.ts';
import { readBuiltDesignDocs } from './provision/design-docs.ts';
import { branchProvisioner, provision } from './provision/provision.ts';
import { followBranches } from './provision/branch-follower.ts';
import { printBanner } from './banner.ts';
import { scheduleEndOfDay } from './jobs/end-of-day.ts';
import { scheduleStatsRollup } from './jobs/stats-rollup.ts';
import { loadInstitutionKey } from './certificates/institution-key.ts';
import { revocationLookup } from './certificates/revocations.ts';
import { lookupLimit } from './certificates/lookup-limit.ts';
import { scheduleEdmExport } from './jobs/edm-export.ts';
import { scheduleCashChainCheck } from './jobs/cash-chain-check.ts';

loadDotEnv();
const config = (() => {
  try {
    return loadConfig();
  } catch (err) {
    process.stderr.write(`Front Office cannot start: ${(err as Error).message}\n`);
    process.exit(1);
  }
})();

let engine: EmbeddedEngine | null = null;
let couchUrl = config.couchUrl;
if (!couchUrl) {
  engine = await startEmbeddedEngine({ dataDir: config.dataDir, admin: config.couchAdmin, port: Number(process.env.ENGINE_PORT ?? 5985) });
  couchUrl = engine.url;
  log(`embedded engine (express-pouchdb) on ${couchUrl}, files in ${config.dataDir}`);
}

const couch = adminClient(couchUrl, config.couchAdmin);
const provisionInput = {
  couch,
  localUrl: engine ? null : withCredentials(process.env.REPLICATION_URL || couchUrl, config.couchAdmin),
  centralUrl: config.centralUrl,
  branches: config.branches,
  designDocs: await readBuiltDesignDocs(),
  demo: config.demo,
  resetDemo: config.resetDemo,
};
const result = await provision(provisionInput);
// Head office holding every branch: a branch created in the administration is provisioned
// while the server runs (docs/ADMIN.md). A branch server holds the branches it was given.
const branchFollower = config.centralUrl === null && config.branches.length === 0 ? followBranches(couch, branchProvisioner(provisionInput, result)) : null;

const stopEndOfDay = scheduleEndOfDay(couch, result.branches);
const stopStatsRollup = scheduleStatsRollup(couch, result.branches);
const edmExport = config.edmDir ? scheduleEdmExport(couch, config.edmDir) : null;
const cashChains = scheduleCashChainCheck(couch, result.branches);

// Head office: its own fo_central database. A branch: head office, reached as its replication reaches it.
const centralLink: () => Promise<LinkReport> =
  config.centralUrl === null
    ? async () => ({ state: await couch.use(CENTRAL_DB).info().then(() => 'up' as const, () => 'down' as const), checkedAt: new Date().toISOString() })
    : centralLinkProbe(`${config.centralUrl}/${branchDb(config.branches[0]!)}`);

const users = couchUserStore(couch);
const server = createAppServer({
  distDir: config.distDir,
  gateway: createGateway(couchUrl, (name) => void users.recordSignIn(name, new Date().toISOString()).catch((err: unknown) => log(`last sign-in of ${name} not recorded: ${String(err)}`))),
  accounts: { setPassword: (name, password) => setPassword(couch, name, password) },
  certificates: {
    key: await loadInstitutionKey(config.institutionKeyFile),
    revocations: revocationLookup(couch, { branches: result.branches, headOffice: config.centralUrl === null }),
    limit: lookupLimit(),
  },
  users,
  devices: devicesApi({ users, devices: couchDeviceStore(couch) }),
  health: async () => {
    const [up, central] = await Promise.all([couch.info().then(() => true, () => false), centralLink()]);
    const embedded = engine?.status();
    // ok: this server can serve its users. A branch cut off from head office still can (it works
    // offline and catches up when the link returns): `degraded`, not down (README, Health).
    const ok = up && (!embedded || embedded.state === 'up');
    return {
      ok,
      status: !ok ? 'down' : central.state === 'down' ? 'degraded' : 'ok',
      engine: engine ? 'embedded' : 'couchdb',
      ...(embedded && { embeddedEngine: embedded }),
      couch: up,
      central: central.state,
      ...(central.detail && { centralDetail: central.detail }),
      branches: result.branches,
      designDocs: result.designDocs.snapshot(),
      ...(edmExport && { edm: edmExport.health() }),
      cashChains: cashChains.health(),
    };
  },
});

server.listen(config.port, config.host, () => {
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const generatedAdmin = config.generatedAdminPassword && { ...config.couchAdmin, file: config.generatedAdminPassword.file };
  printBanner({ port, host: config.host, demoUsers: result.demoUsers, engine: engine ? 'embedded' : couchUrl!, generatedAdmin });
  process.send?.({ type: 'listening', port });
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log(`${signal}: shutting down`);
  branchFollower?.stop();
  stopEndOfDay();
  stopStatsRollup();
  edmExport?.stop();
  cashChains.stop();
  server.close();
  // Long-poll replication requests would hold close() open; they reconnect elsewhere.
  server.closeAllConnections();
  await engine?.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
