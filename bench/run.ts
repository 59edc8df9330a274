/**
 * `npm run bench`: first sync of a branch replica (10,000 and 50,000 documents) from the real
 * server into a fresh Chromium profile, the app's way ("ours") beside stock PouchDB defaults
 * ("stock"), on the same data in the same run. See bench/README.md.
 *
 *   npm run bench                              # N = 10000, 50000; one run per variant
 *   npm run bench -- --sizes=2000 --runs=3     # other sizes; median of 3 runs
 *   npm run bench -- --role=display            # "ours" as a user who only reads the branch (pull-only)
 *   npm run bench -- --stats-events=50000      # statistics bench size (default 500000; 0 skips it)
 *   npm run bench -- --parts=receipt,queue     # only some parts (sync, receipt, cash, certificates, queue, gateway, stats, coldstart, edm, backoffice, people, imports)
 *   npm run bench -- --edm-submissions=1000    # EDM export bench size (each: without and with scans)
 *   npm run bench -- --people-insurants=100000 # people at national scale (default 5000; docs/PEOPLE.md)
 *   npm run bench -- --imports-lines=100000    # CSV import size (default 10000; docs/IMPORTS.md)
 *   npm run bench -- --parts=shell --shell-reloads=20   # first load per role and offline cold start (default 10 reloads)
 *
 * Needs the app and the bench page built (the npm script does both). A run whose local
 * doc_count is not N fails the bench: no figure is printed for it.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { branchDb } from '../couch-design/databases.ts';
import { branchRole } from '../couch-design/roles.ts';
import { startServer, type RunningServer } from '../test/support/server-process.ts';
import { runInFreshProfile } from './browser-run.ts';
import { couchEnv, setupTarget } from './couch-env.ts';
import { createDb, createUser, loadDb, type LoadResult } from './load.ts';
import type { Variant } from './page/protocol.ts';
import { formatResults, results, syncFigure, writeResults, type SyncFigure } from './report.ts';
import { benchStats, writeStatsResults } from './stats-bench.ts';
import { benchEncodeReceipt } from './encode-receipt.ts';
import { benchCash } from './cash-bench.ts';
import { benchCertificates, formatCertificates } from './certificates-bench.ts';
import { benchBackofficeRows } from './backoffice-rows.ts';
import { benchBackofficeScreen, formatScreen } from './backoffice-screen-bench.ts';
import { benchQueue, formatQueue } from './queue-bench.ts';
import { benchGateway, writeGatewayResults } from './gateway-bench.ts';
import { describeRefusals } from './refusals.ts';
import { benchColdStart, formatColdStart } from './cold-start-bench.ts';
import { benchEdm } from './edm-bench.ts';
import { benchPeople, writePeopleResults } from './people-bench.ts';
import { benchImports, formatImports } from './imports-bench.ts';
import { benchShell, writeShellResults } from './shell-bench.ts';

function option(name: string, fallback: string): string {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : fallback;
}

const SIZES = option('sizes', '10000,50000').split(',').map(Number);
const RUNS = Number(option('runs', '1'));
/** The app user "ours" is opened for: a counter clerk writes to the branch, so syncs it both ways. */
const ROLE = option('role', 'counter');
/** Visit events of the statistics bench's year (docs/STATISTICS.md); 0 skips it. */
const STATS_EVENTS = Number(option('stats-events', process.env.STATS_BENCH_EVENTS ?? '500000'));
if (SIZES.some((n) => !Number.isInteger(n) || n <= 0) || !Number.isInteger(RUNS) || RUNS < 1 || !Number.isInteger(STATS_EVENTS) || STATS_EVENTS < 0) {
  throw new Error('usage: tsx bench/run.ts [--sizes=10000,50000] [--runs=1] [--role=counter] [--stats-events=500000]');
}
/**
 * The gateway serves Front Office databases only, so the bench's are branch databases: branch
 * `bs<N>` holds the N documents, `bsempty` stands in for the app's other replicas (see ours.ts).
 */
const benchBranch = (n: number) => `bs${n}`;
const EMPTY_BRANCH = 'bsempty';
const EMPTY_DB = branchDb(EMPTY_BRANCH);
/** The device's user, as the app signs in: a member of the bench branches, with the job role asked for. */
const USER = { name: `bench.${ROLE}`, password: 'bench-sync-password', roles: [ROLE, branchRole(EMPTY_BRANCH), ...SIZES.map((n) => branchRole(benchBranch(n)))] };
const PARTS = new Set(option('parts', 'sync,receipt,cash,certificates,queue,gateway,stats,coldstart,edm,backoffice,people,imports,shell').split(','));
/** Insurants of the people bench (employers: a twentieth); the national size is 1,000,000 (docs/PEOPLE.md). */
const PEOPLE_INSURANTS = Number(option('people-insurants', process.env.PEOPLE_BENCH_INSURANTS ?? '5000'));

