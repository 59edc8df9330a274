/** What every gateway module shares: its parts, and CouchDB-shaped refusals with the hardened headers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http/respond.ts';
import { DB_ANSWER_HEADERS } from './headers.ts';
import type { Refusal } from './routes.ts';
import type { SessionResolver } from './sessions.ts';
import type { SignInThrottle } from './sign-in-throttle.ts';
import type { Upstream } from './upstream.ts';

export interface Gateway {
  upstream: Upstream;
  sessions: SessionResolver;
  throttle: SignInThrottle;
  /** Told of each successful sign-in (the users API's "last sign-in"); never delays it. */
  signedIn?: (name: string) => void;
}

/** Why the gateway refused an answer, for the request's log line (an audit trail of probing). */
const reasons = new WeakMap<ServerResponse, string>();
export const refusalReason = (res: ServerResponse): string | undefined => reasons.get(res);

export function refuse(res: ServerResponse, r: Refusal, extra: Record<string, string> = {}): void {
  reasons.set(res, `${r.error}: ${r.reason}`);
  for (const [k, v] of Object.entries({ ...DB_ANSWER_HEADERS, ...extra })) res.setHeader(k, v);
  sendJson(res, r.status, { ...r.detail, error: r.error, reason: r.reason });
}

/** A 200 answer of the server's own endpoints, with the headers every /db/ answer carries (`extra` may override them: a public key may be cached). */
export function answer(res: ServerResponse, body: unknown, extra: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries({ ...DB_ANSWER_HEADERS, ...extra })) res.setHeader(k, v);
  sendJson(res, 200, body);
}

/** Another status with a body of its own: a creation (201), or a form's refusal listing all its problems. */
export function reply(res: ServerResponse, status: number, body: unknown): void {
  for (const [k, v] of Object.entries(DB_ANSWER_HEADERS)) res.setHeader(k, v);
  sendJson(res, status, body);
}

/** The peer's address (behind a reverse proxy, the proxy's: see docs/SECURITY.md). */
export const clientAddress = (req: IncomingMessage): string => req.socket.remoteAddress ?? 'unknown';
