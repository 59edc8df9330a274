/**
 * `/db/`: the only way from the network to the engine. Each request is classified against
 * the allowlist, its body read and checked, its caller resolved and authorised, and only then
 * sent to the engine with the headers the API needs; answers come back hardened. The engine
 * listens on loopback only, so nothing reaches it around this.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http/respond.ts';
import { authorise } from './access.ts';
import { BODY_LIMITS, checkBody, mergeBulkResults } from './body-rules.ts';
import { clientAddress, refuse, type Gateway } from './answers.ts';
import { forward } from './forward.ts';
import { checkSeries } from './series-check.ts';
import { checkDoctypeRemoval } from './doctype-check.ts';
import { DB_ANSWER_HEADERS } from './headers.ts';
import { contentTypeRefusal, crossSiteRefusal, declaresBody, parseJson, readBody } from './request-guards.ts';
import { classify, isRefusal, type Refusal, type Route } from './routes.ts';
import { handleSession } from './session-endpoint.ts';
import { basicName, readCredentials, SessionResolver } from './sessions.ts';
import { SignInThrottle } from './sign-in-throttle.ts';
import { createUpstream, UNREACHABLE } from './upstream.ts';

/** The request's JSON body (undefined when none), read only up to its route's limit. */
async function readJson(req: IncomingMessage, route: Route): Promise<{ value: unknown } | Refusal> {
  if (route.method === 'GET' || route.method === 'HEAD') return { value: undefined };
  const raw = await readBody(req, BODY_LIMITS[route.kind]);
  if (raw === 'too_large') return { status: 413, error: 'too_large', reason: `the request body is larger than ${BODY_LIMITS[route.kind]} bytes` };
  const parsed = parseJson(raw);
  return parsed.ok ? { value: parsed.value } : { status: 400, error: 'bad_request', reason: 'invalid JSON' };
}

/** Handles one request under `/db/`; `pathAndQuery` is what follows `/db`. */
export async function handleDbRequest(gw: Gateway, req: IncomingMessage, res: ServerResponse, pathAndQuery: string): Promise<void> {
  const method = req.method ?? 'GET';
  const route = classify(method, pathAndQuery);
  if (isRefusal(route)) return refuse(res, route);
  const guard = crossSiteRefusal(req) ?? contentTypeRefusal(req, declaresBody(req) && method !== 'GET' && method !== 'HEAD');
  if (guard) return refuse(res, guard);
  if (route.kind === 'root') {
    // Our own welcome: which engine runs behind, and its version, are nobody's business.
    for (const [k, v] of Object.entries(DB_ANSWER_HEADERS)) res.setHeader(k, v);
    return sendJson(res, 200, { couchdb: 'Welcome', vendor: { name: 'Front Office' } });
  }
  const creds = readCredentials(req.headers.cookie, req.headers.authorization);
  // Basic auth is a sign-in on every request (`GET /_session` too, which would tell a right
  // password from a wrong one): a locked name stops here, before the engine hashes anything.
  const basic = basicName(creds.authorization);
  if (basic && !gw.throttle.check(basic.name, clientAddress(req)).allowed) {
    return refuse(res, { status: 401, error: 'unauthorized', reason: 'Too many failed sign-ins for this name.' });
  }
  if (route.kind === 'session') {
    const sent = await readJson(req, route);
    return 'status' in sent ? refuse(res, closing(res, sent)) : handleSession(gw, req, res, creds, sent.value);
  }

  const resolved = await gw.sessions.resolve(creds).catch(() => null);
  if (!resolved) return refuse(res, UNREACHABLE);
  if (resolved.failedBasic) {
    gw.throttle.failed(resolved.failedBasic.name, clientAddress(req));
    return refuse(res, { status: 401, error: 'unauthorized', reason: 'Name or password is incorrect.' });
  }
  // Who may do this is settled before a byte of the body is read: an anonymous 100 MB upload costs nothing.
  const denied = authorise(route, resolved.caller);
  if (denied) return refuse(res, closing(res, denied));
  const sent = await readJson(req, route);
  if ('status' in sent) return refuse(res, closing(res, sent));

  let verdict;
  try {
    verdict = checkBody(route, resolved.caller, sent.value);
  } catch {
    // A validator overwhelmed by a pathological document (nesting deep enough to exhaust the stack).
    return refuse(res, { status: 400, error: 'bad_request', reason: 'document too deeply nested' });
  }
  if (!verdict.ok) return refuse(res, verdict.refusal);
  // One series letter per service: a rule across documents, which no validator sees (series-check.ts).
  const series = await checkSeries(gw.upstream, resolved.engineToken, route, verdict.body, verdict.refused).catch(() => null);
  if (!series) return refuse(res, UNREACHABLE);
  if (!series.ok) return refuse(res, { status: 403, error: 'forbidden', reason: series.reason });
  verdict = { ...verdict, body: series.body, refused: series.refused };
  // A document type an event still requires is not removed: also across documents (doctype-check.ts).
  const removal = await checkDoctypeRemoval(gw.upstream, resolved.engineToken, route, verdict.body, verdict.refused).catch(() => null);
  if (!removal) return refuse(res, UNREACHABLE);
  if (!removal.ok) return refuse(res, { status: 403, error: 'forbidden', reason: removal.reason, detail: { events: removal.events } });
  verdict = { ...verdict, body: removal.body, refused: removal.refused };
  const newEdits = (verdict.body as { new_edits?: boolean } | undefined)?.new_edits !== false;
  if (route.kind === 'bulk_docs' && (verdict.body as { docs: unknown[] }).docs.length === 0) {
    for (const [k, v] of Object.entries(DB_ANSWER_HEADERS)) res.setHeader(k, v);
    return sendJson(res, 201, mergeBulkResults([], verdict.refused, newEdits));
  }
  const body = verdict.body === undefined ? null : JSON.stringify(verdict.body);
  const refused = verdict.refused;
  const send = (engineToken: string | null, retry: boolean): void =>
    forward(gw.upstream, req, res, route, {
      body,
      engineToken,
      dropCookies: basic !== null,
      refused,
      newEdits,
      keepCookie: gw.sessions.renewalGuard(creds),
      // The session the gateway opened for basic auth can die under it (the engine restarted and
      // re-salted its admin, a password changed): open a new one once, then the engine's answer stands.
      onUnauthorized: basic && retry ? () => void reopen().catch(() => refuse(res, { status: 503, error: 'unavailable', reason: 'database unreachable' })) : undefined,
    });
  const reopen = async () => {
    gw.sessions.forget(creds);
    const again = await gw.sessions.resolve(creds);
    if (again.failedBasic) return refuse(res, { status: 401, error: 'unauthorized', reason: 'Name or password is incorrect.' });
    send(again.engineToken, false);
  };
  send(resolved.engineToken, true);
}

/** The gateway in front of the engine at `engineUrl`. */
export function createGateway(engineUrl: string, signedIn?: (name: string) => void): Gateway {
  const upstream = createUpstream(engineUrl);
  return { upstream, sessions: new SessionResolver(upstream), throttle: new SignInThrottle(), ...(signedIn && { signedIn }) };
}

/** A refusal answered before the body was read: the connection is closed rather than drained. */
function closing(res: ServerResponse, refusal: Refusal): Refusal {
  res.setHeader('connection', 'close');
  return refusal;
}
