import { CENTRAL_DB, PEOPLE_DB, REF_DB, branchOfDb } from '../../couch-design/databases.ts';
import { HQ_ROLE, JOB_ROLES, branchRole } from '../../couch-design/roles.ts';

export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

/**
 * The roles that may open a Front Office database (CouchDB `_security` members), or null for
 * any other database. One rule for provisioning's `_security` and the gateway's own check.
 */
export function memberRolesOf(db: string): readonly string[] | null {
  if (db === REF_DB) return JOB_ROLES;
  // Kiosks and displays never need a person's file.
  if (db === PEOPLE_DB) return JOB_ROLES.filter((r) => r !== 'kiosk' && r !== 'display');
  if (db === CENTRAL_DB) return [HQ_ROLE];
  const branch = branchOfDb(db);
  return branch === null ? null : [branchRole(branch)];
}

/** Who may open each database. Writes are narrowed further by validate_doc_update. */
export function securityFor(db: string): SecurityObject {
  const roles = memberRolesOf(db);
  if (roles === null) throw new Error(`no security rule for database ${db}`);
  return { admins: { names: [], roles: [] }, members: { names: [], roles: [...roles].sort() } };
}
