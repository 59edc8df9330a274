/**
 * People at national scale (issue 10, docs/PEOPLE.md): N insurants and N/20 employers with
 * their cases and account lines, spread over B branches, loaded through the server's
 * `_bulk_docs` in batches of 5,000 as they are generated (never all in memory); then
 *  - the server's index build (first query of the people views), and search by name (two
 *    words, one word), number and employer account through the gateway, p50/p95;
 *  - a counter tablet of one branch: its filtered first sync (PouchDB on LevelDB in Node, the
 *    app's batch sizes), the replica's size on disk, its Mango index build, and the same
 *    searches on the device, p50/p95;
 *  - opening a file with 10 years of history (an employer: 40 contribution periods and 170
 *    cases, 211 documents) by key, on the tablet and through the server, p50/p95.
 *
 *   npm run bench -- --parts=people                         # N = 20,000 (a few minutes)
 *   PEOPLE_BENCH_INSURANTS=1000000 npx tsx bench/people-bench.ts   # the national size
 *
 * PEOPLE_BENCH_DATA_DIR=<folder> keeps the server's data there, and a later run with the same
 * sizes measures again without loading (the load and the index build take about half an hour
 * at the national size): the folder's `people-bench.json` holds what the load found.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDBNode from 'pouchdb-node';
import Find from 'pouchdb-find';
import { PEOPLE_DB } from '../couch-design/databases.ts';
import { personSearchField } from '../couch-design/search/person-keys.ts';
import { accountLineId } from '../couch-design/types/account-line.ts';
import { caseId } from '../couch-design/types/case.ts';
import { personId, type Person } from '../couch-design/types/person.ts';
import { mulberry32 } from '../server/demo-data/prng.ts';
import { streamPeople } from '../server/demo-data/people.ts';
import { replicaPlan } from '../app/data/replicas.ts';
import { searchServer } from '../app/people/server-search.ts';
import { searchDevice } from '../app/people/device-search.ts';
import { ensurePeopleIndexes } from '../app/people/people-index.ts';
import { readPersonFile } from '../app/people/person-file.ts';
import { ADMIN, basicAuth, engineUrl, signIn } from '../test/support/couch-http.ts';
import { createUser } from './load.ts';
import { startServer } from '../test/support/server-process.ts';
import { describeRefusals } from './refusals.ts';

PouchDBNode.plugin(Find);

const BATCH = 5000;
/** The counter clerk of the tablet measured: a member of fo_people, of bench branch pb0. */
const USER = { name: 'bench.people', password: 'bench-people-password', roles: ['counter', 'branch:pb0'] };
const SAMPLES = 200;

export interface PeopleBenchOptions {
  readonly insurants: number;
  readonly branches: number;
  readonly log: (line: string) => void;
  /** Where the server keeps its data, loaded once for these sizes (else a fresh temporary folder). */
  readonly dataDir?: string;
}

/** What a load leaves beside the data it wrote, for a later run on the same folder. */
interface LoadRecord {
  insurants: number;
  branches: number;
  documents: number;
  loadMs: number;
  samples: Samples;
}

interface Samples {
  names: string[];
  homeNames: string[];
  numbers: string[];
  homeNumbers: string[];
  accounts: string[];
  homeAccounts: string[];
}

export interface Figure {
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly n: number;
}

export interface PeopleBenchResult {
  insurants: number;
  employers: number;
  branches: number;
  documents: number;
  loadMs: number;
  serverIndexMs: number;
  server: Record<string, Figure>;
  device: { name: Figure; familyOnly: Figure; number: Figure; account: Figure; file: Figure; firstSyncMs: number; indexMs: number; documents: number; bytesOnDisk: number };
  serverOutput: string;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timed(queries: readonly string[], run: (q: string) => Promise<unknown[]>, check: (q: string, found: unknown[]) => boolean): Promise<Figure> {
  const times: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    const found = await run(q);
    times.push(performance.now() - t0);
    if (!check(q, found)) throw new Error(`search ${JSON.stringify(q)} did not find what it should (${found.length} found)`);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), n: times.length };
}

