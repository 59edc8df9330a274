/**
 * A build-time fix to PouchDB 9's `indexeddb` adapter (pouchdb-adapter-indexeddb 9.0.0): its
 * `_changes` runs inside a transaction wrapper that drops the `{ cancel }` a live feed returns,
 * so `changes({ live: true }).cancel()` never removed the adapter's listener. Every feed the app
 * ever cancelled (the local-write watch's pause during a first sync, screens' reference-data
 * feeds, remote-write.ts's waits) kept reading the database's changes again after every write:
 * the first sync read each page back, and a long-open counter page slowed with each screen it
 * had shown (issue 15). The patch keeps what the inner call returns and cancels it, also when
 * `cancel()` comes before the transaction opened. Exact text: a different adapter version fails
 * the build instead of shipping unpatched (server/embedded/module-patch.ts `applyPatches`).
 */
import type { Plugin } from 'vite';
import { applyPatches, type Patch } from '../../server/embedded/module-patch.ts';

export const IDB_CHANGES_PATCH: Patch = {
  find: `  api._changes = $t(function (txn, opts) {
    changes(txn, idbChanges, api, dbOpts, opts);
  }, [DOC_STORE]);`,
  replace: `  api._changes = function (opts) {
    let feed = null;
    let cancelled = false;
    $t(function (txn, opts) {
      feed = changes(txn, idbChanges, api, dbOpts, opts);
      if (cancelled && feed) feed.cancel();
    }, [DOC_STORE])(opts);
    return { cancel() { cancelled = true; if (feed) feed.cancel(); } };
  };`,
};

const ADAPTER = /\/pouchdb-adapter-indexeddb\/lib\/index\.es\.js$/;

export function idbChangesPatch(): Plugin {
  return {
    name: 'fo-idb-changes-cancel',
    enforce: 'pre',
    transform(code, id) {
      return ADAPTER.test(id.split('?')[0]!) ? { code: applyPatches(code, [IDB_CHANGES_PATCH], 'pouchdb-adapter-indexeddb'), map: null } : null;
    },
  };
}
