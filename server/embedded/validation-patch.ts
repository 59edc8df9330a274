/**
 * Two fixes to PouchDB Server's `validate_doc_update` plugin (pouchdb-validation 4.2.0, no
 * longer maintained), applied to its source when the engine loads it:
 *
 * 1. It overwrote the new document's `_revisions` with the stored one's before writing. With
 *    `new_edits: false` (every replicated update, e.g. a counter's offline work pushed when the
 *    link returns) the write then claimed a revision the database already had, and the update
 *    was silently dropped while `_bulk_docs` answered success. Apache CouchDB stores it.
 * 2. It compiled every design document's validation function again for each written document;
 *    ours is a ~40 kB bundle. Compiled functions are now kept per design-document revision.
 *
 * Each replacement must match exactly once, so a different version of the plugin stops the
 * engine at start-up instead of running unpatched.
 */
import { createRequire } from 'node:module';
import { applyPatches as applyEach, installPatchedModule, type Patch } from './module-patch.ts';

const PATCHES: readonly Patch[] = [
  {
    find: 'newDoc._revisions = (oldDoc || {})._revisions;',
    replace: 'if (!newDoc._revisions) { newDoc._revisions = (oldDoc || {})._revisions; }',
  },
  {
    find: 'info.func = coucheval.evaluate(info.designDoc, {}, info.code);',
    replace:
      'var cacheKey = info.designDoc._id + "@" + info.designDoc._rev;' +
      ' info.func = compiledValidators.get(cacheKey);' +
      ' if (!info.func) { info.func = coucheval.evaluate(info.designDoc, {}, info.code); compiledValidators.set(cacheKey, info.func); }',
  },
  {
    find: 'var wrapperApi = {};',
    replace: 'var compiledValidators = new Map();\nvar wrapperApi = {};',
  },
];

export function applyPatches(source: string, patches: readonly Patch[] = PATCHES): string {
  return applyEach(source, patches, 'pouchdb-validation');
}

/** Puts the patched plugin in the module cache where express-pouchdb will require it. */
export function installPatchedValidation(expressPouchdbPath: string): void {
  installPatchedModule(createRequire(expressPouchdbPath).resolve('pouchdb-validation'), PATCHES, 'pouchdb-validation');
}
