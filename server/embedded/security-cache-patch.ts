/**
 * A cache of each database's security object in `pouchdb-node` (9.x), the engine's database
 * library, applied to its source when the engine loads it (module-patch.ts: each replacement
 * must match exactly once, or the engine refuses to start).
 *
 * PouchDB Server reads `_local/_security` from LevelDB for every request, before it looks at
 * what the request asks (express-pouchdb's routes/security.js): in the 20-counter drain that
 * read was ~3 % of the engine's time (docs/QUEUES.md). The object changes when an administrator
 * provisions a database, almost never. The cache hangs on the database's LevelDB handle, which
 * every PouchDB instance of that database shares and which a deleted database takes with it.
 * Any write of the security object drops it, as the write starts and again once it has landed,
 * and a read overlapping either moment is not kept: a request never sees an object older than
 * the last write that was acknowledged before it started.
 */
import type { Patch } from './module-patch.ts';

export const SECURITY_CACHE_PATCHES: readonly Patch[] = [
  {
    find: 'class LevelTransaction {\n',
    replace:
      "var SECURITY_ID = '_local/_security';\n" +
      '\n' +
      '// The security object cached by _getLocal: gone, and reads under way not kept.\n' +
      'function forgetSecurity(db) {\n' +
      '  db._securityCache = null;\n' +
      '  db._securityGeneration = (db._securityGeneration || 0) + 1;\n' +
      '}\n' +
      '\n' +
      'class LevelTransaction {\n',
  },
  {
    find: '    db.batch(uniqBatches, callback);\n',
    replace:
      '    var security = uniqBatches.some(function (operation) {\n' +
      '      return operation.key === SECURITY_ID;\n' +
      '    });\n' +
      '    if (!security) {\n' +
      '      return db.batch(uniqBatches, callback);\n' +
      '    }\n' +
      '    forgetSecurity(db);\n' +
      '    db.batch(uniqBatches, function (err) {\n' +
      '      forgetSecurity(db);\n' +
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
      '  };\n',
  },
];