const fmt = (f: Figure) => `p50 ${f.p50Ms.toFixed(1)} ms, p95 ${f.p95Ms.toFixed(1)} ms (${f.n} searches)`;

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? dirSize(path) : statSync(path).size;
  }
  return total;
}

/** Ten years at the counter: an employer with 40 quarters of contributions and 170 cases. */
function heavyFile(branch: string): object[] {
  const number = '999001';
  const p: Person = { _id: personId(number), type: 'person', kind: 'employer', number, accountNumber: number, companyName: 'Cimenteries du Bench', branch };
  const docs: object[] = [{ ...p, search: personSearchField(p) }];
  for (let y = 2015; y <= 2024; y++)
    for (let q = 1; q <= 4; q++) {
      const period = `${y}-Q${q}`;
      docs.push({ _id: accountLineId(number, period), type: 'account_line', employer: p._id, period, amountDue: 900_000, amountPaid: 900_000, currency: 'XAF', branch });
    }
  for (let i = 1; i <= 170; i++) {
    const caseNo = `${2015 + (i % 10)}-${String(i).padStart(4, '0')}`;
    const at = `${2015 + (i % 10)}-03-01T09:00:00.000Z`;
    docs.push({ _id: caseId(number, caseNo), type: 'case', person: p._id, caseNo, kind: 'contributions', status: 'closed', openedAt: at, updatedAt: at, summary: 'contributions', missingDocuments: [], branch });
  }
  return docs;
}

/**
 * A GET that waits as long as the server takes: the first read of a view builds it, about half
 * an hour at the national size, and fetch gives up on an answer's headers after 5 minutes.
 */
