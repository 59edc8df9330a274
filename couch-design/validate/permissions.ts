/**
 * Who may write what, by job role and branch (roles as in ../roles.ts). Only meaningful with
 * a real user: on the server (validate_doc_update) and in the app data layer before a write.
 */
import { type AnyDoc, type DbKind, type Problem, type UserCtx, contains, hasPrefix } from './problems.ts';
import type { JobRole } from '../roles.ts';
import { existing, isDeletion } from './history.ts';
import { specOfId, specOfType } from '../types/registry.ts';
import { POLICIES } from './policies.ts';
import { validateAuthors } from './authors.ts';
import { requestStatusOf } from '../types/backoffice-request.ts';

// The policies and the writers per database live in policies.ts (no validators there).
export { writerRoles } from './policies.ts';

const SERVER_ADMIN = '_admin';
const BRANCH_ROLE = 'branch:';
const BRANCH_DB = 'fo_branch_';
const SCANS_DB = 'fo_scans_';

function rolesOf(user: UserCtx | null | undefined): readonly string[] {
  return user && user.roles ? user.roles : [];
}

function userBranch(roles: readonly string[]): string | null {
  for (let i = 0; i < roles.length; i++) if (hasPrefix(roles[i]!, BRANCH_ROLE)) return roles[i]!.substring(BRANCH_ROLE.length);
  return null;
}

function anyOf(roles: readonly string[], allowed: readonly string[]): boolean {
  for (let i = 0; i < allowed.length; i++) if (contains(roles, allowed[i])) return true;
  return false;
}

export function isServerAdmin(user: UserCtx | null | undefined): boolean {
  return contains(rolesOf(user), SERVER_ADMIN);
}

/**
 * `creating`: the caller knows there is no earlier revision (the app). The server passes
 * false: a missing oldDoc may be a replicated later revision, so create or update roles both do.
 */
export function validatePermission(
  newDoc: AnyDoc,
  oldDoc: unknown,
  user: UserCtx | null | undefined,
  dbKind: DbKind,
  creating: boolean,
): Problem[] {
  const roles = rolesOf(user);
  const old = existing(oldDoc);
  const content = isDeletion(newDoc) ? old : newDoc;
  const docBranch = content && typeof content.branch === 'string' ? content.branch : null;

  // A branch (or branch scans) database only ever holds its own branch's documents, whoever writes.
  const db = user && typeof user.db === 'string' ? user.db : '';
  const prefix = dbKind === 'branch' ? BRANCH_DB : dbKind === 'scans' ? SCANS_DB : null;
  if (prefix !== null && docBranch !== null && hasPrefix(db, prefix) && db.substring(prefix.length) !== docBranch)
    return [{ field: 'branch', code: 'wrong_branch' }];

  if (contains(roles, SERVER_ADMIN)) return [];
  if (dbKind === 'central') return [{ field: '_id', code: 'forbidden_role' }];

  const spec = specOfType(content ? content.type : undefined) || specOfId(newDoc._id);
  const policy = spec ? POLICIES[spec.type] : undefined;
  if (!spec || !policy) return [{ field: 'type', code: 'forbidden_role' }];

  let allowed: readonly JobRole[];
  // Resolving a call conflict removes the losing revisions of a ticket: a tombstone naming the
  // revision that stands. The visit events keep both calls.
  if (isDeletion(newDoc)) allowed = spec.type === 'ticket' && typeof newDoc.supersededBy === 'string' ? policy.update : policy.delete;
  else if (old) allowed = policy.update;
  else if (creating) allowed = policy.create;
  else allowed = policy.create.concat(policy.update);
  if (!anyOf(roles, allowed)) return [{ field: '_id', code: 'forbidden_role' }];

  if (spec.db === 'ref' && !contains(roles, 'admin')) {
    // Whoever is not admin writes only what names its own branch: a supervisor's counters and their change log.
    if (docBranch === null || docBranch !== userBranch(roles)) return [{ field: 'branch', code: 'wrong_branch' }];
  }

  if (spec.db === 'branch' || spec.db === 'scans') {
    const mine = userBranch(roles);
    // A tombstone replicated without its parent has no branch to check; the db check above covers it.
    if (docBranch !== null && mine !== docBranch) return [{ field: 'branch', code: 'wrong_branch' }];
    if (docBranch === null && content) return [{ field: 'branch', code: 'required' }];
  }

  // Whoever the document names as its author is the writer (the server admin returned above).
  if (!isDeletion(newDoc)) {
    const authors = validateAuthors(newDoc, old, user && typeof user.name === 'string' ? user.name : null);
    if (authors.length) return authors;
  }

  const moves = cashMoves(newDoc, old, roles).concat(requestMoves(newDoc, old, roles, creating));
  if (moves.length) return moves;
  // A kiosk only issues: a new waiting ticket and its 'issued' event, nothing else.
  const onlyKiosk = !anyOf(
    roles,
    allowed.filter((r) => r !== 'kiosk'),
  );
  if (onlyKiosk) return kioskLimits(newDoc);
  return [];
}

