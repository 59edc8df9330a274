/**
 * Bench data. Admin-only set-up (creating a database and its `_security`, creating a user) goes
 * straight to the engine on its loopback port (or, with COUCH_URL, to that CouchDB as its admin:
 * bench/couch-env.ts): the gateway in front of `/db/` allows no one to do it, the server admin
 * included (docs/SECURITY.md). The timed bulk load of N generated
 * branch documents (tickets + visit events) still goes through `/db/`, as server admin, with
 * `_bulk_docs` in chunks of 1000, so it is the server's bulk write rate as a branch server's
 * replicator would meet it: the gateway's checks (the contract's validator on every document)
 * included. Reported on its own, apart from the sync.
 */
import { generateBranchOperationalDocs } from '../server/demo-data/generate.ts';
import { securityFor } from '../server/provision/security.ts';
import { ADMIN, basicAuth, couchAt, type Session } from '../test/support/couch-http.ts';

/** The embedded engine's admin; with COUCH_URL, that CouchDB's (bench/couch-env.ts). */
const embeddedAdmin = basicAuth(ADMIN.name, ADMIN.password);
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

/** Exactly n documents of branch `branch`: whole tickets with their visit events, the last ticket possibly cut. */
export function benchDocs(n: number, branch: string, seed = 1): object[] {
  const docs = generateBranchOperationalDocs(branch, Math.ceil(n / DOCS_PER_TICKET_MIN), seed);
  if (docs.length < n) throw new Error(`generated ${docs.length} documents, wanted ${n}`);
  return docs.slice(0, n);
}

/** A Front Office database created on the engine with the `_security` provisioning gives it. */
export async function createDb(engine: string, db: string, admin: Session = embeddedAdmin): Promise<void> {
  const res = await couchAt(engine, admin, 'PUT', `/${db}`);
  if (res.status !== 201) throw new Error(`creating ${db}: ${res.status} ${JSON.stringify(res.body)}`);
  const sec = await couchAt(engine, admin, 'PUT', `/${db}/_security`, securityFor(db));
  if (sec.status !== 200) throw new Error(`_security of ${db}: ${sec.status} ${JSON.stringify(sec.body)}`);
}

/** A user account written on the engine (which hashes the password as CouchDB 3.4 does). */
export async function createUser(engine: string, user: { name: string; password: string; roles: readonly string[] }, admin: Session = embeddedAdmin): Promise<void> {
  const res = await couchAt(engine, admin, 'PUT', `/_users/org.couchdb.user:${user.name}`, { name: user.name, password: user.password, roles: user.roles, type: 'user' });
  if (res.status !== 201) throw new Error(`creating user ${user.name}: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function docCount(engine: string, db: string, admin: Session = embeddedAdmin): Promise<number> {
  const res = await couchAt(engine, admin, 'GET', `/${db}`);
  if (res.status !== 200) throw new Error(`info of ${db}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { doc_count: number }).doc_count;
}

/** `db` must be `fo_branch_<branch>`: the contract refuses a document of another branch there. */
export async function loadDb(base: string, engine: string, db: string, branch: string, n: number, admin: Session = embeddedAdmin): Promise<LoadResult> {
  const docs = benchDocs(n, branch);
  const chunks = Array.from({ length: Math.ceil(n / CHUNK) }, (_, i) => JSON.stringify({ docs: docs.slice(i * CHUNK, (i + 1) * CHUNK) }));
  await createDb(engine, db, admin);
  const started = performance.now();
  for (const body of chunks) {
    const res = await fetch(`${base}/db/${db}/_bulk_docs`, { method: 'POST', headers: { ...admin.headers, 'content-type': 'application/json' }, body });
    const answer = (await res.json()) as { id: string; error?: string; reason?: string }[] | { error: string; reason: string };
    if (res.status !== 201 || !Array.isArray(answer)) throw new Error(`_bulk_docs on ${db}: ${res.status} ${JSON.stringify(answer)}`);
    const failed = answer.find((row) => row.error !== undefined);
    if (failed) throw new Error(`_bulk_docs on ${db}: ${failed.id} ${failed.error} ${failed.reason}`);
  }
  const ms = performance.now() - started;
  const count = await docCount(engine, db, admin);
  if (count !== n) throw new Error(`${db} holds ${count} documents after loading ${n}`);
  return { db, n, ms, bytes: chunks.reduce((sum, c) => sum + Buffer.byteLength(c), 0) };
}
