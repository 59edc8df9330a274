/** The PouchDB plugins outside the first load (app/data/pouch.ts says when they are fetched). */
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';
import MapReduce from 'pouchdb-mapreduce';
import Find from 'pouchdb-find';

export function registerPlugins(PouchDB: PouchDB.Static): void {
  PouchDB.plugin(HttpAdapter).plugin(Replication).plugin(MapReduce).plugin(Find);
}
