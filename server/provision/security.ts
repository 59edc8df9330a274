import { CENTRAL_DB, PEOPLE_DB, REF_DB, branchOfDb, branchOfScansDb } from '../../couch-design/databases.ts';
import { HQ_ROLE, JOB_ROLES, branchRole } from '../../couch-design/roles.ts';

export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

/**
 * Who reads a branch's scans besides the branch that files them (issue 10): the back office
 * that checks the papers, head office and admins. Through the gateway they fetch one scan at a
 * time (server/gateway/access.ts); the branch's devices only push there.
 */
export const SCANS_READER_ROLES: readonly string[] = ['admin', 'backoffice', HQ_ROLE];

/**
 * The roles that may open a Front Office database (CouchDB `_security` members), or null for
 * any other database. One rule for provisioning's `_security` and the gateway's own check.
 */
export function memberRolesOf(db: string): readonly string[] | null {
  if (db === REF_DB) return JOB_ROLES;
  // Kiosks and displays never need a person's file.
  if (db === PEOPLE_DB) return JOB_ROLES.filter((r) => r !== 'kiosk' && r !== 'display');
  if (db === CENTRAL_DB) return [HQ_ROLE];
  const scans = branchOfScansDb(db);
  if (scans !== null) return [branchRole(scans), ...SCANS_READER_ROLES];
  const branch = branchOfDb(db);
  return branch === null ? null : [branchRole(branch)];
}

/** Who may open each database. Writes are narrowed further by validate_doc_update. */
export function securityFor(db: string): SecurityObject {
  const roles = memberRolesOf(db);
  if (roles === null) throw new Error(`no security rule for database ${db}`);
  return { admins: { names: [], roles: [] }, members: { names: [], roles: [...roles].sort() } };
}
