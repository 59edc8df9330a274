/** A tiny CouchDB HTTP client for tests: through the app's /db/ proxy, as a browser would. */
export interface Session {
  headers: Record<string, string>;
}

/** The server admin tests start servers with (never the engine's old well-known default). */
export const ADMIN = { name: 'admin', password: 'test-admin-password' };

/** Server-admin requests use basic auth, as provisioning scripts do. */
export function basicAuth(name: string, password: string): Session {
  return { headers: { authorization: 'Basic ' + Buffer.from(`${name}:${password}`).toString('base64') } };
}

export async function signIn(base: string, name: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/db/_session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${name} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';', 1)[0]!;
  return { headers: { cookie } };
}

export async function couch(
  base: string,
  session: Session | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  return couchAt(`${base}/db`, session, method, path, body);
}

/**
 * The embedded engine itself, on its loopback port, behind the gateway's back: what the
 * server's own provisioning and jobs see. Tests use it for what no user may do through `/db/`
 * (edit `_users`, read `_security`, create databases).
 */
export function engineUrl(server: { enginePort: number }): string {
  return `http://127.0.0.1:${server.enginePort}`;
}

export async function couchAt(
  base: string,
  session: Session | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...session?.headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Non-JSON answers (HTML error pages) are returned as text so the test shows them.
  }
  return { status: res.status, body: parsed };
}

/** A call to the server's own JSON endpoints (`/api/…`), answered as status and raw text. */
export async function callApi(base: string, session: Session | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...session?.headers, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}
