import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Couch } from './couch-client.ts';
import { getOrNull } from './couch-client.ts';

export type DbKind = 'ref' | 'people' | 'branch' | 'central';
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

/**
 * Installs each design document unless the database already holds the same version
 * (the content hash the build stamps), so a restart rebuilds no index. Returns the ids written.
 */
export async function deployDesignDocs(couch: Couch, dbName: string, docs: readonly BuiltDesignDoc[]): Promise<string[]> {
  const db = couch.use<BuiltDesignDoc>(dbName);
  const written: string[] = [];
  for (const doc of docs) {
    const current = await getOrNull(db, doc._id);
    if (current?.version === doc.version) continue;
    await db.insert({ ...doc, ...(current ? { _rev: current._rev } : {}) });
    written.push(doc._id);
  }
  return written;
}
