/**
 * Two caches in `pouchdb-node` (9.x), the engine's database library, of what the engine read
 * from LevelDB for every request though it almost never changes; applied to its source when
 * the engine loads it (module-patch.ts: each replacement must match exactly once, or the
 * engine refuses to start).
 *
 * - A database's security object (`_local/_security`): PouchDB Server reads it before it looks
 *   at what a request asks (express-pouchdb's routes/security.js), ~3 % of the engine's time in
 *   the 20-counter drain (docs/QUEUES.md).
 * - The revisions of a database's design documents, which `validate_doc_update` lists for every
 *   write (validation-patch.ts, which keeps each revision's compiled function): a LevelDB range
 *   read per write.
 *
 * They change when an administrator provisions a database. Each cache hangs on the database's
 * LevelDB handle, which every PouchDB instance of that database shares and which a deleted
 * database takes with it. A write of the security object, or of any design document, drops
 * its cache as the write starts and again once it has landed, and a read overlapping either
 * moment is not kept: a request never sees a state older than the last write acknowledged
 * before it started.
 */
import type { Patch } from './module-patch.ts';

export const STORE_CACHES_PATCHES: readonly Patch[] = [
  {
    find: 'class LevelTransaction {\n',
    replace:
      "var SECURITY_ID = '_local/_security';\n" +
      '\n' +
      '// What a batch about to be written changes of the cached state (see _getLocal, _designRevisions).\n' +
      'function touchedCaches(operations) {\n' +
      '  var touched = {security: false, design: false};\n' +
      '  operations.forEach(function (operation) {\n' +
      '    if (operation.key === SECURITY_ID) {\n' +
      '      touched.security = true;\n' +
      "    } else if (typeof operation.key === 'string' && operation.key.indexOf('_design/') === 0) {\n" +
      '      touched.design = true;\n' +
      '    }\n' +
      '  });\n' +
      '  return touched;\n' +
      '}\n' +
      '\n' +
      '// The caches a write touches: gone, and reads under way not kept.\n' +
      'function forgetCaches(db, touched) {\n' +
      '  if (touched.security) {\n' +
      '    db._securityCache = null;\n' +
      '    db._securityGeneration = (db._securityGeneration || 0) + 1;\n' +
      '  }\n' +
      '  if (touched.design) {\n' +
      '    db._designRevisions = null;\n' +
      '    db._designGeneration = (db._designGeneration || 0) + 1;\n' +
      '  }\n' +
      '}\n' +
      '\n' +
      'class LevelTransaction {\n',
  },
  {
    find: '    db.batch(uniqBatches, callback);\n',
    replace:
      '    var touched = touchedCaches(uniqBatches);\n' +
      '    if (!touched.security && !touched.design) {\n' +
      '      return db.batch(uniqBatches, callback);\n' +
      '    }\n' +
      '    forgetCaches(db, touched);\n' +
      '    db.batch(uniqBatches, function (err) {\n' +
      '      forgetCaches(db, touched);\n' +
      '      callback(err);\n' +
      '    });\n',
  },
  {
    find:
      '  api._getLocal = function (id, callback) {\n' +
      '    stores.localStore.get(id, function (err, doc) {\n' +
      '      if (err) {\n' +
      '        callback(createError(MISSING_DOC));\n' +
      '      } else {\n' +
      '        callback(null, doc);\n' +
      '      }\n' +
      '    });\n' +
      '  };\n',
    replace:
      '  api._getLocal = function (id, callback) {\n' +
      '    var security = id === SECURITY_ID;\n' +
      '    if (security && db._securityCache) {\n' +
      '      var cached = clone(db._securityCache);\n' +
      '      return nextTick(function () {\n' +
      '        callback(null, cached);\n' +
      '      });\n' +
      '    }\n' +
      '    var generation = db._securityGeneration;\n' +
      '    stores.localStore.get(id, function (err, doc) {\n' +
      '      if (err) {\n' +
      '        callback(createError(MISSING_DOC));\n' +
      '      } else {\n' +
      '        if (security && generation === db._securityGeneration) {\n' +
      '          db._securityCache = clone(doc);\n' +
      '        }\n' +
      '        callback(null, doc);\n' +
      '      }\n' +
      '    });\n' +
      '  };\n' +
      '\n' +
      '  // The design documents as [{id, rev}], for validate_doc_update (validation-patch.ts). A\n' +
      '  // listing under way is shared; one that a design write overlapped is not kept. Before the\n' +
      '  // database is open there is nowhere to keep it: allDocs waits for the opening.\n' +
      '  function listDesignRevisions() {\n' +
      "    return api.allDocs({startkey: '_design/', endkey: '_design0'}).then(function (resp) {\n" +
      '      return resp.rows.map(function (row) {\n' +
      '        return {id: row.id, rev: row.value.rev};\n' +
      '      });\n' +
      '    });\n' +
      '  }\n' +
      '  api._designRevisions = function () {\n' +
      '    if (!db) {\n' +
      '      return listDesignRevisions();\n' +
      '    }\n' +
      '    if (db._designRevisions) {\n' +
      '      return db._designRevisions;\n' +
      '    }\n' +
      '    var generation = db._designGeneration;\n' +
      '    var listing = listDesignRevisions();\n' +
      '    db._designRevisions = listing;\n' +
      '    var drop = function () {\n' +
      '      if (db._designRevisions === listing) {\n' +
      '        db._designRevisions = null;\n' +
      '      }\n' +
      '    };\n' +
      '    listing.then(function () {\n' +
      '      if (generation !== db._designGeneration) {\n' +
      '        drop();\n' +
      '      }\n' +
      '    }, drop);\n' +
      '    return listing;\n' +
      '  };\n',
  },
];
