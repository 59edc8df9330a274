/**
 * The one person search of the screens (reception, the counter, the cash desk), at national
 * scale (docs/PEOPLE.md): online, the server's index (and the persons found are kept on the
 * device for a while); offline or when the server does not answer, the device's own indexes
 * over its branch's persons and those it kept. `where` says which one answered, so a screen
 * can say that a person missing from a device-only answer may exist elsewhere.
 */
import type { Person } from '../../couch-design/types/person.ts';
import type { DataLayer } from '../data/data-layer.ts';
import type { Db } from '../data/docs.ts';
import { searchDevice } from './device-search.ts';
import { forgetStale, fromCache, remember } from './people-cache.ts';
import { ServerUnreachable } from '../data/errors.ts';
import { searchServer } from './server-search.ts';

export type PeopleLayer = Pick<DataLayer, 'local' | 'peopleCache' | 'fetch' | 'remoteBase'>;

export interface PeopleSearchResult {
  readonly people: Person[];
  /** 'device': the server could not be asked; only the persons this device holds were searched. */
  readonly where: 'server' | 'device';
}

const tidied = new WeakSet<Db>();

/** The device's own people: its branch's replica and its cache (stale copies forgotten once a session). */
export function deviceDbs(layer: PeopleLayer): Db[] {
  const cache = layer.peopleCache;
  if (cache && !tidied.has(cache)) {
    tidied.add(cache);
    void forgetStale(cache).catch(() => undefined);
  }
  return [layer.local('people'), cache].filter((db): db is Db => db !== null);
}

export function offline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

export async function findPeople(layer: PeopleLayer, query: string, options: { kind?: Person['kind']; limit?: number } = {}): Promise<PeopleSearchResult> {
  if (!query.trim()) return { people: [], where: 'server' };
  if (layer.remoteBase !== null && !offline()) {
    try {
      const people = await searchServer({ fetch: layer.fetch, base: layer.remoteBase }, query, options);
      if (layer.peopleCache) await remember(layer.peopleCache, people).catch(() => undefined);
      return { people, where: 'server' };
    } catch (error) {
      if (!(error instanceof ServerUnreachable)) throw error;
    }
  }
  const people = await searchDevice(deviceDbs(layer), query, options);
  return { people: people.map((p) => fromCache(p)), where: 'device' };
}