/**
 * The server serves a snapshot of dist/ (app + bench page), so another build in this working
 * tree (it empties dist/) cannot pull the bench page away in the middle of a run.
 */
function snapshotDist(): string {
  const dist = fileURLToPath(new URL('../dist', import.meta.url));
  for (const built of ['index.html', '__bench/index.html']) {
    if (!existsSync(join(dist, built))) throw new Error(`dist/${built} missing: run \`npm run bench\`, which builds first`);
  }
  const copy = mkdtempSync(join(tmpdir(), 'fo-bench-dist-'));
  cpSync(dist, copy, { recursive: true });
  return copy;
}

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(server: RunningServer, couch: Record<string, string>, loadAtStart: number) {
  const loads: LoadResult[] = [];
  const { engine, admin } = setupTarget(server, couch);
  await createDb(engine, EMPTY_DB, admin);
  await createUser(engine, USER, admin);
  for (const n of SIZES) {
    const load = await loadDb(server.url, engine, branchDb(benchBranch(n)), benchBranch(n), n, admin);
    log(`loaded ${n} documents into ${load.db} in ${(load.ms / 1000).toFixed(2)} s`);
    loads.push(load);
  }

  const figures: SyncFigure[] = [];
  let userAgent = '?';
  for (const n of SIZES) {
    const db = branchDb(benchBranch(n));
    const times: Record<Variant, number[]> = { ours: [], stock: [] };
    const setups: Record<Variant, string> = { ours: '?', stock: '?' };
    for (let round = 0; round < RUNS; round++) {
      // Alternate who goes first, so neither always meets the colder server.
      const order: Variant[] = round % 2 === 0 ? ['ours', 'stock'] : ['stock', 'ours'];
      for (const variant of order) {
        const run = await runInFreshProfile(server.url, { variant, db, emptyDb: EMPTY_DB, user: USER, role: ROLE });
        const { result } = run;
        if (result.docCount !== n) throw new Error(`${variant} on ${db}: local doc_count ${result.docCount}, expected ${n} (${result.written} written)`);
        userAgent = run.userAgent;
        times[variant].push(result.ms);
        setups[variant] = `${result.adapter}, ${result.mode}`;
        log(`${variant.padEnd(5)} N=${n}: ${(result.ms / 1000).toFixed(2)} s, doc_count ${result.docCount}, ${setups[variant]}`);
      }
    }
    figures.push(syncFigure('ours', n, times.ours, setups.ours), syncFigure('stock', n, times.stock, setups.stock));
  }

  const r = results(figures, loads, userAgent, loadAtStart, RUNS, ROLE);
  log('');
  log(formatResults(r));
  log(`\nwritten to ${writeResults(r)}`);
  for (const line of describeRefusals('sync', server.output())) log(line);
}

async function statsPart() {
  if (STATS_EVENTS <= 0) return;
  log(`\nstatistics (target: month and year reports < 200 ms once indexed), ${STATS_EVENTS} visit events:`);
  const statsServer = await startServer();
  try {
    const stats = await benchStats(statsServer.url, { events: STATS_EVENTS, engineUrl: `http://127.0.0.1:${statsServer.enginePort}`, log });
    log(`statistics figures written to ${writeStatsResults(stats)}`);
    for (const line of describeRefusals('stats', statsServer.output())) log(line);
  } finally {
    await statsServer.stop();
  }
}

async function receiptPart() {
  log('\nreceipt encoding (target < 5 ms):');
  for (const { name, ms } of await benchEncodeReceipt()) log(`  ${name}: ${ms.toFixed(3)} ms`);
}

async function cashPart() {
  const c = benchCash();
  log('\ncash desk:');
  log(`  taking a receipt (typed amount → printed bytes): p50 ${c.receiptP50.toFixed(2)} ms, p95 ${c.receiptP95.toFixed(2)} ms (target < 50 ms)`);
  log(`  day journal of 2,000 entries as PDF: ${c.journalMs.toFixed(0)} ms, ${Math.round(c.journalBytes / 1024)} kB (target < 1 s)`);
}

