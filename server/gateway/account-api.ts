/**
 * `/api/account/*`: what a signed-in user may do to accounts without touching `_users` through
 * `/db/`. A user changes their own password (never their roles: the server writes only the
 * password); an administrator sees and lifts sign-in lock-outs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answer, clientAddress, refuse, type Gateway } from './answers.ts';
import { contentTypeRefusal, crossSiteRefusal, declaresBody, parseJson, readBody } from './request-guards.ts';
import { readCredentials } from './sessions.ts';
import { isAdmin } from './access.ts';
import { passwordProblem } from './password-rules.ts';

export interface AccountStore {
  /** Writes a new password into the user's `_users` document, keeping everything else. */
  setPassword(name: string, password: string): Promise<void>;
}


export async function handleAccountApi(gw: Gateway, store: AccountStore, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const method = req.method ?? 'GET';
  const guard = crossSiteRefusal(req) ?? contentTypeRefusal(req, declaresBody(req) && method !== 'GET');
  if (guard) return refuse(res, guard);
  const creds = readCredentials(req.headers.cookie, undefined);
  const { caller } = await gw.sessions.resolve(creds);
  if (caller.name === null) return refuse(res, { status: 401, error: 'unauthorized', reason: 'You are not signed in.' });

  if (path === '/api/account/password' && method === 'POST') {
    const raw = await readBody(req, 4_096);
    const parsed = raw === 'too_large' ? { ok: false as const } : parseJson(raw);
    const body = parsed.ok ? (parsed.value as { oldPassword?: unknown; newPassword?: unknown } | undefined) : undefined;
    if (typeof body?.oldPassword !== 'string' || typeof body.newPassword !== 'string') {
      return refuse(res, { status: 400, error: 'bad_request', reason: 'expected {"oldPassword": "…", "newPassword": "…"}' });
    }
    const throttled = gw.throttle.check(caller.name, clientAddress(req));
    if (!throttled.allowed) return refuse(res, { status: 429, error: 'too_many_requests', reason: 'Too many failed sign-ins: try again later.' }, { 'retry-after': String(throttled.retryAfterS) });
    const check = await gw.upstream.json('POST', '/_session', { 'content-type': 'application/json' }, JSON.stringify({ name: caller.name, password: body.oldPassword }));
    if (check.status !== 200) {
      gw.throttle.failed(caller.name, clientAddress(req));
      return refuse(res, { status: 403, error: 'forbidden', reason: 'The current password is not right.' });
    }
    const problem = passwordProblem(body.newPassword, caller.name);
    if (problem) return refuse(res, { status: 400, error: 'weak_password', reason: problem });
    await store.setPassword(caller.name, body.newPassword);
    return answer(res, { ok: true });
  }

  if (path === '/api/account/lockouts' || path.startsWith('/api/account/lockouts/')) {
    if (!isAdmin(caller)) return refuse(res, { status: 403, error: 'forbidden', reason: 'Only an administrator manages lock-outs.' });
    if (method === 'GET' && path === '/api/account/lockouts') return answer(res, { lockouts: gw.throttle.lockouts() });
    if (method === 'DELETE') {
      let name: string;
      try {
        name = decodeURIComponent(path.slice('/api/account/lockouts/'.length));
      } catch {
        return refuse(res, { status: 400, error: 'bad_request', reason: 'malformed user name' });
      }
      return answer(res, { ok: true, lifted: gw.throttle.lift(name) });
    }
  }
  return refuse(res, { status: 404, error: 'not_found', reason: 'no such endpoint' });
}
