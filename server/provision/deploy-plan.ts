import type { BuiltDesignDoc } from './design-docs.ts';

/**
 * What bringing one design document to the wanted version takes:
 * - `none`: already there;
 * - `install`: there is no previous one, so no index to keep serving: write it directly;
 * - `stage`: install it under the staging id, build its indexes, swap it in;
 * - `resume`: a previous run staged this very version and stopped: build, swap;
 * - `clean-up`: a previous run swapped it in and stopped before deleting the staged copy;
 * - `repair`: the live document carries the wanted version stamp but not its content (written
 *   by hand, or tampered with): write the built one over it.
 */
export type DeployStep = 'none' | 'install' | 'stage' | 'resume' | 'clean-up' | 'repair';

/**
 * The versions found in the database (null: no such document) against the one wanted;
 * `intact` says whether the live document's content is the built one.
 */
export function planDeploy(wanted: string, current: string | null, staged: string | null, intact = true): DeployStep {
  if (current === null) return 'install';
  if (current === wanted && !intact) return 'repair';
  if (current === wanted) return staged === null ? 'none' : 'clean-up';
  return staged === wanted ? 'resume' : 'stage';
}

/** The steps that build indexes, which provisioning leaves to the background. */
export const isSlow = (step: DeployStep): boolean => step === 'stage' || step === 'resume';

/** `_design/fo` → `_design/fo-staged`. */
export const stagedId = (id: string): string => `${id}-staged`;

/** `_design/fo` → `fo`, as a view URL names it. */
export const ddocName = (id: string): string => id.replace(/^_design\//, '');

/**
 * The staged copy holds only what the index signature is computed from (language, views,
 * options), so its index is the very one the swapped-in document uses; without the validator
 * it does not judge writes twice, and without filters nothing can replicate through it.
 */
export function stagedCopy(doc: BuiltDesignDoc): BuiltDesignDoc {
  const copy: BuiltDesignDoc = { _id: stagedId(doc._id), version: doc.version };
  for (const field of ['language', 'views', 'options'] as const) if (field in doc) copy[field] = doc[field];
  return copy;
}

/** JSON with object keys sorted, so two documents compare by content whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether a stored design document holds exactly the built content (its `_rev` aside). */
export function sameContent(stored: Record<string, unknown>, built: BuiltDesignDoc): boolean {
  const { _rev: _ignored, ...rest } = stored;
  return canonical(rest) === canonical(built);
}
