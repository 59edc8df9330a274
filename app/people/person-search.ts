/**
 * The final match of a person search (pure): by person number, by employer account number, or
 * by name — every typed word the start of a word of the name, accents and case ignored, or
 * (typos allowed) a word alike by sound. Runs over the candidates an index gave: the server's
 * view or the device's Mango indexes (docs/PEOPLE.md), never over a whole database.
 */
import { nameTokens } from '../../couch-design/search/normalize.ts';
import { wordMatches } from '../../couch-design/search/person-keys.ts';
import { personName, type Person } from '../../couch-design/types/person.ts';

/** How many persons a search lists. */
export const SEARCH_LIMIT = 20;

export type Searchable = Pick<Person, '_id' | 'number' | 'accountNumber' | 'kind' | 'familyName' | 'givenName' | 'companyName'>;

export function matchPeople<T extends Searchable>(people: readonly T[], query: string, limit = SEARCH_LIMIT, typos = false): T[] {
  const q = query.trim();
  if (!q) return [];
  const exact = people.filter((p) => p.number.toUpperCase() === q.toUpperCase() || p.accountNumber === q);
  if (exact.length > 0) return exact.slice(0, limit);
  const tokens = nameTokens(q);
  if (tokens.length === 0) return [];
  return people.filter((p) => tokens.every((tk) => nameTokens(personName(p)).some((n) => wordMatches(tk, n, typos)))).slice(0, limit);
}

/** What a search is asked: a number or account is read by key, words through the name keys. */
export function looksLikeNumber(query: string): boolean {
  return /^[A-Za-z0-9]{4,20}$/.test(query) && /\d/.test(query);
}

/** Where a search reads candidates: the device's indexes or the server's views, by key ranges. */
export interface PeopleSource {
  /** The person whose number is `query`, and the employers whose account it is. */
  byNumber(query: string): Promise<Person[]>;
  /** Word lookups, narrowest first; the first that yields a match ends the search. */
  wordSteps(tokens: readonly [string, ...string[]]): (() => Promise<Person[]>)[];
  /** Typo-tolerant candidates, read when no word lookup matched. */
  bySound(tokens: readonly [string, ...string[]]): Promise<Person[]>;
}

/** The one search order of the device and the server: a number, then words, then sound-alikes. */
export async function searchPeople(source: PeopleSource, query: string, options: { kind?: Person['kind']; limit?: number } = {}): Promise<Person[]> {
  const q = query.trim();
  if (!q) return [];
  const limit = options.limit ?? SEARCH_LIMIT;
  const wanted = (list: readonly Person[]) => {
    const seen = new Set<string>();
    return list.filter((p) => p.type === 'person' && (options.kind === undefined || p.kind === options.kind) && !seen.has(p._id) && seen.add(p._id));
  };
  if (looksLikeNumber(q)) {
    const found = matchPeople(wanted(await source.byNumber(q)), q, limit);
    if (found.length > 0) return found;
  }
  const tokens = nameTokens(q);
  if (tokens.length === 0) return [];
  const words = tokens as [string, ...string[]];
  for (const step of source.wordSteps(words)) {
    const found = matchPeople(wanted(await step()), q, limit);
    if (found.length > 0) return found;
  }
  return matchPeople(wanted(await source.bySound(words)), q, limit, true);
}
