/**
 * Statistics bench: one year of one busy branch loaded into the embedded server, then the
 * index build time and the time to answer a month and a year report with loadReport over
 * HTTP, beside the same reports computed by scanning the documents (_all_docs ranges). The two
 * must be equal, or the bench fails. Then one pass of the roll-up job over the database (daily
 * roll-ups, then monthly ones for the closed months) and the same reports with roll-ups (equal
 * to the views' again): whole months from monthly roll-ups, the other closed days from daily ones.
 * See bench/README.md and docs/STATISTICS.md.
 *
 *   npx tsx bench/stats-bench.ts --events=50000     # own server; STATS_BENCH_EVENTS works too
 *   npm run bench -- --stats-events=500000          # after the sync bench, same server
 */
import { deepStrictEqual } from 'node:assert';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildDesignDocs } from '../couch-design/build/build-design-docs.ts';
import { loadReport, type MonthRollupSource, type RollupSource } from '../app/stats/report-query.ts';
import { httpMonthRollups, httpRollups } from '../app/stats/report-source.ts';
import { branchDay } from '../app/queue/numbering.ts';
import { adminClient } from '../server/provision/couch-client.ts';
import { rollUpDatabase } from '../server/jobs/stats-rollup.ts';
import type { Report, ReportFilter } from '../app/stats/report-types.ts';
import { bruteForceReport } from '../app/stats/testing/brute-force-report.ts';
import { TARGETS, TIME_ZONE, type LogDoc } from '../app/stats/testing/visit-log.ts';
import { branchDb } from '../couch-design/databases.ts';
import { ADMIN, basicAuth, couch, couchAt } from '../test/support/couch-http.ts';
import { httpViewQuery } from '../test/support/couch-view-query.ts';
import { startServer } from '../test/support/server-process.ts';
import { createDb } from './load.ts';
import { yearLog } from './stats-year.ts';

const admin = basicAuth(ADMIN.name, ADMIN.password);
const CHUNK = 1000;
const PAGE = 10_000;
const YEAR = 2025;
/**
 * The bench's branch: the gateway serves branch databases only, and the contract wants each
 * document's branch to be its database's. Three letters, as the demo's `dla`, so the documents
 * keep their size.
 */
const BRANCH = 'bst';

export interface ReportTiming {
  readonly period: string;
  /** loadReport over HTTP once indexed: median of `runs`, and each run. */
  readonly viewMs: number;
  readonly viewRunsMs: readonly number[];
  /** Rows the two view queries returned. */
  readonly rows: number;
  /** Fetching the period's documents with _all_docs and computing the report from them. */
  readonly scanMs: number;
  readonly scannedDocs: number;
}

export interface RollupTiming {
  readonly period: string;
  /** loadReport with the roll-ups of the closed months and days: median of `runs`, and each run. */
  readonly ms: number;
  readonly runsMs: readonly number[];
  /** Roll-up documents read (daily, monthly) and their rows, and the median time of reading them alone (`_all_docs` ranges). */
  readonly rollups: number;
  readonly months: number;
  readonly rows: number;
  readonly fetchMs: number;
}

export interface StatsBenchResult {
  readonly visitEvents: number;
  readonly counterEvents: number;
  readonly loadSeconds: number;
  readonly loadDocsPerSec: number;
  /** First query of each view after the load (the embedded engine builds indexes on query). */
  readonly indexSeconds: Record<string, number>;
  readonly month: ReportTiming;
  readonly year: ReportTiming;
  /** One pass of the roll-up job over the loaded database (first pass: every closed day). */
  readonly rollupPassSeconds: number;
  readonly rollupDays: number;
  readonly rollupMonths: number;
  readonly monthWithRollups: RollupTiming;
  readonly yearWithRollups: RollupTiming;
}

