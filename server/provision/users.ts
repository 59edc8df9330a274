import type { Couch } from './couch-client.ts';
import { getOrNull } from './couch-client.ts';
import { MUST_CHANGE_PASSWORD_ROLE } from '../../app/admin/account-flags.ts';

export interface UserSpec {
  name: string;
  password: string;
  roles: string[];
}

const userId = (name: string) => `org.couchdb.user:${name}`;

/** Creates the users that do not exist yet; an existing user (and a changed password) is left alone. */
export async function ensureUsers(couch: Couch, users: readonly UserSpec[]): Promise<string[]> {
  const db = couch.use<Record<string, unknown>>('_users');
  const created: string[] = [];
  for (const u of users) {
    if (await getOrNull(db, userId(u.name))) continue;
    await db.insert({ _id: userId(u.name), name: u.name, type: 'user', roles: u.roles, password: u.password });
    created.push(u.name);
  }
  return created;
}

export async function deleteUsers(couch: Couch, names: readonly string[]): Promise<void> {
  const db = couch.use<Record<string, unknown>>('_users');
  for (const name of names) {
    const doc = await getOrNull(db, userId(name));
    if (doc) await db.destroy(doc._id, doc._rev);
  }
}

/**
 * A user's own new password; roles and everything else stay as they are (the engine hashes
 * it), except the administrator's "must change at next sign-in", which this fulfils.
 */
export async function setPassword(couch: Couch, name: string, password: string): Promise<void> {
  const db = couch.use<Record<string, unknown>>('_users');
  const doc = await getOrNull(db, userId(name));
  if (!doc) throw new Error(`no user ${name}`);
  const roles = Array.isArray(doc.roles) ? (doc.roles as string[]).filter((r) => r !== MUST_CHANGE_PASSWORD_ROLE) : doc.roles;
  await db.insert({ ...doc, roles, password });
}
