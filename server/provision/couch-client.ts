import Nano from 'nano';

export type Couch = Nano.ServerScope;

/** A base URL with the admin credentials in it, as nano and CouchDB's replicator both accept. */
export function withCredentials(baseUrl: string, cred: { name: string; password: string }): string {
  const u = new URL(baseUrl);
  u.username = encodeURIComponent(cred.name);
  u.password = encodeURIComponent(cred.password);
  return u.toString().replace(/\/+$/, '');
}

export function adminClient(baseUrl: string, cred: { name: string; password: string }): Couch {
  return Nano({ url: withCredentials(baseUrl, cred) });
}

export function statusOf(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'statusCode' in err ? (err as { statusCode?: number }).statusCode : undefined;
}

/** GET a document, or null when CouchDB answers 404. */
export async function getOrNull<T>(db: Nano.DocumentScope<T>, id: string): Promise<(T & Nano.DocumentGetResponse) | null> {
  try {
    return await db.get(id);
  } catch (err) {
    if (statusOf(err) === 404) return null;
    throw err;
  }
}

/** Creates a database unless it exists (412 from CouchDB means it does). */
export async function ensureDb(couch: Couch, name: string): Promise<boolean> {
  try {
    await couch.db.create(name);
    return true;
  } catch (err) {
    if (statusOf(err) === 412) return false;
    throw err;
  }
}