/** A GET with no client timeout: building a large index answers after minutes. */
function longGet(base: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/db${path}`, { headers: admin.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function load(base: string, db: string, docs: readonly object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += CHUNK) {
    const res = await couch(base, admin, 'POST', `/${db}/_bulk_docs`, { docs: docs.slice(i, i + CHUNK) });
    const failed = Array.isArray(res.body) ? res.body.find((r: { error?: string }) => r.error) : res.body;
    if (res.status !== 201 || failed) throw new Error(`_bulk_docs on ${db}: ${res.status} ${JSON.stringify(failed)}`);
  }
}

async function range(base: string, db: string, from: string, to: string): Promise<LogDoc[]> {
  const out: LogDoc[] = [];
  let startkey = from;
  for (;;) {
    const qs = new URLSearchParams({ include_docs: 'true', limit: String(PAGE + 1), startkey: JSON.stringify(startkey), endkey: JSON.stringify(to) });
    const res = await couch(base, admin, 'GET', `/${db}/_all_docs?${qs}`);
    const rows = res.body.rows as { id: string; doc: LogDoc }[];
    out.push(...rows.slice(0, PAGE).map((r) => r.doc));
    if (rows.length <= PAGE) return out;
    startkey = rows[PAGE]!.id;
  }
}

/** The report the slow way: every visit and counter event of the period, fetched by id range. */
async function scanReport(base: string, db: string, filter: ReportFilter): Promise<{ report: Report; docs: number }> {
  const [visits, counters] = await Promise.all([
    range(base, db, `visit:${filter.from}`, `visit:${filter.to}\ufff0`),
    range(base, db, `counterevent:${BRANCH}:${filter.from}`, `counterevent:${BRANCH}:${filter.to}\ufff0`),
  ]);
  const docs = [...visits, ...counters];
  return { report: bruteForceReport(docs, filter, TARGETS), docs: docs.length };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeReport(base: string, db: string, period: string, filter: ReportFilter, runs: number): Promise<ReportTiming> {
  const viewQuery = httpViewQuery(base, db, admin);
  let rows = 0;
  const counted: typeof viewQuery = async (view, params) => {
    const res = await viewQuery(view, params);
    rows += res.rows.length;
    return res;
  };
  const first = await loadReport(counted, filter);
  const viewRunsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await loadReport(viewQuery, filter);
    viewRunsMs.push(performance.now() - t);
  }
  const t = performance.now();
  const scanned = await scanReport(base, db, filter);
  const scanMs = performance.now() - t;
  deepStrictEqual(first, scanned.report, `${period}: the views and the scan disagree`);
  return { period, viewMs: median(viewRunsMs), viewRunsMs, rows, scanMs, scannedDocs: scanned.docs };
}

async function timeWithRollups(base: string, db: string, period: string, filter: ReportFilter, runs: number): Promise<RollupTiming> {
  const viewQuery = httpViewQuery(base, db, admin);
  const authed = ((url: string, init?: RequestInit) => fetch(url, { ...init, headers: admin.headers })) as typeof fetch;
  const sources = { rollups: httpRollups(`${base}/db`, db, authed), months: httpMonthRollups(`${base}/db`, db, authed) };
  // What the report reads, recorded once, then read alone in each run.
  const reads: (() => Promise<unknown>)[] = [];
  let rollups = 0;
  let months = 0;
  let rows = 0;
  const counted: { rollups: RollupSource; months: MonthRollupSource } = {
    rollups: async (from, to) => {
      reads.push(() => sources.rollups(from, to));
      const docs = await sources.rollups(from, to);
      rollups += docs.length;
      rows += docs.reduce((n, d) => n + d.stats.length + d.durations.length, 0);
      return docs;
    },
    months: async (from, to) => {
      reads.push(() => sources.months(from, to));
      const docs = await sources.months(from, to);
      months += docs.length;
      rows += docs.reduce((n, d) => n + d.days.length + d.hours.length, 0);
      return docs;
    },
  };
  deepStrictEqual(await loadReport(viewQuery, filter, counted), await loadReport(viewQuery, filter), `${period}: roll-ups and views disagree`);
  const runsMs: number[] = [];
  const fetchRunsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await loadReport(viewQuery, filter, sources);
    runsMs.push(performance.now() - t);
    t = performance.now();
    for (const read of reads) await read();
    fetchRunsMs.push(performance.now() - t);
  }
  return { period, ms: median(runsMs), runsMs, rollups, months, rows, fetchMs: median(fetchRunsMs) };
}

/** `engineUrl`: the engine itself (loopback), for the roll-up job's client as the server uses it. */
export async function benchStats(base: string, options: { events: number; engineUrl: string; runs?: number; log?: (line: string) => void }): Promise<StatsBenchResult> {
  const log = options.log ?? (() => undefined);
  const docs = yearLog(options.events, YEAR, 1, BRANCH);
  const visitEvents = docs.filter((d) => d.type === 'visit_event').length;
  const db = branchDb(BRANCH);
  // Creating the database and installing its design documents is the server's own work, on the
  // engine's loopback port (the gateway refuses both); the timed load goes through /db/.
  await createDb(options.engineUrl, db);
  expect201(await couchAt(options.engineUrl, admin, 'POST', `/${db}/_bulk_docs`, { docs: (await buildDesignDocs()).branch }), db);
  log(`stats: loading ${docs.length} documents (${visitEvents} visit events) into ${db}…`);
  const started = performance.now();
  await load(base, db, docs);
  const loadSeconds = (performance.now() - started) / 1000;
  log(`stats: loaded in ${loadSeconds.toFixed(1)} s (${Math.round(docs.length / loadSeconds)} docs/s, validate_doc_update on)`);

  const indexSeconds: Record<string, number> = {};
  for (const view of ['visit_stats', 'visit_durations']) {
    const t = performance.now();
    const status = await longGet(base, `/${db}/_design/fo/_view/${view}?limit=1&reduce=false`);
    if (status !== 200) throw new Error(`building ${view}: ${status}`);
    indexSeconds[view] = (performance.now() - t) / 1000;
    log(`stats: ${view} index built in ${indexSeconds[view]!.toFixed(1)} s`);
  }
  const runs = options.runs ?? 5;
  const month = await timeReport(base, db, `${YEAR}-06`, { from: `${YEAR}-06-01`, to: `${YEAR}-06-30`, branch: BRANCH }, runs);
  log(`stats: month ${month.viewMs.toFixed(0)} ms via views (${month.rows} rows), ${month.scanMs.toFixed(0)} ms by scan (${month.scannedDocs} docs)`);
  const year = await timeReport(base, db, String(YEAR), { from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, branch: BRANCH }, runs);
  log(`stats: year ${year.viewMs.toFixed(0)} ms via views (${year.rows} rows), ${year.scanMs.toFixed(0)} ms by scan (${year.scannedDocs} docs)`);

  const t = performance.now();
  const pass = await rollUpDatabase(adminClient(options.engineUrl, ADMIN), db, BRANCH, branchDay(new Date(), TIME_ZONE));
  const rollupPassSeconds = (performance.now() - t) / 1000;
  log(`stats: roll-up pass ${rollupPassSeconds.toFixed(1)} s (${pass.computed} days, ${pass.written} written; ${pass.monthsComputed} months, ${pass.monthsWritten} written)`);
  const monthWithRollups = await timeWithRollups(base, db, `${YEAR}-06`, { from: `${YEAR}-06-01`, to: `${YEAR}-06-30`, branch: BRANCH }, runs);
  log(`stats: month ${monthWithRollups.ms.toFixed(0)} ms with roll-ups (${withRollups(monthWithRollups)})`);
  const yearWithRollups = await timeWithRollups(base, db, String(YEAR), { from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, branch: BRANCH }, runs);
  log(`stats: year ${yearWithRollups.ms.toFixed(0)} ms with roll-ups (${withRollups(yearWithRollups)})`);
  return {
    visitEvents,
    counterEvents: docs.length - visitEvents,
    loadSeconds,
    loadDocsPerSec: docs.length / loadSeconds,
    indexSeconds,
    month,
    year,
    rollupPassSeconds,
    rollupDays: pass.computed,
    rollupMonths: pass.monthsComputed,
    monthWithRollups,
    yearWithRollups,
  };
}

function withRollups(t: RollupTiming): string {
  return `${t.months} monthly + ${t.rollups} daily docs, ${t.rows} rows, read in ${t.fetchMs.toFixed(0)} ms; runs ${t.runsMs.map((ms) => ms.toFixed(0)).join(' / ')} ms`;
}

function expect201(res: { status: number; body: unknown }, what: string): void {
  if (res.status !== 201) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
}

export function writeStatsResults(result: StatsBenchResult): string {
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL('stats-latest.json', dir);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2) + '\n');
  return file.pathname;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const events = Number(arg('events') ?? process.env.STATS_BENCH_EVENTS ?? 500_000);
  const runs = Number(arg('runs') ?? 5);
  const server = await startServer();
  try {
    const result = await benchStats(server.url, { events, runs, engineUrl: `http://127.0.0.1:${server.enginePort}`, log: (line) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`) });
    console.log(`written to ${writeStatsResults(result)}`);
  } finally {
    await server.stop();
  }
}
