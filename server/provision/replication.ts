import { CENTRAL_DB, PEOPLE_DB, REF_DB, REPLICATION_FILTER, branchDb, scansDb } from '../../couch-design/databases.ts';
import type { Couch } from './couch-client.ts';
import { getOrNull } from './couch-client.ts';

/** A `_replicator` document as CouchDB 3.x defines it (only the fields we set). */
export interface ReplicationDoc {
  _id: string;
  source: string;
  target: string;
  continuous: true;
  filter?: typeof REPLICATION_FILTER;
}

export interface ReplicationPlanInput {
  /**
   * This engine's base URL with admin credentials, as its own replicator must reach it; null
   * for the embedded engine, whose replicator (PouchDB's, in the engine's process) is given
   * its own databases by name and reads and writes them in the process. Over HTTP to itself,
   * every batch of the head-office replication cost it eight requests (changes, revs_diff,
   * bulk_get, bulk_docs, a checkpoint read and write on both sides), each with its session
   * check and JSON round trip: half the engine's time in the 20-counter drain (issue 15).
   * Apache CouchDB 3 takes URLs only (local endpoints were removed in 3.0).
   */
  localUrl: string | null;
  /** Head office's base URL with credentials, for a branch deployment; null at head office. */
  centralUrl: string | null;
  branches: readonly string[];
}

const rep = (id: string, source: string, target: string): ReplicationDoc => ({
  _id: id,
  source,
  target,
  continuous: true,
  filter: REPLICATION_FILTER,
});

/**
 * Users are kept at head office; a branch server pulls them so its staff sign in there while
 * the link is down. Unfiltered: `_users` holds no design document of ours to filter on, and
 * its own (`_design/_auth`) is the same everywhere.
 */
const usersRep = (source: string, target: string): ReplicationDoc => ({ _id: 'fo_pull_users', source, target, continuous: true });

/**
 * The continuous replications a deployment runs. Head office: every branch database into the
 * central one (one way); a branch's scans stay in its own scans database there (the images are
 * not copied again into fo_central). Branch deployment: its branch databases both ways with
 * head office, its scans pushed there (one way: nothing downloads them back), users, reference
 * data and people pulled. They carry no design documents, and none uses a `selector`
 * (PouchDB Server crashes on `_changes?filter=_selector`).
 */
export function replicationPlan(p: ReplicationPlanInput): ReplicationDoc[] {
  const local = (db: string) => (p.localUrl === null ? db : `${p.localUrl}/${db}`);
  if (p.centralUrl === null) {
    return p.branches.map((b) => rep(`fo_central_from_${b}`, local(branchDb(b)), local(CENTRAL_DB)));
  }
  const central = (db: string) => `${p.centralUrl}/${db}`;
  return [
    usersRep(central('_users'), local('_users')),
    rep('fo_pull_ref', central(REF_DB), local(REF_DB)),
    rep('fo_pull_people', central(PEOPLE_DB), local(PEOPLE_DB)),
    ...p.branches.flatMap((b) => [
      rep(`fo_push_${b}`, local(branchDb(b)), central(branchDb(b))),
      rep(`fo_pull_${b}`, central(branchDb(b)), local(branchDb(b))),
      rep(`fo_push_scans_${b}`, local(scansDb(b)), central(scansDb(b))),
    ]),
  ];
}

const same = (a: Partial<ReplicationDoc>, b: ReplicationDoc) =>
  a.source === b.source && a.target === b.target && a.continuous === b.continuous && a.filter === b.filter;

/**
 * Makes `_replicator` hold exactly the planned documents. An unchanged one is left running, so
 * after a restart CouchDB resumes it from its checkpoint; a changed one is replaced.
 */
export async function ensureReplications(couch: Couch, plan: readonly ReplicationDoc[]): Promise<string[]> {
  const db = couch.use<ReplicationDoc>('_replicator');
  const changed: string[] = [];
  for (const want of plan) {
    const have = await getOrNull(db, want._id);
    if (have && same(have, want)) continue;
    // Deleting first (rather than updating) makes every replicator restart the job cleanly.
    if (have) await db.destroy(have._id, have._rev);
    await db.insert({ ...want });
    changed.push(want._id);
  }
  return changed;
}
