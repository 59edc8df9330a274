import { CENTRAL_DB, PEOPLE_DB, REF_DB, branchDb } from '../../couch-design/databases.ts';
import { HQ_ROLE, JOB_ROLES, branchRole } from '../../couch-design/roles.ts';

export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

const sec = (memberRoles: string[]): SecurityObject => ({
  admins: { names: [], roles: [] },
  members: { names: [], roles: [...memberRoles].sort() },
});

/** Who may open each database (CouchDB `_security` members). Writes are narrowed further by validate_doc_update. */
export function securityFor(db: string, branchCodes: readonly string[]): SecurityObject {
  if (db === REF_DB) return sec([...JOB_ROLES]);
  // Kiosks and displays never need a person's file.
  if (db === PEOPLE_DB) return sec(JOB_ROLES.filter((r) => r !== 'kiosk' && r !== 'display'));
  if (db === CENTRAL_DB) return sec([HQ_ROLE]);
  for (const code of branchCodes) if (db === branchDb(code)) return sec([branchRole(code)]);
  throw new Error(`no security rule for database ${db}`);
}
