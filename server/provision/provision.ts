import { CENTRAL_DB, PEOPLE_DB, REF_DB, branchDb, scansDb } from '../../couch-design/databases.ts';
import { generateDemoData } from '../demo-data/generate.ts';
import { log } from '../log.ts';
import { ensureDb, getOrNull, type Couch } from './couch-client.ts';
import { deployDesignDocs, type BuiltDesignDocs, type DbKind } from './design-docs.ts';
import { buildInBackground, DesignDocStates, type PendingBuild } from './index-builds.ts';
import { ensureReplications, replicationPlan } from './replication.ts';
import { insertMissing } from './seed-docs.ts';
import { securityFor } from './security.ts';
import { deleteUsers, ensureUsers, type UserSpec } from './users.ts';

export interface ProvisionInput {
  couch: Couch;
  /** This engine's base URL with admin credentials (for its replicator); null: the embedded engine (replication.ts). */
  localUrl: string | null;
  centralUrl: string | null;
  /** Branch codes to hold; empty = every branch in the reference data. */
  branches: readonly string[];
  designDocs: BuiltDesignDocs;
  demo: boolean;
  resetDemo: boolean;
}

export interface ProvisionResult {
  branches: string[];
  /** The demo sign-ins (created on the first run), to print; empty without demo data. */
  demoUsers: UserSpec[];
  /** Per database, whether its design documents are live or still building (in the background). */
  designDocs: DesignDocStates;
}

const FO_DB = /^fo_/;

/** Prepares one database; returns the changed design documents left to build in the background. */
async function prepareDb(couch: Couch, db: string, kind: DbKind, docs: BuiltDesignDocs): Promise<PendingBuild[]> {
  const created = await ensureDb(couch, db);
  const security = securityFor(db);
  const current = await couch.request({ db, path: '_security' }).catch(() => ({}));
  if (JSON.stringify(current) !== JSON.stringify(security)) {
    await couch.request({ db, path: '_security', method: 'PUT', body: security });
  }
  const { written, building } = await deployDesignDocs(couch, db, docs[kind]);
  if (created || written.length) log(`provision: ${db}${created ? ' created' : ''}${written.length ? `, design docs ${written.join(', ')}` : ''}`);
  if (building.length) log(`provision: ${db}: ${building.map((d) => d._id).join(', ')} changed, building its indexes in the background (the previous views answer meanwhile)`);
  return building.map((doc) => ({ db, doc }));
}

/** A branch's own databases: its operational database and its scans. */
async function prepareBranchDbs(couch: Couch, branch: string, docs: BuiltDesignDocs): Promise<PendingBuild[]> {
  return [...(await prepareDb(couch, branchDb(branch), 'branch', docs)), ...(await prepareDb(couch, scansDb(branch), 'scans', docs))];
}

async function branchesInRef(couch: Couch): Promise<string[]> {
  const res = await couch.use(REF_DB).list({ startkey: 'branch:', endkey: 'branch:\ufff0' });
  return res.rows.map((r) => r.id.slice('branch:'.length));
}

async function resetAll(couch: Couch, demoUserNames: string[]): Promise<void> {
  for (const db of (await couch.db.list()).filter((d) => FO_DB.test(d))) await couch.db.destroy(db);
  await deleteUsers(couch, demoUserNames);
  const rep = couch.use('_replicator');
  for (const row of (await rep.list({ startkey: 'fo_', endkey: 'fo_\ufff0' })).rows) await rep.destroy(row.id, row.value.rev);
  log('provision: demo reset: databases, demo users and replications removed');
}

/**
 * Brings the engine to the state this version of Front Office expects. Idempotent: a second
 * run with the same inputs writes nothing.
 */
export async function provision(p: ProvisionInput): Promise<ProvisionResult> {
  const { couch } = p;
  // Apache CouchDB leaves the system databases to the operator; the embedded engine has them.
  for (const sys of ['_users', '_replicator']) await ensureDb(couch, sys);
  const demo = p.demo ? generateDemoData() : null;
  if (demo && p.resetDemo) await resetAll(couch, demo.users.map((u) => u.name));

  // getOrNull also answers null while the database itself is missing.
  const firstRun = (await getOrNull(couch.use(REF_DB), 'institution')) === null;
  const pending = [
    ...(await prepareDb(couch, REF_DB, 'ref', p.designDocs)),
    ...(await prepareDb(couch, PEOPLE_DB, 'people', p.designDocs)),
  ];

  if (demo && firstRun && p.centralUrl === null) {
    const ref = await insertMissing(couch, REF_DB, demo.ref);
    const people = await insertMissing(couch, PEOPLE_DB, demo.people);
    const created = await ensureUsers(couch, demo.users);
    log(`provision: demo data loaded (${ref} reference, ${people} people documents, ${created.length} users)`);
  }

  const branches = p.branches.length ? [...p.branches] : await branchesInRef(couch);
  for (const b of branches) pending.push(...(await prepareBranchDbs(couch, b, p.designDocs)));
  if (demo && firstRun && p.centralUrl === null) {
    for (const b of branches) if (demo.branchDocs[b]) await insertMissing(couch, branchDb(b), demo.branchDocs[b]);
  }
  if (p.centralUrl === null) pending.push(...(await prepareDb(couch, CENTRAL_DB, 'central', p.designDocs)));

  const changed = await ensureReplications(couch, replicationPlan({ localUrl: p.localUrl, centralUrl: p.centralUrl, branches }));
  if (changed.length) log(`provision: replications started: ${changed.join(', ')}`);
  const designDocs = new DesignDocStates();
  const dbs = [REF_DB, PEOPLE_DB, ...branches.flatMap((b) => [branchDb(b), scansDb(b)]), ...(p.centralUrl === null ? [CENTRAL_DB] : [])];
  for (const db of dbs) designDocs.set(db, 'current');
  // Not awaited: the app is served while big indexes build; it never rejects.
  void buildInBackground(couch, pending, designDocs);
  // The people search's index answers the counters' first searches (docs/PEOPLE.md): built now
  // in the background, not by the first search (which gives up after 5 s and searches the
  // device instead). Not awaited; a failure only leaves it to that first search.
  void couch.use(PEOPLE_DB).view('fo', 'people_search', { limit: 0 }).catch(() => undefined);
  return { branches, demoUsers: demo ? demo.users : [], designDocs };
}

/**
 * Provisions a branch created while the server runs (issue 14; server/provision/branch-follower.ts
 * calls it): its databases with their `_security` and design documents, its replication into
 * fo_central at head office, and it joins `result.branches`, which the jobs (end of day,
 * statistics, cash chains) and the health answer read at each round. Idempotent.
 */
export function branchProvisioner(p: ProvisionInput, result: ProvisionResult): (branch: string) => Promise<void> {
  return async (branch) => {
    if (result.branches.includes(branch)) return;
    const pending = await prepareBranchDbs(p.couch, branch, p.designDocs);
    const changed = await ensureReplications(p.couch, replicationPlan({ localUrl: p.localUrl, centralUrl: p.centralUrl, branches: [branch] }));
    for (const db of [branchDb(branch), scansDb(branch)]) result.designDocs.set(db, 'current');
    void buildInBackground(p.couch, pending, result.designDocs);
    result.branches.push(branch);
    log(`provision: new branch ${branch}: ${branchDb(branch)} and ${scansDb(branch)} ready${changed.length ? `, replication ${changed.join(', ')}` : ''}`);
  };
}
