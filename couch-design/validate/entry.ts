/**
 * The two entries to the validator: validateDocUpdate (compiled into each database's
 * validate_doc_update) and validateForWrite (the app's data layer, before every local write,
 * since PouchDB does not run validate_doc_update). Same rules; the app also knows when a
 * write is a creation. This file is the esbuild entry of the ES5 bundle.
 */
import { type AnyDoc, type DbKind, type Problem, type UserCtx, hasPrefix, isObject } from './problems.ts';
import { validateStructure } from './structure.ts';
import { CENTRAL_DB, PEOPLE_DB, REF_DB } from '../databases.ts';
import { validateChange, isDeletion } from './history.ts';
import { isServerAdmin, validatePermission } from './permissions.ts';
import { MAX_DOC_BYTES, validateLimits } from './limits.ts';
import { specOfId, specOfType } from '../types/registry.ts';

export type { AnyDoc, DbKind, Problem, UserCtx } from './problems.ts';
export { validateStructure } from './structure.ts';
export { parseReason, problemsReason } from './reason.ts';

function validate(newDoc: unknown, oldDoc: unknown, user: UserCtx | null | undefined, dbKind: DbKind, creating: boolean): Problem[] {
  if (!isObject(newDoc)) return [{ field: '', code: 'not_object' }];
  // Central is a replica: whatever the server admin replicates in is accepted as is.
  if (dbKind === 'central') return isServerAdmin(user) ? [] : [{ field: '_id', code: 'forbidden_role' }];
  const id = newDoc._id;
  if (typeof id === 'string' && hasPrefix(id, '_design/'))
    return isServerAdmin(user) ? [] : [{ field: '_id', code: 'forbidden_role' }];

  // Size first, for tombstones too: a bounded walk before anything reads the content.
  const spec = specOfType(newDoc.type) || specOfId(id);
  const limits = validateLimits(newDoc, spec ? spec.maxBytes : MAX_DOC_BYTES);
  if (limits.length) return limits;
  const structure = isDeletion(newDoc) ? [] : validateStructure(newDoc, dbKind);
  if (structure.length) return structure;
  const change = validateChange(newDoc as AnyDoc, oldDoc, creating);
  if (change.length) return change;
  return validatePermission(newDoc as AnyDoc, oldDoc, user, dbKind, creating);
}

/** As CouchDB calls it. `oldDoc` may be null for a creation or a replicated revision. */
export function validateDocUpdate(newDoc: unknown, oldDoc: unknown, userCtx: UserCtx | null | undefined, dbKind: DbKind): Problem[] {
  return validate(newDoc, oldDoc, userCtx, dbKind, false);
}

/**
 * For the app before it writes locally: `oldDoc` null means a creation for sure, which is
 * stricter (e.g. a cash session must be created open).
 */
export function validateForWrite(newDoc: unknown, oldDoc: unknown, userCtx: UserCtx, dbKind: DbKind): Problem[] {
  return validate(newDoc, oldDoc, userCtx, dbKind, oldDoc == null);
}

/** The kind of a database by its name (fo_ref, fo_people, fo_branch_<code>, fo_scans_<code>, fo_central); null otherwise. */
export function dbKindOf(dbName: string): DbKind | null {
  if (dbName === REF_DB) return 'ref';
  if (dbName === PEOPLE_DB) return 'people';
  if (dbName === CENTRAL_DB) return 'central';
  if (hasPrefix(dbName, 'fo_scans_')) return 'scans';
  return hasPrefix(dbName, 'fo_branch_') ? 'branch' : null;
}
