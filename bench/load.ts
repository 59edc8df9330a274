/**
 * Puts N generated branch documents (tickets + visit events) into a fresh server database,
 * as a server admin, with `_bulk_docs` in chunks of 1000 through the server's /db/ proxy.
 * Timed apart from the sync: it is the server's bulk write rate, reported on its own.
 */
import { generateBranchOperationalDocs } from '../server/demo-data/generate.ts';
import { ADMIN, basicAuth, couch } from '../test/support/couch-http.ts';

const admin = basicAuth(ADMIN.name, ADMIN.password);
const CHUNK = 1000;
/** A ticket brings at least 3 visit events, so N/4 tickets always give N documents or more. */
const DOCS_PER_TICKET_MIN = 4;

export interface LoadResult {
  readonly db: string;
  readonly n: number;
  readonly ms: number;
  /** Size of the JSON sent, all chunks. */
  readonly bytes: number;
}

/** Exactly n documents: whole tickets with their visit events, the last ticket possibly cut. */
export function benchDocs(n: number, seed = 1): object[] {
  const docs = generateBranchOperationalDocs('dla', Math.ceil(n / DOCS_PER_TICKET_MIN), seed);
  if (docs.length < n) throw new Error(`generated ${docs.length} documents, wanted ${n}`);
  return docs.slice(0, n);
}

export async function createDb(base: string, db: string): Promise<void> {
  const res = await couch(base, admin, 'PUT', `/${db}`);
  if (res.status !== 201) throw new Error(`creating ${db}: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function docCount(base: string, db: string): Promise<number> {
  const res = await couch(base, admin, 'GET', `/${db}`);
  if (res.status !== 200) throw new Error(`info of ${db}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { doc_count: number }).doc_count;
}

export async function loadDb(base: string, db: string, n: number): Promise<LoadResult> {
  const docs = benchDocs(n);
  const chunks = Array.from({ length: Math.ceil(n / CHUNK) }, (_, i) => JSON.stringify({ docs: docs.slice(i * CHUNK, (i + 1) * CHUNK) }));
  await createDb(base, db);
  const started = performance.now();
  for (const body of chunks) {
    const res = await fetch(`${base}/db/${db}/_bulk_docs`, { method: 'POST', headers: { ...admin.headers, 'content-type': 'application/json' }, body });
    const answer = (await res.json()) as { id: string; error?: string; reason?: string }[] | { error: string; reason: string };
    if (res.status !== 201 || !Array.isArray(answer)) throw new Error(`_bulk_docs on ${db}: ${res.status} ${JSON.stringify(answer)}`);
    const failed = answer.find((row) => row.error !== undefined);
    if (failed) throw new Error(`_bulk_docs on ${db}: ${failed.id} ${failed.error} ${failed.reason}`);
  }
  const ms = performance.now() - started;
  const count = await docCount(base, db);
  if (count !== n) throw new Error(`${db} holds ${count} documents after loading ${n}`);
  return { db, n, ms, bytes: chunks.reduce((sum, c) => sum + Buffer.byteLength(c), 0) };
}
