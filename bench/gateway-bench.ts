/**
 * What the gateway costs a read: the same requests through `/db/` (allowlist, query rules,
 * session from the gateway's 10 s cache, member check, answer headers rewritten and streamed
 * back) and straight at the engine's loopback port, with the same signed-in user's session
 * cookie. `GET /<db>/<id>` and `POST /<db>/_bulk_get?revs=true&latest=true` of 100 documents
 * (the replicator's shape), each one request at a time and 8 at a time; median and p95
 * latency, requests per second. Also the sign-in itself (the engine hashes the password with
 * PBKDF2-SHA256, 600,000 iterations) and the first request of a new session (the gateway asks
 * the engine who it is) beside a cached one. See bench/README.md ("Gateway overhead").
 *
 *   npx tsx bench/gateway-bench.ts [--requests=2000] [--bulk-requests=500]
 *   npm run bench -- --parts=gateway
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { branchDb } from '../couch-design/databases.ts';
import { branchRole } from '../couch-design/roles.ts';
import { ADMIN, basicAuth, couchAt, engineUrl } from '../test/support/couch-http.ts';
import { startServer } from '../test/support/server-process.ts';
import { benchDocs, createDb, createUser } from './load.ts';
import { describeRefusals } from './refusals.ts';

const BRANCH = 'gwb';
const DB = branchDb(BRANCH);
const DOCS = 1000;
const BULK = 100;
const WARM_UP = 50;
const USER = { name: 'bench.gateway', password: 'bench-gateway-password', roles: ['counter', branchRole(BRANCH)] };

export type Target = 'gateway' | 'engine';

export interface LatencyFigure {
  readonly request: string;
  readonly target: Target;
  readonly concurrency: number;
  readonly n: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly reqPerSec: number;
}

export interface GatewayBenchResult {
  /** Successive sign-ins of the same user through `/db/_session` (each hashes the password). */
  readonly signInMs: readonly number[];
  /** The first `/db/` request of the new session (not in the gateway's cache: it asks the engine) and the median of the next 20. */
  readonly firstRequestMs: number;
  readonly cachedRequestMs: number;
  readonly figures: readonly LatencyFigure[];
  /** The server's log, one line per request (bench/refusals.ts finds the gateway's refusals in it). */
  readonly serverOutput: string;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A user's cookie jar of one cookie: the engine renews the session as it goes, as a browser would keep it. */
class Session {
  constructor(public cookie: string) {}
  async send(url: string, init: { method?: string; body?: string } = {}): Promise<void> {
    const res = await fetch(url, { method: init.method ?? 'GET', body: init.body, headers: { cookie: this.cookie, accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status}`);
    const renewed = /^AuthSession=[^;]+/.exec(res.headers.get('set-cookie') ?? '');
    if (renewed) this.cookie = renewed[0];
  }
}

async function signIn(base: string): Promise<{ ms: number; cookie: string }> {
  const t = performance.now();
  const res = await fetch(`${base}/db/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: USER.name, password: USER.password }) });
  await res.arrayBuffer();
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`sign-in of ${USER.name}: ${res.status}`);
  return { ms, cookie: /^AuthSession=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0] };
}

/** `n` requests made by `concurrency` workers; each request's latency, and the wall time. */
async function measure(n: number, concurrency: number, one: (i: number) => Promise<void>): Promise<{ latencies: number[]; ms: number }> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const t = performance.now();
      await one(i);
      latencies.push(performance.now() - t);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies: latencies.sort((a, b) => a - b), ms: performance.now() - started };
}

