/** The browser's PouchDB: IndexedDB storage, HTTP remotes, replication, map/reduce, Mango. */
import PouchDB from 'pouchdb-core';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';
import MapReduce from 'pouchdb-mapreduce';
import Find from 'pouchdb-find';

PouchDB.plugin(IndexedDbAdapter).plugin(HttpAdapter).plugin(Replication).plugin(MapReduce).plugin(Find);

export const BrowserPouch: PouchDB.Static = PouchDB;
export const BROWSER_ADAPTER = 'indexeddb';
