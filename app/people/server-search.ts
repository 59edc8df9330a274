/**
 * Person search through the server (docs/PEOPLE.md): the `people_search` view of fo_people
 * (couch-design/views/people-search.ts) read by key range through the gateway, never a scan.
 * Two words or more: word pair keys (wordPairs) as typed, then reversed — one pair read with its
 * documents, several as index rows and the persons most pairs name fetched in one `_bulk_get`;
 * then the longest word's key range; then the sound key (typos). A number: the person's id, or the employer account (`persons_by_account`).
 */
import { soundKey } from '../../couch-design/search/person-keys.ts';
import { PEOPLE_DB } from '../../couch-design/databases.ts';
import { personId, type Person } from '../../couch-design/types/person.ts';
import { SEARCH_LIMIT, searchPeople } from './person-search.ts';
import { ServerUnreachable } from '../data/errors.ts';

/** Candidates read per key range: every one matches the words already; the list shows 20. */
const RANGE_LIMIT = 50;
const TIMEOUT_MS = 5000;
/** Persons fetched beyond the list's length: a few candidates may be of another kind. */
const FETCH_MARGIN = 10;

export interface ServerAccess {
  readonly fetch: typeof fetch;
  /** e.g. `${location.origin}/db` */
  readonly base: string;
}

async function getJson(server: ServerAccess, path: string, body?: object): Promise<unknown> {
  let res: Response;
  const post = body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {};
  try {
    res = await server.fetch(`${server.base}/${PEOPLE_DB}/${path}`, { ...post, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new ServerUnreachable(error);
  }
  if (res.status === 404) return null;
  if (res.status >= 500) throw new ServerUnreachable(res.status);
  if (!res.ok) throw Object.assign(new Error(`people search: ${res.status}`), { status: res.status });
  return res.json();
}

type KeyRange = { key: string } | { start: string; end: string };

async function viewRows(server: ServerAccess, view: string, range: KeyRange, includeDocs: boolean): Promise<{ id: string; doc?: Person }[]> {
  const params = new URLSearchParams({ include_docs: String(includeDocs), limit: String(RANGE_LIMIT) });
  if ('key' in range) params.set('key', JSON.stringify(range.key));
  else {
    params.set('startkey', JSON.stringify(range.start));
    params.set('endkey', JSON.stringify(range.end));
  }
  const body = (await getJson(server, `_design/fo/_view/${view}?${params}`)) as { rows?: { id: string; doc?: Person }[] } | null;
  return body?.rows ?? [];
}

async function viewDocs(server: ServerAccess, view: string, range: KeyRange): Promise<Person[]> {
  return (await viewRows(server, view, range, true)).flatMap((r) => (r.doc ? [r.doc] : []));
}

async function docsByIds(server: ServerAccess, ids: readonly string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  const body = (await getJson(server, '_bulk_get', { docs: ids.map((id) => ({ id })) })) as { results?: { docs?: { ok?: Person }[] }[] } | null;
  return (body?.results ?? []).flatMap((r) => (r.docs ?? []).flatMap((d) => (d.ok ? [d.ok] : [])));
}

/**
 * Ids ordered by how many lists hold them, then by first appearance: a person named by every
 * pair of the typed words comes before one named by a single pair.
 */
export function rankByHits(lists: readonly (readonly string[])[]): string[] {
  const hits = new Map<string, number>();
  for (const list of lists) for (const id of new Set(list)) hits.set(id, (hits.get(id) ?? 0) + 1);
  // Map keeps first-insertion order and the sort is stable: ties stay in order of appearance.
  return [...hits.keys()].sort((a, b) => hits.get(b)! - hits.get(a)!);
}

const prefixOf = (key: string) => ({ start: key, end: key + '\ufff0' });

/**
 * The word pairs asked for typed words: the first two, and each word with the last — in the
 * order typed, then (a step of its own) reversed. "ngo bassa pierre" asks "bassa pierre" too:
 * among thousands of Ngo Bassas, the pair of the first two words alone would hold the Pierres
 * only by luck within its candidates. The view emits every ordered pair of a name's words, so
 * whole words are found in the order typed; the reversed pairs serve a first word typed in
 * part ("eka helene" is the key range of "helene eka…").
 */
export function wordPairs(tokens: readonly string[]): { typed: [string, string][]; reversed: [string, string][] } {
  const last = tokens[tokens.length - 1]!;
  const seen = new Set<string>();
  const typed = [[tokens[0]!, tokens[1]!], ...tokens.slice(0, -1).map((t) => [t, last])].filter(
    (pair): pair is [string, string] => pair[0] !== pair[1] && !seen.has(pair.join(' ')) && !!seen.add(pair.join(' ')),
  );
  return { typed, reversed: typed.map(([x, y]): [string, string] => [y, x]) };
}

export function searchServer(server: ServerAccess, query: string, options: { kind?: Person['kind']; limit?: number } = {}): Promise<Person[]> {
  const limit = options.limit ?? SEARCH_LIMIT;
  // The longest word first: the narrowest key range among a million names.
  const longest = (tokens: readonly string[]) => [...tokens].sort((x, y) => y.length - x.length)[0]!;
  return searchPeople(
    {
      async byNumber(q) {
        const direct = (await getJson(server, encodeURIComponent(personId(q.toUpperCase())))) as Person | null;
        return [...(direct ? [direct] : []), ...(await viewDocs(server, 'persons_by_account', { key: q }))];
      },
      wordSteps(tokens) {
        const steps: (() => Promise<Person[]>)[] = [];
        // One pair: its documents in one read. Several: index rows only, then the persons most
        // pairs name in one read (every pair's documents read whole was the slow part).
        const byPairs = (pairs: readonly [string, string][]) => async () => {
          const ranges = pairs.map(([x, y]) => prefixOf(`p:${x} ${y}`));
          if (ranges.length === 1) return viewDocs(server, 'people_search', ranges[0]!);
          const lists = await Promise.all(ranges.map(async (range) => (await viewRows(server, 'people_search', range, false)).map((r) => r.id)));
          return docsByIds(server, rankByHits(lists).slice(0, limit + FETCH_MARGIN));
        };
        if (tokens.length >= 2) {
          const { typed, reversed } = wordPairs(tokens);
          if (typed.length) steps.push(byPairs(typed), byPairs(reversed));
        }
        steps.push(() => viewDocs(server, 'people_search', prefixOf(`w:${longest(tokens)}`)));
        return steps;
      },
      async bySound(tokens) {
        const sound = soundKey(longest(tokens));
        return sound.length < 2 ? [] : viewDocs(server, 'people_search', { key: `s:${sound}` });
      },
    },
    query,
    options,
  );
}
