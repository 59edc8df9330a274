/** The engine's database library, `pouchdb-node`, with Front Office's fixes (each file says why). */
import { createRequire } from 'node:module';
import { MAPREDUCE_PATCHES } from './mapreduce-patch.ts';
import { installPatchedModule } from './module-patch.ts';
import { STORE_CACHES_PATCHES } from './store-caches-patch.ts';

export const POUCHDB_NODE_PATCHES = [...MAPREDUCE_PATCHES, ...STORE_CACHES_PATCHES];

/** Puts the patched library in the module cache, before the engine and its plugins require it. */
export function installPatchedPouchdbNode(requireFrom: string): void {
  installPatchedModule(createRequire(requireFrom).resolve('pouchdb-node'), POUCHDB_NODE_PATCHES, 'pouchdb-node');
}
