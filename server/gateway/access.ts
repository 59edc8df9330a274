/**
 * Who may use an allowed endpoint: the gateway's own check, made before the engine sees the
 * request, from the caller's session and the contract's database membership (the same rule
 * provisioning writes into `_security`). The engine's `_security` and `validate_doc_update`
 * check again behind it.
 */
import { CENTRAL_DB, branchOfScansDb } from '../../couch-design/databases.ts';
import { SERVER_ADMIN_ROLE, branchRole } from '../../couch-design/roles.ts';
import { writerRoles } from '../../couch-design/validate/permissions.ts';
import { SCANS_READER_ROLES, memberRolesOf } from '../provision/security.ts';
import type { Refusal, Route, RouteKind } from './routes.ts';
import { mustChangePassword } from '../../app/admin/account-flags.ts';

export interface Caller {
  name: string | null;
  roles: readonly string[];
}

/** Who may call the server's administration endpoints: the `admin` job role or the server admin. */
export const isAdmin = (c: Caller): boolean => c.roles.includes('admin') || c.roles.includes('_admin');

/** What reading a database takes (replication pulls, views, documents). */
const READS: ReadonlySet<RouteKind> = new Set([
  'db_info',
  'changes',
  'all_docs',
  'view',
  'bulk_get',
  'revs_diff',
  'doc_read',
  'attachment_read',
  'checkpoint_read',
  'ensure_full_commit',
]);
/** Replication writes its checkpoint on both ends, so a pull-only replica still writes this. */
const CHECKPOINTS: ReadonlySet<RouteKind> = new Set(['checkpoint_write']);

const unauthorized: Refusal = { status: 401, error: 'unauthorized', reason: 'You are not signed in.' };
const forbidden = (reason: string): Refusal => ({ status: 403, error: 'forbidden', reason });

const isServerAdmin = (c: Caller) => c.roles.includes(SERVER_ADMIN_ROLE);

/**
 * Null when the caller may make this request; otherwise CouchDB's own refusal. The server
 * admin reaches the gateway only as a branch server's replicator (CENTRAL_URL): it gets the
 * replication API on every Front Office database and a read-only `_users` (branches pull
 * their staff), and nothing else — no `_config`, `_replicator`, `_security` or database
 * management, which stay on the engine's loopback port.
 */
export function authorise(route: Route, caller: Caller): Refusal | null {
  if (route.kind === 'root' || route.kind === 'session') return null;
  if (caller.name === null && !isServerAdmin(caller)) return unauthorized;
  // A new or reset password is the administrator's: nothing is open until the user chose their own.
  if (mustChangePassword(caller.roles)) return forbidden('Change your password first.');
  const db = route.db!;
  if (db === '_users') {
    if (!isServerAdmin(caller)) return forbidden('Only the server reads user accounts.');
    return READS.has(route.kind) || CHECKPOINTS.has(route.kind) ? null : forbidden('User accounts are changed through the server, not through /db/.');
  }
  const members = memberRolesOf(db);
  if (members === null) return { status: 404, error: 'not_found', reason: 'Database does not exist.' };
  if (isServerAdmin(caller)) return null;
  if (!members.some((role) => caller.roles.includes(role))) return forbidden('You are not allowed to access this db.');
  // The central database is a one-way replica written by the server alone.
  if (db === CENTRAL_DB && !READS.has(route.kind) && !CHECKPOINTS.has(route.kind)) return forbidden('The central database is read-only.');
  const scansBranch = branchOfScansDb(db);
  if (scansBranch !== null) return scansAccess(route.kind, scansBranch, caller);
  return null;
}

/** What a push-only replication makes (PouchDB pushing to a remote), and nothing else. */
const PUSH: ReadonlySet<RouteKind> = new Set(['db_info', 'revs_diff', 'bulk_docs', 'checkpoint_read', 'checkpoint_write', 'ensure_full_commit']);

/**
 * A branch's scans (issue 10): the branch's filing devices push there and never read it back;
 * the back office, head office and admins read one scan at a time. No feed, listing or
 * document read for anyone, so no device can download the images in bulk.
 */
function scansAccess(kind: RouteKind, branch: string, caller: Caller): Refusal | null {
  const files = caller.roles.includes(branchRole(branch)) && writerRoles('scans').some((r) => caller.roles.includes(r));
  if (files && PUSH.has(kind)) return null;
  if (kind === 'attachment_read' && SCANS_READER_ROLES.some((r) => caller.roles.includes(r))) return null;
  return forbidden('Scans are pushed by the branch and read one at a time by the back office.');
}
