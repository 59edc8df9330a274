/**
 * `/api/users`: staff accounts for the administrator (issue 14, users). The caller's CouchDB
 * session decides (role `admin`, checked here); the server writes `_users` with its own admin
 * client, which never reaches the browser. Answers never carry a hash, salt or password,
 * except the temporary password of a reset, once, to hand over.
 *
 * `POST /api/users/standing` is the one call open to every signed-in user: which of the
 * names a device holds offline verifiers for may no longer sign in (docs/ADMIN.md).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { answer, refuse, reply, type Gateway } from './answers.ts';
import { contentTypeRefusal, crossSiteRefusal, declaresBody, readJsonObject } from './request-guards.ts';
import { readCredentials } from './sessions.ts';
import { isAdmin } from './access.ts';
import { userDocId, type UserDoc, type UserStore } from './users-store.ts';
import { DISABLED_ROLE, MUST_CHANGE_PASSWORD_ROLE, isDisabled } from '../../app/admin/account-flags.ts';
import {
  accountFlags,
  newUserProblems,
  parsePlace,
  roleProblems,
  rolesToStore,
  summaryOf,
  temporaryPassword,
  type UserProblem,
} from '../../app/admin/user-rules.ts';

const BODY_LIMIT = 4_096;
const MAX_STANDING_NAMES = 50;

const PROBLEM_REASONS: Record<UserProblem, string> = {
  name_invalid: 'A user name is 2 to 40 lower-case letters, digits, dots, dashes or underscores, starting with a letter.',
  display_name_too_long: 'A display name is at most 80 characters.',
  role_missing: 'Give the user at least one job role.',
  role_unknown: 'One of the job roles does not exist.',
  place_invalid: 'The place must be head office or an existing branch.',
  password_weak: 'Choose a password of at least 10 characters, without the user name, with at least 4 different characters.',
};

type Answer = { status: number; body: Record<string, unknown> };
const ok = (body: Record<string, unknown>, status = 200): Answer => ({ status, body });
const no = (status: number, error: string, reason: string): Answer => ({ status, body: { error, reason } });
const problems = (list: UserProblem[]): Answer => ({ status: 400, body: { error: list[0], reason: PROBLEM_REASONS[list[0]!], problems: list } });


export async function handleUsersApi(gw: Gateway, store: UserStore, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const method = req.method ?? 'GET';
  const guard = crossSiteRefusal(req) ?? contentTypeRefusal(req, declaresBody(req) && method !== 'GET');
  if (guard) return refuse(res, guard);
  const { caller } = await gw.sessions.resolve(readCredentials(req.headers.cookie, undefined));
  if (caller.name === null) return refuse(res, { status: 401, error: 'unauthorized', reason: 'You are not signed in.' });
  let body: Record<string, unknown> = {};
  if (method !== 'GET') {
    const read = await readJsonObject(req, BODY_LIMIT);
    if ('refusal' in read) return refuse(res, read.refusal);
    body = read.body;
  }
  if (path === '/api/users/standing' && method === 'POST') return send(res, await standing(store, body));
  if (!isAdmin(caller)) return refuse(res, { status: 403, error: 'forbidden', reason: 'Only an administrator manages users.' });
  if (caller.roles.includes(MUST_CHANGE_PASSWORD_ROLE)) return refuse(res, { status: 403, error: 'password_change_required', reason: 'Change your own password first.' });

  if (path === '/api/users' && method === 'GET') return send(res, await list(store));
  if (path === '/api/users' && method === 'POST') return send(res, await create(store, body));
  const m = /^\/api\/users\/([^/]+)\/(roles|disable|enable|reset-password)$/.exec(path);
  if (m && (method === 'POST' || (method === 'PUT' && m[2] === 'roles'))) {
    let name: string;
    try {
      name = decodeURIComponent(m[1]!);
    } catch {
      return refuse(res, { status: 400, error: 'bad_request', reason: 'malformed user name' });
    }
    const doc = await store.get(name);
    if (!doc || doc.type !== 'user') return refuse(res, { status: 404, error: 'not_found', reason: 'No such user.' });
    if (name === caller.name && m[2] !== 'reset-password') {
      // An administrator who disabled or demoted themselves could lock the institution out.
      return refuse(res, { status: 400, error: 'own_account', reason: 'You cannot change your own roles or disable your own account.' });
    }
    if (m[2] === 'roles') return send(res, await editRoles(store, doc, body));
    if (m[2] === 'disable' || m[2] === 'enable') return send(res, await setDisabled(store, doc, m[2] === 'disable'));
    const result = await resetPassword(store, doc);
    if (result.status === 200) gw.throttle.lift(name); // a reset also ends a lock-out
    return send(res, result);
  }
  return refuse(res, { status: 404, error: 'not_found', reason: 'no such endpoint' });
}

function send(res: ServerResponse, a: Answer): void {
  if (a.status === 200) return answer(res, a.body);
  if (a.status >= 400 && !a.body.problems) return refuse(res, { status: a.status, error: String(a.body.error), reason: String(a.body.reason) });
  reply(res, a.status, a.body);
}

async function list(store: UserStore): Promise<Answer> {
  const [docs, signIns, branches] = await Promise.all([store.list(), store.lastSignIns(), store.branches()]);
  // The branches too: the form offers exactly the places the server accepts.
  return ok({ users: docs.map((d) => summaryOf(d, signIns.get(d.name) ?? null)), branches });
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

async function create(store: UserStore, body: Record<string, unknown>): Promise<Answer> {
  const { name, displayName = '', jobRoles, place, password } = body;
  if (typeof name !== 'string' || typeof displayName !== 'string' || !Array.isArray(jobRoles) || typeof place !== 'string' || typeof password !== 'string') {
    return no(400, 'bad_request', 'expected {"name", "displayName", "jobRoles": [...], "place", "password"}');
  }
  const found = newUserProblems({ name, displayName, jobRoles: jobRoles as string[], place, password }, (await store.branches()).map((b) => b.code));
  if (found.length) return problems(found);
  const doc: UserDoc = {
    _id: userDocId(name),
    type: 'user',
    name,
    roles: rolesToStore(jobRoles as string[], parsePlace(place)!, [MUST_CHANGE_PASSWORD_ROLE]),
    ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
    password,
  };
  if (!(await store.create(doc))) return no(409, 'name_taken', 'A user with this name exists already: choose another name.');
  return ok({ user: summaryOf(doc, null) }, 201);
}

async function editRoles(store: UserStore, doc: UserDoc, body: Record<string, unknown>): Promise<Answer> {
  const { jobRoles, place } = body;
  if (!strings(jobRoles) || typeof place !== 'string') return no(400, 'bad_request', 'expected {"jobRoles": [...], "place"}');
  const found = roleProblems(jobRoles, place, (await store.branches()).map((b) => b.code));
  if (found.length) return problems(found);
  return write(store, { ...doc, roles: rolesToStore(jobRoles, parsePlace(place)!, accountFlags(doc.roles)) });
}

async function setDisabled(store: UserStore, doc: UserDoc, disabled: boolean): Promise<Answer> {
  if (isDisabled(doc.roles) === disabled) return ok({ user: summaryOf(doc, null) });
  const roles = disabled ? [...doc.roles, DISABLED_ROLE] : doc.roles.filter((r) => r !== DISABLED_ROLE);
  return write(store, { ...doc, roles });
}

async function resetPassword(store: UserStore, doc: UserDoc): Promise<Answer> {
  const temporary = temporaryPassword((n) => new Uint8Array(randomBytes(n)), doc.name);
  const roles = doc.roles.includes(MUST_CHANGE_PASSWORD_ROLE) ? doc.roles : [...doc.roles, MUST_CHANGE_PASSWORD_ROLE];
  const written = await write(store, { ...doc, roles, password: temporary });
  return written.status === 200 ? ok({ ...written.body, temporaryPassword: temporary }) : written;
}

async function write(store: UserStore, doc: UserDoc): Promise<Answer> {
  if (!(await store.update(doc))) return no(409, 'conflict', 'This account was changed meanwhile: reload the list and try again.');
  const { password: _hidden, ...shown } = doc;
  return ok({ user: summaryOf(shown, null) });
}

/** Names (of offline verifiers) that cannot sign in any more: disabled or gone. */
async function standing(store: UserStore, body: Record<string, unknown>): Promise<Answer> {
  const names = body.names;
  if (!strings(names) || names.length > MAX_STANDING_NAMES) return no(400, 'bad_request', `expected {"names": [...]} with at most ${MAX_STANDING_NAMES} names`);
  const revoked: string[] = [];
  for (const name of new Set(names)) {
    const doc = await store.get(name);
    if (!doc || doc.type !== 'user' || isDisabled(doc.roles ?? [])) revoked.push(name);
  }
  return ok({ revoked });
}

