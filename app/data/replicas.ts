/** Which databases a signed-in user keeps on this device, and their local names. Pure. */
import { PEOPLE_DB, REF_DB, branchDb } from '../../couch-design/databases.ts';
import { SERVER_ADMIN_ROLE, branchOfRoles, isJobRole } from '../../couch-design/roles.ts';
import { writerRoles } from '../../couch-design/validate/permissions.ts';

export type ReplicaKey = 'ref' | 'people' | 'branch';

export interface ReplicaSpec {
  readonly key: ReplicaKey;
  /** Server database name. */
  readonly remote: string;
  /** Local (IndexedDB) name: prefixed with the user so two users on one device never mix. */
  readonly local: string;
  /**
   * 'pull' where this user may not write (the server would refuse every push anyway): a
   * two-way sync would also send every pulled document back through `_revs_diff`.
   */
  readonly mode: 'sync' | 'pull';
}

export function localName(userName: string, remote: string): string {
  return `fo_${encodeURIComponent(userName)}__${remote}`;
}

/** fo_people is for staff, not for kiosk and display devices (they are not members). */
function readsPeople(roles: readonly string[]): boolean {
  return roles.includes(SERVER_ADMIN_ROLE) || roles.some((r) => isJobRole(r) && r !== 'kiosk' && r !== 'display');
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
  if (readsPeople(user.roles)) plan.push(spec('people', PEOPLE_DB));
  const branch = branchOfRoles(user.roles);
  if (branch !== null) plan.push(spec('branch', branchDb(branch)));
  return plan;
}
