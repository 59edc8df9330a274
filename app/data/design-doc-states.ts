/**
 * Whether the server is still building the statistics views of a database after an upgrade
 * (see server/provision/staged-deploy.ts). Until the new views are swapped in, queries answer
 * from the previous ones, so a screen shows its figures with a notice rather than an error.
 */
import type { DesignDocState } from '../../couch-design/design-doc-state.ts';
import type { MessageKey } from '../i18n/fr.ts';

export type DesignDocStates = Record<string, DesignDocState>;

const STATES: readonly unknown[] = ['current', 'building'] satisfies DesignDocState[];

/** The `designDocs` of a /health answer; an older server, or anything malformed, reads as none. */
export function designDocStates(health: unknown): DesignDocStates {
  const field = typeof health === 'object' && health !== null ? (health as { designDocs?: unknown }).designDocs : undefined;
  if (typeof field !== 'object' || field === null) return {};
  return Object.fromEntries(Object.entries(field).filter(([, s]) => STATES.includes(s))) as DesignDocStates;
}

/** The notice to show over the figures of database `db`, or null when its views are current. */
export function statsNotice(states: DesignDocStates, db: string): MessageKey | null {
  return states[db] === 'building' ? 'rep.rebuilding' : null;
}

/** Asks the server; offline (or any failure) answers none, as the local replica's views are the app's own. */
export async function fetchDesignDocStates(fetchFn: typeof fetch = fetch): Promise<DesignDocStates> {
  try {
    // /health answers 503 (with the same body) while the engine is down.
    return designDocStates(await (await fetchFn('/health', { cache: 'no-store' })).json());
  } catch {
    return {};
  }
}