/**
 * Who makes each move of the cash documents with two kinds of writer: only a supervisor signs
 * a session off; a cashier pays an order, the back office (or a supervisor) authorises and
 * cancels it. Tombstones are refused earlier (history.ts).
 */
function cashMoves(doc: AnyDoc, old: AnyDoc | null, roles: readonly string[]): Problem[] {
  const sets = (f: string) => doc[f] != null && (old === null || doc[f] !== old[f]);
  if (doc.type === 'cash_session' && sets('signedOffBy') && !contains(roles, 'supervisor')) return [{ field: 'signedOffBy', code: 'forbidden_role' }];
  if (doc.type === 'payment_order') {
    const moved = old === null || doc.state !== old.state;
    const need: readonly string[] = doc.state === 'paid' ? ['cashier'] : doc.state === 'cancelled' ? ['backoffice', 'supervisor'] : ['backoffice'];
    if ((moved || doc.state === 'authorised') && !anyOf(roles, need)) return [{ field: 'state', code: 'forbidden_role' }];
  }
  return [];
}

const REQUEST_DECIDERS: readonly string[] = ['backoffice', 'supervisor'];
/** What a counter (or reception) may change on a request it did not decide: only its closing. */
const COUNTER_CLOSES = ['status', 'closedBy', 'closedAt', 'updatedAt', '_rev', '_revisions'];

/**
 * The back office (or a supervisor) works a request; a counter only sends one from a visit
 * (channel `counter`, status `new`) and, once answered, closes it when the person has been told.
 */
function requestMoves(doc: AnyDoc, old: AnyDoc | null, roles: readonly string[], creating: boolean): Problem[] {
  if (doc.type !== 'backoffice_request' || anyOf(roles, REQUEST_DECIDERS)) return [];
  if (!old) {
    // Without the earlier revision the server cannot tell a closing from a forged answer: a counter writes new or closed only.
    const ok = doc.status === 'new' ? doc.channel === 'counter' : !creating && doc.status === 'closed';
    return ok ? [] : [{ field: 'status', code: 'forbidden_role' }];
  }
  if (requestStatusOf(old.status) !== 'answered' || doc.status !== 'closed') return [{ field: 'status', code: 'forbidden_role' }];
  const keys = Object.keys(doc).concat(Object.keys(old));
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (!contains(COUNTER_CLOSES, k) && JSON.stringify(doc[k]) !== JSON.stringify(old[k])) return [{ field: k, code: 'forbidden_role' }];
  }
  return [];
}

function kioskLimits(doc: AnyDoc): Problem[] {
  if (doc.type === 'ticket') {
    if (doc.state !== 'waiting') return [{ field: 'state', code: 'forbidden_role' }];
    if (doc.counter != null || doc.agent != null) return [{ field: 'counter', code: 'forbidden_role' }];
  }
  if (doc.type === 'visit_event' && doc.action !== 'issued') return [{ field: 'action', code: 'forbidden_role' }];
  return [];
}
