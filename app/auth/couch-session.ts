/**
 * CouchDB's cookie session through the same-origin proxy: POST/GET/DELETE /db/_session.
 * Answers are data (a `kind`), never thrown: the caller decides what an outage means.
 */
import { callServer } from './server-call.ts';

export type SessionAnswer =
  | { readonly kind: 'ok'; readonly name: string | null; readonly roles: readonly string[] }
  | { readonly kind: 'unauthorized' }
  /** The right password of an account an administrator disabled (docs/ADMIN.md). */
  | { readonly kind: 'disabled' }
  /** Too many failed sign-ins (429): the name or the device is held back for a while. */
  | { readonly kind: 'throttled' }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'server'; readonly status: number };

const SESSION_URL = '/db/_session';
const TIMEOUT_MS = 10_000;

async function call(method: 'GET' | 'POST' | 'DELETE', body?: unknown, timeoutMs = TIMEOUT_MS): Promise<SessionAnswer> {
  // The proxy answers 502/503/504 when CouchDB is down: as unreachable as no network at all.
  const res = await callServer(method, SESSION_URL, body, timeoutMs);
  if (!res.reachable) return { kind: 'unreachable' };
  if (res.status === 401) return res.body?.error === 'account_disabled' ? { kind: 'disabled' } : { kind: 'unauthorized' };
  if (res.status === 429) return { kind: 'throttled' };
  if (!res.ok || !res.body) return { kind: 'server', status: res.status };
  const json = res.body as { name?: unknown; roles?: unknown; userCtx?: { name?: unknown; roles?: unknown } };
  const source = json.userCtx ?? json;
  const name = typeof source.name === 'string' ? source.name : null;
  const roles = Array.isArray(source.roles) ? source.roles.filter((r): r is string => typeof r === 'string') : [];
  return { kind: 'ok', name, roles };
}

export function postSession(name: string, password: string): Promise<SessionAnswer> {
  return call('POST', { name, password });
}

/** The current session; `name` is null when the cookie is missing or expired. */
export function getSession(timeoutMs?: number): Promise<SessionAnswer> {
  return call('GET', undefined, timeoutMs);
}

export function deleteSession(): Promise<SessionAnswer> {
  return call('DELETE');
}
