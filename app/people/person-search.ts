/**
 * The final match of a person search (pure): by person number, by employer account number, or
 * by name — every typed word the start of a word of the name, accents and case ignored, or
 * (typos allowed) a word alike by sound. Runs over the candidates an index gave: the server's
 * view or the device's Mango indexes (docs/PEOPLE.md), never over a whole database.
 */
import { nameTokens } from '../../couch-design/search/normalize.ts';
import { wordMatches } from '../../couch-design/search/person-keys.ts';
import { personName, type Person } from '../../couch-design/types/person.ts';

export type Searchable = Pick<Person, '_id' | 'number' | 'accountNumber' | 'kind' | 'familyName' | 'givenName' | 'companyName'>;

export function matchPeople<T extends Searchable>(people: readonly T[], query: string, limit = 20, typos = false): T[] {
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