export async function benchGateway(options = { requests: 2000, bulkRequests: 500 }, log: (line: string) => void = () => undefined): Promise<GatewayBenchResult> {
  const server = await startServer();
  try {
    const engine = engineUrl(server);
    const admin = basicAuth(ADMIN.name, ADMIN.password);
    await createDb(engine, DB);
    await createUser(engine, USER);
    const loaded = await couchAt(engine, admin, 'POST', `/${DB}/_bulk_docs`, { docs: benchDocs(DOCS, BRANCH) });
    const stored = (loaded.body as { id: string; rev: string }[]).map(({ id, rev }) => ({ id, rev }));
    if (loaded.status !== 201 || stored.length !== DOCS) throw new Error(`loading ${DB}: ${loaded.status}`);

    const signInMs: number[] = [];
    let cookie = '';
    for (let i = 0; i < 3; i++) ({ ms: signInMs[i], cookie } = await signIn(server.url));
    const session = new Session(cookie);
    const docUrl = (base: string, i: number) => `${base}/${DB}/${encodeURIComponent(stored[(i * 7919) % DOCS]!.id)}`;
    let t = performance.now();
    await session.send(docUrl(`${server.url}/db`, 0));
    const firstRequestMs = performance.now() - t;
    const cached: number[] = [];
    for (let i = 1; i <= 20; i++) {
      t = performance.now();
      await session.send(docUrl(`${server.url}/db`, i));
      cached.push(performance.now() - t);
    }
    const cachedRequestMs = percentile(cached.sort((a, b) => a - b), 50);
    log(`  sign-in ${signInMs.map((ms) => ms.toFixed(0)).join(' / ')} ms; first request of the session ${firstRequestMs.toFixed(1)} ms, cached ${cachedRequestMs.toFixed(1)} ms`);

    const bulkBody = (i: number) => JSON.stringify({ docs: Array.from({ length: BULK }, (_, k) => stored[(i * BULK + k) % DOCS]) });
    const kinds = [
      { request: 'GET /<db>/<id>', n: options.requests, one: (base: string) => (i: number) => session.send(docUrl(base, i)) },
      { request: `_bulk_get ${BULK}`, n: options.bulkRequests, one: (base: string) => (i: number) => session.send(`${base}/${DB}/_bulk_get?revs=true&latest=true`, { method: 'POST', body: bulkBody(i) }) },
    ];
    const bases: Record<Target, string> = { gateway: `${server.url}/db`, engine };
    const figures: LatencyFigure[] = [];
    for (const kind of kinds) {
      for (const concurrency of [1, 8]) {
        // Alternate who goes first, so neither always meets the colder engine.
        const order: Target[] = figures.length % 4 === 0 ? ['gateway', 'engine'] : ['engine', 'gateway'];
        for (const target of order) {
          const one = kind.one(bases[target]);
          await measure(WARM_UP, concurrency, one);
          const { latencies, ms } = await measure(kind.n, concurrency, one);
          const figure = { request: kind.request, target, concurrency, n: kind.n, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), reqPerSec: (kind.n * 1000) / ms };
          figures.push(figure);
          log(`  ${kind.request.padEnd(16)} ${String(concurrency).padStart(2)} at a time  ${target.padEnd(7)}  p50 ${figure.p50Ms.toFixed(2)} ms  p95 ${figure.p95Ms.toFixed(2)} ms  ${figure.reqPerSec.toFixed(0)} req/s`);
        }
      }
    }
    return { signInMs, firstRequestMs, cachedRequestMs, figures, serverOutput: server.output() };
  } finally {
    await server.stop();
  }
}

export function writeGatewayResults(result: GatewayBenchResult, load: { start: number; end: number }): string {
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL('gateway-latest.json', dir);
  const { serverOutput: _, ...figures } = result;
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), load, ...figures }, null, 2) + '\n');
  return file.pathname;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadavg } = await import('node:os');
  const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const start = loadavg()[0]!;
  const result = await benchGateway({ requests: arg('requests', 2000), bulkRequests: arg('bulk-requests', 500) }, console.log);
  console.log(describeRefusals('gateway', result.serverOutput).join('\n'));
  console.log(`load average (1 min) ${start.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end; written to ${writeGatewayResults(result, { start, end: loadavg()[0]! })}`);
}
