/**
 * CouchDB's cookie session through the same-origin proxy: POST/GET/DELETE /db/_session.
 * Answers are data (a `kind`), never thrown: the caller decides what an outage means.
 */
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
  let response: Response;
  try {
    response = await fetch(SESSION_URL, {
      method,
      credentials: 'include',
      cache: 'no-store',
      headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { kind: 'unreachable' };
  }
  if (response.status === 401) {
    const refusal = (await response.json().catch(() => null)) as { error?: unknown } | null;
    return refusal?.error === 'account_disabled' ? { kind: 'disabled' } : { kind: 'unauthorized' };
  }
  if (response.status === 429) return { kind: 'throttled' };
  // The proxy answers 502/503/504 when CouchDB is down: as unreachable as no network at all.
  if (response.status === 502 || response.status === 503 || response.status === 504) return { kind: 'unreachable' };
  if (!response.ok) return { kind: 'server', status: response.status };
  let json: { name?: unknown; roles?: unknown; userCtx?: { name?: unknown; roles?: unknown } };
  try {
    json = (await response.json()) as typeof json;
  } catch {
    return { kind: 'server', status: response.status };
  }
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
