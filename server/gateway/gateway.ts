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
import { DB_ANSWER_HEADERS } from './headers.ts';
import { contentTypeRefusal, crossSiteRefusal, declaresBody, parseJson, readBody } from './request-guards.ts';
import { classify, isRefusal } from './routes.ts';
import { handleSession } from './session-endpoint.ts';
import { readCredentials, SessionResolver } from './sessions.ts';
import { SignInThrottle } from './sign-in-throttle.ts';
import { createUpstream } from './upstream.ts';

/** Handles one request under `/db/`; `pathAndQuery` is what follows `/db`. */
export async function handleDbRequest(gw: Gateway, req: IncomingMessage, res: ServerResponse, pathAndQuery: string): Promise<void> {
  const method = req.method ?? 'GET';
  const route = classify(method, pathAndQuery);
  if (isRefusal(route)) return refuse(res, route);
  const guard = crossSiteRefusal(req) ?? contentTypeRefusal(req, declaresBody(req) && method !== 'GET' && method !== 'HEAD');
  if (guard) return refuse(res, guard);

  const raw = method === 'GET' || method === 'HEAD' ? '' : await readBody(req, BODY_LIMITS[route.kind]);
  if (raw === 'too_large') {
    res.setHeader('connection', 'close');
    return refuse(res, { status: 413, error: 'too_large', reason: `the request body is larger than ${BODY_LIMITS[route.kind]} bytes` });
  }
  const parsed = parseJson(raw);
  if (!parsed.ok) return refuse(res, { status: 400, error: 'bad_request', reason: 'invalid JSON' });

  if (route.kind === 'root') {
    // Our own welcome: which engine runs behind, and its version, are nobody's business.
    for (const [k, v] of Object.entries(DB_ANSWER_HEADERS)) res.setHeader(k, v);
    return sendJson(res, 200, { couchdb: 'Welcome', vendor: { name: 'Front Office' } });
  }
  const creds = readCredentials(req.headers.cookie, req.headers.authorization);
  if (route.kind === 'session') return handleSession(gw, req, res, creds, parsed.value);

  const basic = creds.authorization !== null;
  const resolved = await gw.sessions.resolve(creds);
  if (resolved.failedBasic) {
    gw.throttle.failed(resolved.failedBasic.name, clientAddress(req));
    return refuse(res, { status: 401, error: 'unauthorized', reason: 'Name or password is incorrect.' });
  }
  const denied = authorise(route, resolved.caller);
  if (denied) return refuse(res, denied);

  let verdict;
  try {
    verdict = checkBody(route, resolved.caller, parsed.value);
  } catch {
    // A validator overwhelmed by a pathological document (nesting deep enough to exhaust the stack).
    return refuse(res, { status: 400, error: 'bad_request', reason: 'document too deeply nested' });
  }
  if (!verdict.ok) return refuse(res, verdict.refusal);
  const newEdits = (verdict.body as { new_edits?: boolean } | undefined)?.new_edits !== false;
  if (route.kind === 'bulk_docs' && (verdict.body as { docs: unknown[] }).docs.length === 0) {
    for (const [k, v] of Object.entries(DB_ANSWER_HEADERS)) res.setHeader(k, v);
    return sendJson(res, 201, mergeBulkResults([], verdict.refused, newEdits));
  }
  const body = verdict.body === undefined ? null : JSON.stringify(verdict.body);
  forward(gw.upstream, req, res, route, {
    body,
    engineToken: resolved.engineToken,
    dropCookies: basic,
    refused: verdict.refused,
    newEdits,
    keepCookie: (next) => (creds.token === null ? true : gw.sessions.renewed(creds.token, next)),
  });
}


/** The gateway in front of the engine at `engineUrl`. */
export function createGateway(engineUrl: string): Gateway {
  const upstream = createUpstream(engineUrl);
  return { upstream, sessions: new SessionResolver(upstream), throttle: new SignInThrottle() };
}
