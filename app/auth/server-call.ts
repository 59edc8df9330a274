/**
 * One same-origin JSON call to this server (`/db/_session`, `/api/*`): the session cookie goes
 * with it, nothing is cached, and a lost network or a gateway's 502/503/504 (the engine down)
 * is "unreachable". Never throws: each caller turns the status and body into its own answer.
 */
export type ServerAnswer =
  | { readonly reachable: false }
  | { readonly reachable: true; readonly status: number; readonly ok: boolean; readonly body: Record<string, unknown> | null };

export async function callServer(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body: unknown, timeoutMs: number): Promise<ServerAnswer> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'include',
      cache: 'no-store',
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { reachable: false };
  }
  if (res.status === 502 || res.status === 503 || res.status === 504) return { reachable: false };
  const json = (await res.json().catch(() => null)) as unknown;
  return { reachable: true, status: res.status, ok: res.ok, body: json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : null };
}
