/**
 * Person search through the server (docs/PEOPLE.md): the `people_search` view of fo_people
 * (couch-design/views/people-search.ts) read by key range through the gateway, never a scan.
 * Two words: the word pair key, in both orders; then each word's key range; then the sound key
 * (typos). A number: the person's id, or the employer account (`persons_by_account`).
 */
import { nameTokens } from '../../couch-design/search/normalize.ts';
import { soundKey } from '../../couch-design/search/person-keys.ts';
import { PEOPLE_DB } from '../../couch-design/databases.ts';
import { personId, type Person } from '../../couch-design/types/person.ts';
import { looksLikeNumber, matchPeople } from './person-search.ts';

/** The server did not answer (offline, down, timed out): the device's search takes over. */
export class ServerUnreachable extends Error {
  constructor(cause?: unknown) {
    super('server unreachable', { cause });
    this.name = 'ServerUnreachable';
  }
}

const RANGE_LIMIT = 200;
const TIMEOUT_MS = 5000;

export interface ServerAccess {
  readonly fetch: typeof fetch;
  /** e.g. `${location.origin}/db` */
  readonly base: string;
}

async function getJson(server: ServerAccess, path: string): Promise<unknown> {
  let res: Response;
  try {
    res = await server.fetch(`${server.base}/${PEOPLE_DB}/${path}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new ServerUnreachable(error);
  }
  if (res.status === 404) return null;
  if (res.status >= 500) throw new ServerUnreachable(res.status);
  if (!res.ok) throw Object.assign(new Error(`people search: ${res.status}`), { status: res.status });
  return res.json();
}

async function viewDocs(server: ServerAccess, view: string, range: { key: string } | { start: string; end: string }): Promise<Person[]> {
  const params = new URLSearchParams({ include_docs: 'true', limit: String(RANGE_LIMIT) });
  if ('key' in range) params.set('key', JSON.stringify(range.key));
  else {
    params.set('startkey', JSON.stringify(range.start));
    params.set('endkey', JSON.stringify(range.end));
  }
  const body = (await getJson(server, `_design/fo/_view/${view}?${params}`)) as { rows?: { doc?: Person }[] } | null;
  return (body?.rows ?? []).flatMap((r) => (r.doc ? [r.doc] : []));
}

const prefixOf = (key: string) => ({ start: key, end: key + '\ufff0' });

export async function searchServer(server: ServerAccess, query: string, options: { kind?: Person['kind']; limit?: number } = {}): Promise<Person[]> {
  const q = query.trim();
  if (!q) return [];
  const limit = options.limit ?? 20;
  const wanted = (list: readonly Person[]) => {
    const seen = new Set<string>();
    return list.filter((p) => p.type === 'person' && (options.kind === undefined || p.kind === options.kind) && !seen.has(p._id) && seen.add(p._id));
  };
  if (looksLikeNumber(q)) {
    const direct = (await getJson(server, encodeURIComponent(personId(q.toUpperCase())))) as Person | null;
    const byAccount = await viewDocs(server, 'persons_by_account', { key: q });
    const found = matchPeople(wanted([...(direct ? [direct] : []), ...byAccount]), q, limit);
    if (found.length > 0) return found;
  }
  const tokens = nameTokens(q);
  if (tokens.length === 0) return [];
  const steps: (() => Promise<Person[]>)[] = [];
  if (tokens.length >= 2) {
    const [a, b] = tokens as [string, string];
    steps.push(async () => [...(await viewDocs(server, 'people_search', prefixOf(`p:${a} ${b}`))), ...(await viewDocs(server, 'people_search', prefixOf(`p:${b} ${a}`)))]);
  }
  // The longest word first: the narrowest key range among a million names.
  const byLength = [...tokens].sort((x, y) => y.length - x.length);
  steps.push(async () => viewDocs(server, 'people_search', prefixOf(`w:${byLength[0]}`)));
  for (const step of steps) {
    const found = matchPeople(wanted(await step()), q, limit);
    if (found.length > 0) return found;
  }
  const sound = soundKey(byLength[0]!);
  if (sound.length < 2) return [];
  return matchPeople(wanted(await viewDocs(server, 'people_search', { key: `s:${sound}` })), q, limit, true);
}
