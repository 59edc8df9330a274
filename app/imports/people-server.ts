/**
 * fo_people on the server, as the imports and exports use it: through the gateway (`/db/`),
 * with the caller's session, so the gateway's allowlist and the contract's validator judge
 * every write as they judge the app's. The admin's device holds no copy of fo_people
 * (head office searches through the server), so this talks HTTP, not PouchDB. The fetch is
 * injected: the browser's (same-origin cookie) or the bench's (a session cookie).
 */
import type { AnyDoc } from '../../couch-design/validate/problems.ts';
import { PEOPLE_DB, REF_DB } from '../../couch-design/databases.ts';

/** One `_bulk_docs` answer. */
export interface WriteAnswer {
  id: string;
  ok?: boolean;
  error?: string;
  reason?: string;
}

export interface PeopleServer {
  /** The live documents under these ids (deleted or missing ones absent). */
  read(ids: readonly string[]): Promise<Map<string, AnyDoc>>;
  write(docs: readonly AnyDoc[]): Promise<WriteAnswer[]>;
  /** A page of the documents whose id starts with `prefix`, after `after` (an id) when given. */
  list(prefix: string, after: string | null, limit: number): Promise<AnyDoc[]>;
  /** Branch codes of fo_ref, for the `branch` column. */
  branches(): Promise<Set<string>>;
}

/** The server did not answer, or answered with a failure for the whole request. */
export class ServerFailed extends Error {
  constructor(readonly status: number | null, cause?: unknown) {
    super(status === null ? `server unreachable (${cause instanceof Error ? cause.message : String(cause)})` : `server answered ${status}: ${String(cause).slice(0, 200)}`, { cause });
    this.name = 'ServerFailed';
  }
}

const TIMEOUT_MS = 120_000;

export function gatewayPeople(fetchFn: typeof fetch, base: string, headers: Record<string, string> = {}): PeopleServer {
  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    let res: Response;
    try {
      res = await fetchFn(`${base}/${path}`, {
        method,
        credentials: 'include',
        cache: 'no-store',
        headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new ServerFailed(null, error);
    }
    if (!res.ok) throw new ServerFailed(res.status, await res.text().catch(() => ''));
    return res.json();
  }
  const rowsOf = (body: unknown) => ((body as { rows?: { id?: string; doc?: AnyDoc | null; value?: { deleted?: boolean } }[] }).rows ?? []);

  return {
    // `_bulk_get`, not `_all_docs?keys`: the replication API reads each id directly, where the
    // embedded engine's `_all_docs` opens a range iterator per key (2,000 ids: about twice as
    // long). A missing id answers an error, a deleted one its tombstone: both are absent here.
    async read(ids) {
      const body = (await call('POST', `${PEOPLE_DB}/_bulk_get`, { docs: ids.map((id) => ({ id })) })) as { results?: { docs?: { ok?: AnyDoc }[] }[] };
      const out = new Map<string, AnyDoc>();
      for (const r of body.results ?? []) {
        const doc = r.docs?.[0]?.ok;
        if (doc && !doc._deleted) out.set(doc._id as string, doc);
      }
      return out;
    },
    async write(docs) {
      return (await call('POST', `${PEOPLE_DB}/_bulk_docs`, { docs })) as WriteAnswer[];
    },
    async list(prefix, after, limit) {
      const q = new URLSearchParams({ include_docs: 'true', limit: String(limit), endkey: JSON.stringify(prefix + '\ufff0') });
      q.set('startkey', JSON.stringify(after ?? prefix));
      if (after !== null) q.set('skip', '1');
      const body = await call('GET', `${PEOPLE_DB}/_all_docs?${q}`);
      return rowsOf(body).flatMap((r) => (r.doc ? [r.doc] : []));
    },
    async branches() {
      const q = new URLSearchParams({ startkey: JSON.stringify('branch:'), endkey: JSON.stringify('branch:\ufff0') });
      const body = await call('GET', `${REF_DB}/_all_docs?${q}`);
      return new Set(rowsOf(body).flatMap((r) => (r.id ? [r.id.slice('branch:'.length)] : [])));
    },
  };
}
