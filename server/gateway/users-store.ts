/**
 * What `/api/users` reads and writes, with the server admin's client (never the browser's):
 * `_users` documents, the branches of `fo_ref`, and the last sign-ins.
 *
 * Last sign-ins live in their own database `fo_signins` (one document per user, admin-only
 * `_security`, not in the gateway's allowlist), not in `_users`: branch servers pull `_users`
 * one way from head office, so a branch writing its copy at each sign-in would fork it and
 * could lose the administrator's next edit in the conflict.
 */
import type Nano from 'nano';
import { REF_DB } from '../../couch-design/databases.ts';
import { ensureDb, getOrNull, statusOf, type Couch } from '../provision/couch-client.ts';

export const SIGNINS_DB = 'fo_signins';

export interface UserDoc {
  _id: string;
  _rev?: string;
  type: 'user';
  name: string;
  roles: string[];
  displayName?: string;
  password?: string;
  [key: string]: unknown;
}

export interface UserStore {
  list(): Promise<UserDoc[]>;
  get(name: string): Promise<UserDoc | null>;
  /** Creates the document; false when the name exists already. */
  create(doc: UserDoc): Promise<boolean>;
  /** Writes an edited document read with `get` (its `_rev`); false on a conflict. */
  update(doc: UserDoc): Promise<boolean>;
  branches(): Promise<{ code: string; name: string }[]>;
  lastSignIns(): Promise<Map<string, string>>;
  recordSignIn(name: string, at: string): Promise<void>;
}

export const userDocId = (name: string): string => `org.couchdb.user:${name}`;

export function couchUserStore(couch: Couch): UserStore {
  const users = couch.use<UserDoc>('_users');
  const signIns = couch.use<{ at: string }>(SIGNINS_DB);
  let signInsReady: Promise<void> | null = null;
  const ensureSignIns = () =>
    (signInsReady ??= (async () => {
      await ensureDb(couch, SIGNINS_DB);
      // The server alone reads it: no member role a user could hold.
      await couch.request({ db: SIGNINS_DB, path: '_security', method: 'PUT', body: { admins: { names: [], roles: [] }, members: { names: [], roles: ['_admin'] } } });
    })().catch((err: unknown) => {
      signInsReady = null;
      throw err;
    }));
  const write = async (doc: UserDoc): Promise<boolean> => {
    try {
      await users.insert(doc);
      return true;
    } catch (err) {
      if (statusOf(err) === 409) return false;
      throw err;
    }
  };
  return {
    async list() {
      const rows = await users.list({ include_docs: true, startkey: 'org.couchdb.user:', endkey: 'org.couchdb.user:\ufff0' });
      return rows.rows.map((r) => r.doc).filter((d): d is UserDoc & Nano.DocumentGetResponse => !!d && d.type === 'user');
    },
    get: (name) => getOrNull(users, userDocId(name)),
    create: (doc) => write(doc),
    update: (doc) => write(doc),
    async branches() {
      const rows = await couch.use<{ type?: string; code?: string; name?: string }>(REF_DB).list({ include_docs: true, startkey: 'branch:', endkey: 'branch:\ufff0' });
      return rows.rows.flatMap((r) => (r.doc?.type === 'branch' && typeof r.doc.code === 'string' ? [{ code: r.doc.code, name: r.doc.name ?? r.doc.code }] : []));
    },
    async lastSignIns() {
      await ensureSignIns();
      const rows = await signIns.list({ include_docs: true });
      return new Map(rows.rows.flatMap((r) => (r.doc ? [[r.id, r.doc.at] as [string, string]] : [])));
    },
    async recordSignIn(name, at) {
      await ensureSignIns();
      // Two sign-ins at once: the later write wins after one retry, and either time is right.
      for (let attempt = 0; attempt < 2; attempt++) {
        const old = await getOrNull(signIns, name);
        try {
          await signIns.insert({ _id: name, ...(old ? { _rev: old._rev } : {}), at });
          return;
        } catch (err) {
          if (statusOf(err) !== 409) throw err;
        }
      }
    },
  };
}
