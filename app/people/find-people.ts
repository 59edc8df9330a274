/**
 * The one person search of the screens (reception, the counter's filing, the cash desk): a
 * typed person number is a direct read; anything else is matched over the persons this device
 * holds (`matchPeople`). The indexed, national-scale search replaces the second step later.
 */
import type { Person } from '../../couch-design/types/person.ts';
import type { DataLayer } from '../data/data-layer.ts';
import { matchPeople } from './person-search.ts';

export async function findPeople(
  layer: Pick<DataLayer, 'get' | 'allDocsByPrefix'>,
  query: string,
  options: { kind?: Person['kind']; limit?: number } = {},
): Promise<Person[]> {
  const q = query.trim();
  if (!q) return [];
  const wanted = (p: Person) => p.type === 'person' && (options.kind === undefined || p.kind === options.kind);
  const direct = await layer.get<Person>('people', `person:${q.toUpperCase()}`).catch(() => null);
  if (direct && wanted(direct)) return [direct];
  const all = await layer.allDocsByPrefix<Person>('people', 'person:').catch(() => [] as Person[]);
  return matchPeople(all.filter(wanted), q, options.limit);
}