async function certificatesPart() {
  log(`\ncertificates (issue 13), load average ${loadavg()[0]!.toFixed(1)}:`);
  for (const line of formatCertificates(await benchCertificates())) log(line);
}

async function backofficePart() {
  log(`\ndelivered documents screen in Chromium, 20,000 documents in the branch replica (target: first rows and filter change p95 < 150 ms), load average ${loadavg()[0]!.toFixed(1)}:`);
  const screen = await benchBackofficeScreen(20, log);
  for (const line of formatScreen(screen.figures)) log(line);
  log('  of which the pure computing, in Node:');
  for (const { name, p50, p95 } of benchBackofficeRows()) log(`    ${name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
}

async function queuePart() {
  log(`\nqueues, load average ${loadavg()[0]!.toFixed(1)}:`);
  for (const line of formatQueue(await benchQueue())) log(line);
}

async function coldStartPart() {
  log(`\noffline cold start of an installed device to its role's screen (target ≤ 1 s), load average ${loadavg()[0]!.toFixed(1)}:`);
  for (const line of formatColdStart(await benchColdStart(5, log))) log(line);
}

async function edmPart() {
  const n = Number(option('edm-submissions', '1000'));
  log(`\nEDM export throughput (docs/EDM.md), ${n} submissions each way, load average ${loadavg()[0]!.toFixed(1)}:`);
  const r = await benchEdm(n, log);
  log(`  ${r.plainPerSec.toFixed(1)} submissions/s without scans, ${r.scannedPerSec.toFixed(1)} with one ${r.scanBytes / 1000} kB scan each`);
}

async function peoplePart() {
  log(`\npeople at national scale (targets: search and file p95 < 100 ms), ${PEOPLE_INSURANTS} insurants:`);
  const people = await benchPeople({ insurants: PEOPLE_INSURANTS, branches: 10, log });
  log(`people figures written to ${writePeopleResults(people)}`);
  for (const line of describeRefusals('people', people.serverOutput)) log(line);
}

async function importsPart() {
  const lines = Number(option('imports-lines', '10000'));
  log(`\nimports from the core system (docs/IMPORTS.md), ${lines} insurants from CSV:`);
  for (const line of formatImports(await benchImports(lines, log))) log(line);
}

async function shellPart() {
  log('\nfirst load and offline cold start (issue 15; targets: ≤ 90 KB gzipped per first screen, ≤ 1 s):');
  const r = await benchShell(Number(option('shell-reloads', '10')), log);
  log(`shell figures written to ${writeShellResults(r)}`);
}

async function gatewayPart() {
  log('\ngateway overhead (the same reads through /db/ and straight at the engine, one signed-in user):');
  const start = loadavg()[0]!;
  const g = await benchGateway(undefined, log);
  log(`gateway figures written to ${writeGatewayResults(g, { start, end: loadavg()[0]! })}`);
  for (const line of describeRefusals('gateway', g.serverOutput)) log(line);
}

const started = Date.now();
const loadAtStart = loadavg()[0]!;
let distDir: string | null = null;
let server: RunningServer | null = null;
try {
  if (PARTS.has('sync')) {
    distDir = snapshotDist();
    const couch = couchEnv();
    server = await startServer({ DIST_DIR: distDir, ...couch });
    log(`server on ${server.url} (${couch.COUCH_URL ? 'Apache CouchDB at COUCH_URL' : 'embedded engine'}, demo data), serving a copy of dist/`);
    await main(server, couch, loadAtStart);
    await server.stop();
    server = null;
  }
  if (PARTS.has('receipt')) await receiptPart();
  if (PARTS.has('cash')) await cashPart();
  if (PARTS.has('certificates')) await certificatesPart();
  if (PARTS.has('backoffice')) await backofficePart();
  if (PARTS.has('queue')) await queuePart();
  if (PARTS.has('gateway')) await gatewayPart();
  if (PARTS.has('coldstart')) await coldStartPart();
  if (PARTS.has('edm')) await edmPart();
  if (PARTS.has('stats')) await statsPart();
  if (PARTS.has('people')) await peoplePart();
  if (PARTS.has('imports')) await importsPart();
  if (PARTS.has('shell')) await shellPart();
  log(`bench took ${Math.round((Date.now() - started) / 1000)} s`);
} catch (error) {
  process.exitCode = 1;
  process.stderr.write(`\nBENCH FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  await server?.stop();
  if (distDir) rmSync(distDir, { recursive: true, force: true });
}