function getWithoutTimeout(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { headers: { cookie } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

export async function benchPeople(options: PeopleBenchOptions): Promise<PeopleBenchResult> {
  const { insurants, branches, log, dataDir } = options;
  const employers = Math.max(1, Math.round(insurants / 20));
  const branchCodes = Array.from({ length: branches }, (_, i) => `pb${i}`);
  const home = branchCodes[0]!;
  // No demo data: the bench's people are the only ones (the demo's employer 415120 would collide).
  const recordFile = dataDir && join(dataDir, 'people-bench.json');
  const loaded = recordFile && existsSync(recordFile) ? (JSON.parse(readFileSync(recordFile, 'utf8')) as LoadRecord) : null;
  if (loaded && (loaded.insurants !== insurants || loaded.branches !== branches))
    throw new Error(`${dataDir} holds ${loaded.insurants} insurants over ${loaded.branches} branches: use another folder`);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const server = await startServer({ DEMO_DATA: '0' }, dataDir);
  const device = mkdtempSync(join(tmpdir(), 'fo-people-device-'));
  try {
    const admin = basicAuth(ADMIN.name, ADMIN.password);
    const post = async (docs: object[]) => {
      const res = await fetch(`${server.url}/db/${PEOPLE_DB}/_bulk_docs`, { method: 'POST', headers: { ...admin.headers, 'content-type': 'application/json' }, body: JSON.stringify({ docs }) });
      const answer = (await res.json()) as { id: string; error?: string; reason?: string }[];
      const failed = Array.isArray(answer) ? answer.find((r) => r.error) : answer;
      if (res.status !== 201 || failed) throw new Error(`_bulk_docs: ${res.status} ${JSON.stringify(failed)}`);
    };

    // Load: persons spread over the bench branches by number; cases and lines follow their person.
    async function load(): Promise<Omit<LoadRecord, 'insurants' | 'branches'>> {
      const samples: Samples = { names: [], homeNames: [], numbers: [], homeNumbers: [], accounts: [], homeAccounts: [] };
      const every = Math.max(1, Math.floor((insurants + employers) / (SAMPLES * branches)));
      let batch: object[] = [];
      let documents = 0;
      let seen = 0;
      let branch = home;
      const t0 = performance.now();
      for (const doc of streamPeople(mulberry32(7), { insurants, employers, beneficiaries: 0 })) {
        if (doc.type === 'person') {
          let sum = 0;
          for (const ch of doc.number) sum = (sum * 31 + ch.charCodeAt(0)) % 1_000_003;
          branch = branchCodes[sum % branches]!;
          if (seen++ % every === 0) {
            const mine = branch === home;
            if (doc.kind === 'employer') (mine ? samples.homeAccounts : samples.accounts).push(doc.accountNumber!);
            else {
              (mine ? samples.homeNames : samples.names).push(`${doc.familyName} ${doc.givenName}`);
              (mine ? samples.homeNumbers : samples.numbers).push(doc.number);
            }
          }
        }
        batch.push({ ...doc, branch });
        if (batch.length === BATCH) {
          await post(batch);
          documents += batch.length;
          batch = [];
          if (documents % 100_000 === 0) log(`  loaded ${documents} documents (${((documents * 1000) / (performance.now() - t0)).toFixed(0)} docs/s)`);
        }
      }
      const heavy = heavyFile(home);
      batch.push(...heavy);
      await post(batch);
      documents += batch.length;
      const loadMs = performance.now() - t0;
      log(`  loaded ${documents} documents (${insurants} insurants, ${employers} employers, cases, account lines) over ${branches} branches in ${(loadMs / 1000).toFixed(1)} s`);
      return { samples, documents, loadMs };
    }

    const { samples, documents, loadMs } = loaded ?? (await load());
    if (loaded) log(`  ${documents} documents loaded earlier in ${dataDir} (${(loadMs / 1000).toFixed(1)} s then)`);
    else {
      await createUser(engineUrl(server), USER);
      if (recordFile) writeFileSync(recordFile, JSON.stringify({ insurants, branches, documents, loadMs, samples } satisfies LoadRecord));
    }

    const base = `${server.url}/db`;
    // A fresh session per step: at the national size one view's first build outlasts CouchDB's
    // 10-minute session, and the next request would answer 401.
    const fresh = () => signIn(server.url, USER.name, USER.password);
    const t1 = performance.now();
    for (const view of ['people_search', 'persons_by_account']) {
      const status = await getWithoutTimeout(`${base}/${PEOPLE_DB}/_design/fo/_view/${view}?limit=0`, (await fresh()).headers.cookie!);
      if (status !== 200) throw new Error(`building ${view}: ${status}`);
    }
    const serverIndexMs = performance.now() - t1;
    log(`  server views built in ${(serverIndexMs / 1000).toFixed(1)} s`);
    const session = await fresh();
    const cookieFetch = ((url: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('cookie', session.headers.cookie!);
      return fetch(url, { ...init, headers });
    }) as typeof fetch;

    const access = { fetch: cookieFetch, base };
    const names = [...samples.names, ...samples.homeNames].slice(0, SAMPLES);
    const numbers = [...samples.numbers, ...samples.homeNumbers].slice(0, SAMPLES);
    const accounts = [...samples.accounts, ...samples.homeAccounts].slice(0, SAMPLES);
    // Namesakes are common (the demo's names are few): the sought one must be among the found.
    const named = (q: string, found: unknown[]) => (found as Person[]).some((p) => `${p.familyName} ${p.givenName}` === q);
    const numbered = (q: string, found: unknown[]) => (found as Person[]).some((p) => p.number === q || p.accountNumber === q);
    const server_ = {
      name: await timed(names, (q) => searchServer(access, q), named),
      familyOnly: await timed(names.map((n) => n.split(' ')[0]!), (q) => searchServer(access, q), (_q, f) => f.length > 0),
      number: await timed(numbers, (q) => searchServer(access, q), numbered),
      account: await timed(accounts, (q) => searchServer(access, q, { kind: 'employer' }), numbered),
    };
    log(`  server, two-word name: ${fmt(server_.name)}`);
    log(`  server, one word (a family name shared by thousands): ${fmt(server_.familyOnly)}`);
    log(`  server, number: ${fmt(server_.number)}`);
    log(`  server, employer account: ${fmt(server_.account)}`);

    // The counter tablet of branch `home`: the app's replication of its share.
    const spec = replicaPlan(USER).find((r) => r.key === 'people')!;
    const Local = PouchDBNode.defaults({ prefix: device + '/' } as PouchDB.Configuration.DatabaseConfiguration);
    const local = new Local('people');
    const remote = new PouchDBNode(`${base}/${PEOPLE_DB}`, { skip_setup: true, fetch: cookieFetch } as PouchDB.Configuration.RemoteDatabaseConfiguration);
    const t2 = performance.now();
    await local.replicate.from(remote, { filter: spec.filter!.name, query_params: spec.filter!.params, batch_size: 1000, batches_limit: 4 });
    const firstSyncMs = performance.now() - t2;
    const held = (await local.info()).doc_count;
    const t3 = performance.now();
    await ensurePeopleIndexes(local);
    await searchDevice([local], 'warm up');
    const indexMs = performance.now() - t3;
    await local.compact();
    const bytesOnDisk = dirSize(device);
    log(`  tablet of ${home}: first sync of ${held} documents in ${(firstSyncMs / 1000).toFixed(1)} s, Mango indexes in ${(indexMs / 1000).toFixed(1)} s, ${(bytesOnDisk / 1048576).toFixed(1)} MB on disk (LevelDB)`);

    const layer = { local: () => local, peopleCache: null, fetch: cookieFetch, remoteBase: null };
    const device_ = {
      name: await timed(samples.homeNames.slice(0, SAMPLES), (q) => searchDevice([local], q), named),
      familyOnly: await timed(samples.homeNames.slice(0, SAMPLES).map((n) => n.split(' ')[0]!), (q) => searchDevice([local], q), (_q, f) => f.length > 0),
      number: await timed(samples.homeNumbers.slice(0, SAMPLES), (q) => searchDevice([local], q), numbered),
      account: await timed(samples.homeAccounts.slice(0, SAMPLES), (q) => searchDevice([local], q, { kind: 'employer' }), numbered),
      file: await timed(Array(50).fill('person:999001'), async (id) => [await readPersonFile(layer, id)], (_q, [f]) => (f as { cases: unknown[]; accountLines: unknown[] }).cases.length === 170 && (f as { accountLines: unknown[] }).accountLines.length === 40),
    };
    log(`  tablet, two-word name: ${fmt(device_.name)}`);
    log(`  tablet, one word: ${fmt(device_.familyOnly)}`);
    log(`  tablet, number: ${fmt(device_.number)}`);
    log(`  tablet, employer account: ${fmt(device_.account)}`);
    log(`  tablet, opening a file of 211 documents (40 periods, 170 cases): ${fmt(device_.file)}`);
    const online = { local: () => null, peopleCache: null, fetch: cookieFetch, remoteBase: base };
    const serverFile = await timed(Array(50).fill('person:999001'), async (id) => [await readPersonFile(online, id)], (_q, [f]) => (f as { cases: unknown[] }).cases.length === 170);
    log(`  server, opening the same file: ${fmt(serverFile)}`);
    await local.close();
    return {
      insurants,
      employers,
      branches,
      documents,
      loadMs,
      serverIndexMs,
      server: { ...server_, file: serverFile },
      device: { ...device_, firstSyncMs, indexMs, documents: held, bytesOnDisk },
      serverOutput: server.output(),
    };
  } finally {
    await server.stop();
    rmSync(device, { recursive: true, force: true });
  }
}

export function writePeopleResults(result: PeopleBenchResult): string {
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL('people-latest.json', dir);
  const { serverOutput: _output, ...figures } = result;
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), ...figures }, null, 2) + '\n');
  return file.pathname;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const insurants = Number(process.env.PEOPLE_BENCH_INSURANTS ?? 20_000);
  const branches = Number(process.env.PEOPLE_BENCH_BRANCHES ?? 10);
  const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
  const result = await benchPeople({ insurants, branches, log, dataDir: process.env.PEOPLE_BENCH_DATA_DIR || undefined });
  log(`written to ${writePeopleResults(result)}`);
  for (const line of describeRefusals('people', result.serverOutput)) log(line);
}
