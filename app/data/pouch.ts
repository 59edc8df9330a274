/**
 * The browser's PouchDB. In the first load: the core and IndexedDB storage, which is all a
 * screen needs to show its data from the local replicas (an offline cold start never waits for
 * more). The rest is its own chunk (`pouch-plugins.ts`), fetched when replication starts
 * (`loadPouchPlugins`, the data layer's `beforeSync`) or on the first map/reduce or Mango call:
 * those methods are stand-ins until then, which load the plugins and call the real method.
 */
import PouchDB from 'pouchdb-core';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';

PouchDB.plugin(IndexedDbAdapter);

let plugins: Promise<void> | null = null;

/** HTTP remotes, replication, map/reduce and Mango, registered once. */
export function loadPouchPlugins(): Promise<void> {
  plugins ??= import('./pouch-plugins.ts').then(
    (m) => m.registerPlugins(PouchDB),
    (error: unknown) => {
      plugins = null; // a failed fetch may work next time
      throw error;
    },
  );
  return plugins;
}

/** Methods of pouchdb-mapreduce and pouchdb-find, callable before their chunk is here. */
const LAZY_METHODS = ['query', 'viewCleanup', 'find', 'createIndex', 'getIndexes', 'deleteIndex', 'explain'] as const;
const proto = PouchDB.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
for (const name of LAZY_METHODS) {
  const standIn = async function (this: unknown, ...args: unknown[]) {
    await loadPouchPlugins();
    if (proto[name] === standIn) throw new Error(`PouchDB plugin method ${name} missing after loading the plugins`);
    return proto[name]!.apply(this, args);
  };
  proto[name] = standIn;
}

export const BrowserPouch: PouchDB.Static = PouchDB;
export const BROWSER_ADAPTER = 'indexeddb';
