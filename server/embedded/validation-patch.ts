/**
 * Fixes to PouchDB Server's `validate_doc_update` plugin (pouchdb-validation 4.2.0, no longer
 * maintained), applied to its source when the engine loads it:
 *
 * 1. It overwrote the new document's `_revisions` with the stored one's before writing. With
 *    `new_edits: false` (every replicated update, e.g. a counter's offline work pushed when the
 *    link returns) the write then claimed a revision the database already had, and the update
 *    was silently dropped while `_bulk_docs` answered success. Apache CouchDB stores it.
 * 2. For each written document it read every design document in full (ours carry a ~40 kB
 *    validation bundle and the views) and compiled their validation functions again: a profile
 *    of a 1,500-document `_bulk_docs` spent most of its time parsing those design documents,
 *    ~300 docs/s. It now takes the design documents' revisions only (no bodies; the database
 *    library keeps that list until a design document is written, store-caches-patch.ts) and
 *    keeps each one's body and compiled function per database and revision, so an edited design
 *    document is read once and used from its next write on; a `_bulk_docs` asks once for all
 *    its documents.
 *
 * 3. It read the stored document before validating each write, also a create (no `_rev`): a
 *    LevelDB read through the security wrapper, a miss, and an error object per document, a
 *    fifth of the engine's time in a 100,000-line import. A create is now judged as new first;
 *    only when that fails is the stored document read, and if one is live the answer is 409
 *    `conflict`, which is what CouchDB answers a create over a live document before it runs
 *    `validate_doc_update` at all (a valid create over one gets the adapter's own 409).
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
    find: `function getValidationFunctions(db) {
  return db.allDocs({
    startkey: "_design/",
    endkey: "_design0",
    include_docs: true
  }).then(parseValidationFunctions);
}`,
    replace: `var validatorsByRevision = new Map();
function validatorOf(db, id, rev) {
  var key = db.name + " " + id + "@" + rev; // no space in a database name
  var known = validatorsByRevision.get(key);
  if (known) return known;
  var loading = db.get(id, {rev: rev}).then(function (designDoc) {
    var code = designDoc.validate_doc_update;
    return typeof code === "undefined" ? null : {designDoc: designDoc, code: code, func: coucheval.evaluate(designDoc, {}, code)};
  });
  validatorsByRevision.set(key, loading);
  loading.catch(function () { validatorsByRevision.delete(key); });
  return loading;
}
function getValidationFunctions(db) {
  // The design documents' revisions, kept by the database library until one is written (store-caches-patch.ts).
  return db._designRevisions().then(function (designs) {
    return Promise.all(designs.map(function (design) { return validatorOf(db, design.id, design.rev); }));
  }).then(function (infos) {
    return infos.filter(function (info) { return info !== null; });
  });
}`,
  },
  {
    find: `function doValidation(db, newDoc, options) {`,
    replace: `function doValidation(db, newDoc, options, validationFunctions) {`,
  },
  {
    find: `  return getValidationFunctions(db).then(function (validationFuncs) {`,
    replace: `  return (validationFunctions || getValidationFunctions(db)).then(function (validationFuncs) {`,
  },
  {
    find: `    var completeOptionsPromise = completeValidationOptions(db, options);
    var oldDocPromise = oldDoc(db, newDoc._id);`,
    replace: `    var completeOptionsPromise = completeValidationOptions(db, options);
    if (!newDoc._rev && options.new_edits !== false) {
      return completeOptionsPromise.then(function (completeOptions) {
        try {
          return validate(validationFuncs, newDoc, null, completeOptions);
        } catch (refusal) {
          return oldDoc(db, newDoc._id).then(function (stored) {
            if (stored) throw new PouchPluginError({status: 409, name: "conflict", message: "Document update conflict"});
            throw refusal;
          });
        }
      });
    }
    var oldDocPromise = oldDoc(db, newDoc._id);`,
  },
  {
    find: `  doc._id = doc._id || uuid();
  return doValidation(args.base, doc, args.options);`,
    replace: `  doc._id = doc._id || uuid();
  // One listing of the design documents for the whole request, not one per document.
  if (!args.validationFunctions) args.validationFunctions = getValidationFunctions(args.base);
  return doValidation(args.base, doc, args.options, args.validationFunctions);`,
  },
];

export function applyPatches(source: string, patches: readonly Patch[] = PATCHES): string {
  return applyEach(source, patches, 'pouchdb-validation');
}

/** Puts the patched plugin in the module cache where express-pouchdb will require it. */
export function installPatchedValidation(expressPouchdbPath: string): void {
  installPatchedModule(createRequire(expressPouchdbPath).resolve('pouchdb-validation'), PATCHES, 'pouchdb-validation');
}
