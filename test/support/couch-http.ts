/** A tiny CouchDB HTTP client for tests: through the app's /db/ proxy, as a browser would. */
export interface Session {
  headers: Record<string, string>;
}

export const ADMIN = { name: 'admin', password: 'front-office-admin' };

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
  const res = await fetch(`${base}/db${path}`, {
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
