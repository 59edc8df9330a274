import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Couch } from './couch-client.ts';
import { isSlow } from './deploy-plan.ts';
import { planFor, runStep } from './staged-deploy.ts';

export type DbKind = 'ref' | 'people' | 'branch' | 'central' | 'scans';
export interface BuiltDesignDoc {
  _id: string;
  version: string;
  [field: string]: unknown;
}
export type BuiltDesignDocs = Record<DbKind, BuiltDesignDoc[]>;

const BUILT = fileURLToPath(new URL('../../couch-design/dist/design-docs.json', import.meta.url));

/** The design documents as `npm run build:design` wrote them. */
export async function readBuiltDesignDocs(path = BUILT): Promise<BuiltDesignDocs> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as BuiltDesignDocs;
  } catch (err) {
    throw new Error(`cannot read ${path}: run 'npm run build:design' first (${(err as Error).message})`);
  }
}

export interface DeployOutcome {
  /** Ids written now. */
  written: string[];
  /** Changed documents whose indexes must be built before they go live (see staged-deploy.ts). */
  building: BuiltDesignDoc[];
}

/**
 * Installs each design document unless the database already holds the same version (the
 * content hash the build stamps), so a restart rebuilds no index. A first install, or the
 * clean-up of a finished swap, is done now; a changed document that replaces a live one is
 * returned in `building`, for staged deployment in the background.
 */
export async function deployDesignDocs(couch: Couch, dbName: string, docs: readonly BuiltDesignDoc[]): Promise<DeployOutcome> {
  const outcome: DeployOutcome = { written: [], building: [] };
  for (const doc of docs) {
    const step = await planFor(couch, dbName, doc);
    if (isSlow(step)) outcome.building.push(doc);
    else if (step !== 'none') {
      await runStep(couch, dbName, doc, step);
      outcome.written.push(doc._id);
    }
  }
  return outcome;
}
