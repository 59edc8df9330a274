/**
 * `/db/_session`: sign-in (JSON only, throttled per name and address), the current session
 * (a signed-out token answers as nobody, whatever the engine would say) and sign-out (the
 * token is revoked at the gateway: CouchDB keeps no server-side session to end).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http/respond.ts';
import { clientAddress, refuse, type Gateway } from './answers.ts';
import { forward } from './forward.ts';
import { DB_ANSWER_HEADERS, hardenCookie } from './headers.ts';
import { checkBody } from './body-rules.ts';
import type { Route } from './routes.ts';
import type { Credentials } from './sessions.ts';
import { UNREACHABLE } from './upstream.ts';
import { isDisabled } from '../../app/admin/account-flags.ts';

const sessionRoute = (method: string): Route => ({ kind: 'session', method, db: null, docId: null, query: new URLSearchParams() });

const NOBODY = { ok: true, userCtx: { name: null, roles: [] }, info: { authentication_handlers: ['cookie', 'default'] } };

export async function handleSession(gw: Gateway, req: IncomingMessage, res: ServerResponse, creds: Credentials, body: unknown): Promise<void> {
  const method = req.method ?? 'GET';
  const route = sessionRoute(method);
  if (method === 'GET') {
    if (creds.authorization === null && (creds.token === null || gw.sessions.isRevoked(creds.token))) {
      for (const [k, v] of Object.entries(DB_ANSWER_HEADERS)) res.setHeader(k, v);
      return sendJson(res, 200, NOBODY);
    }
    const resolved = await gw.sessions.resolve(creds).catch(() => null);
    if (!resolved) return refuse(res, UNREACHABLE);
    // A wrong basic-auth password here is a failed sign-in like any other (else a free oracle).
    if (resolved.failedBasic) gw.throttle.failed(resolved.failedBasic.name, clientAddress(req));
    // A cookie the gateway holds for nobody (a disabled account's, docs/ADMIN.md) is nobody's here too.
    if (creds.authorization === null && resolved.caller.name === null) {
      for (const [k, v] of Object.entries(DB_ANSWER_HEADERS)) res.setHeader(k, v);
      return sendJson(res, 200, NOBODY);
    }
    const keepCookie = gw.sessions.renewalGuard(creds);
    return forward(gw.upstream, req, res, route, { body: null, engineToken: resolved.engineToken, dropCookies: creds.authorization !== null, refused: [], newEdits: true, keepCookie });
  }
  if (method === 'DELETE') {
    if (creds.token) gw.sessions.revoke(creds.token);
    // Answered here: the engine keeps no session to end, and asking it would renew the cookie
    // being ended (a fresh token, unknown to the revocation, in the sign-out's own answer).
    for (const [k, v] of Object.entries(DB_ANSWER_HEADERS)) res.setHeader(k, v);
    res.setHeader('set-cookie', hardenCookie('AuthSession=; Path=/; Max-Age=0; HttpOnly'));
    return sendJson(res, 200, { ok: true });
  }
  const verdict = checkBody(route, { name: null, roles: [] }, body);
  if (!verdict.ok) return refuse(res, verdict.refusal);
  const { name } = verdict.body as { name: string; password: string };
  const address = clientAddress(req);
  const throttled = gw.throttle.check(name, address);
  if (!throttled.allowed) {
    const reason =
      throttled.scope === 'name'
        ? 'Too many failed sign-ins for this name: it is locked for a while, or until an administrator unlocks it.'
        : 'Too many failed sign-ins from this device: try again later.';
    return refuse(res, { status: 429, error: 'too_many_requests', reason }, { 'retry-after': String(throttled.retryAfterS) });
  }
  const answer = await gw.upstream.json('POST', '/_session', { 'content-type': 'application/json' }, JSON.stringify(verdict.body)).catch(() => null);
  if (!answer) return refuse(res, UNREACHABLE);
  if (answer.status === 200) gw.throttle.succeeded(name);
  else if (answer.status === 401) gw.throttle.failed(name, address);
  // A disabled account (docs/ADMIN.md): the right password opens nothing, and the engine's cookie stays here.
  // 401, as for a wrong password, so a device forgets its offline verifier of this user too.
  if (answer.status === 200 && isDisabled(rolesOf(answer.body))) {
    return refuse(res, { status: 401, error: 'account_disabled', reason: 'This account is disabled: ask an administrator.' });
  }
  if (answer.status === 200) gw.signedIn?.(name);
  for (const [k, v] of Object.entries(DB_ANSWER_HEADERS)) res.setHeader(k, v);
  if (answer.setCookie.length) res.setHeader('set-cookie', answer.setCookie.map(hardenCookie));
  if (answer.status === 401) return sendJson(res, 401, { error: 'unauthorized', reason: 'Name or password is incorrect.' });
  return sendJson(res, answer.status, answer.body ?? { error: 'internal', reason: 'the database could not answer this request' });
}

function rolesOf(body: unknown): string[] {
  const roles = (body as { roles?: unknown } | null)?.roles;
  return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
}
