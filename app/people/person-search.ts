/**
 * Matching persons (pure; `findPeople` runs it over the device's replica): by person number, by
 * employer account number, or by name — every typed word the start of a word of the name,
 * accents and case ignored. Over the persons the device holds (see docs/DESK.md: the indexed,
 * national-scale search is a later increment).
 */
import { nameTokens } from '../../couch-design/search/normalize.ts';
import { personName, type Person } from '../../couch-design/types/person.ts';

export type Searchable = Pick<Person, '_id' | 'number' | 'accountNumber' | 'kind' | 'familyName' | 'givenName' | 'companyName'>;

export function matchPeople<T extends Searchable>(people: readonly T[], query: string, limit = 20): T[] {
  const q = query.trim();
  if (!q) return [];
  const exact = people.filter((p) => p.number.toUpperCase() === q.toUpperCase() || p.accountNumber === q);
  if (exact.length > 0) return exact.slice(0, limit);
  const tokens = nameTokens(q);
  if (tokens.length === 0) return [];
  return people.filter((p) => tokens.every((tk) => nameTokens(personName(p)).some((n) => n.startsWith(tk)))).slice(0, limit);
}
