/** Which databases a signed-in user keeps on this device, and their local names. Pure. */
import { PEOPLE_DB, PEOPLE_OF_BRANCH_FILTER, REF_DB, branchDb, scansDb } from '../../couch-design/databases.ts';
import { SERVER_ADMIN_ROLE, branchOfRoles, isJobRole } from '../../couch-design/roles.ts';
import { writerRoles } from '../../couch-design/validate/policies.ts';

export type ReplicaKey = 'ref' | 'people' | 'branch' | 'scans';

export interface ReplicaSpec {
  readonly key: ReplicaKey;
  /** Server database name. */
  readonly remote: string;
  /** Local (IndexedDB) name: prefixed with the user so two users on one device never mix. */
  readonly local: string;
  /**
   * 'pull' where this user may not write (the server would refuse every push anyway): a
   * two-way sync would also send every pulled document back through `_revs_diff`. 'push' for
   * the scans a counter files: sent to the server, never downloaded (issue 10).
   */
  readonly mode: 'sync' | 'pull' | 'push';
  /** A server-side filter of the pull: the device holds a share of the database (docs/PEOPLE.md). */
  readonly filter?: { readonly name: string; readonly params: Readonly<Record<string, string>> };
}

export function localName(userName: string, remote: string): string {
  return `fo_${encodeURIComponent(userName)}__${remote}`;
}

/** fo_people is for staff, not for kiosk and display devices (they are not members). */
function readsPeople(roles: readonly string[]): boolean {
  return roles.includes(SERVER_ADMIN_ROLE) || roles.some((r) => isJobRole(r) && r !== 'kiosk' && r !== 'display');
}

/**
 * The counter screen is where papers are filed with their scans: its tablets push the branch's
 * scans database. Kiosks, displays, reception and supervisor devices keep none.
 */
function filesScans(roles: readonly string[]): boolean {
  return roles.includes('counter');
}

export function replicaPlan(user: { readonly name: string; readonly roles: readonly string[] }): ReplicaSpec[] {
  const writes = (key: ReplicaKey) => user.roles.includes(SERVER_ADMIN_ROLE) || writerRoles(key).some((r) => user.roles.includes(r));
  const spec = (key: ReplicaKey, remote: string): ReplicaSpec => ({
    key,
    remote,
    local: localName(user.name, remote),
    mode: writes(key) ? 'sync' : 'pull',
  });
  const plan = [spec('ref', REF_DB)];
  const branch = branchOfRoles(user.roles);
  // The people of the device's branch only (docs/PEOPLE.md): a national fo_people is a million
  // persons. Head-office users hold none and search through the server.
  if (readsPeople(user.roles) && branch !== null) plan.push({ ...spec('people', PEOPLE_DB), filter: { name: PEOPLE_OF_BRANCH_FILTER, params: { branch } } });
  if (branch !== null) plan.push(spec('branch', branchDb(branch)));
  if (branch !== null && filesScans(user.roles)) plan.push({ key: 'scans', remote: scansDb(branch), local: localName(user.name, scansDb(branch)), mode: 'push' });
  return plan;
}

/**
 * The local-only database of persons (and their cases and account lines) this device fetched
 * from the server, kept for a while (app/people/people-cache.ts); null where no one reads people.
 */
export function peopleCacheName(user: { readonly name: string; readonly roles: readonly string[] }): string | null {
  return readsPeople(user.roles) ? localName(user.name, 'fo_people_cache') : null;
}
