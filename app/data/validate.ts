/**
 * The validate hook every local write goes through: the same contract validator that CouchDB
 * runs as validate_doc_update, so a write the server would refuse is refused here first.
 */
import { dbKindOf, validateForWrite } from '../../couch-design/validate/entry.ts';
import type { ValidateHook } from './docs.ts';

export const validateWrite: ValidateHook = (doc, ctx) => {
  const kind = dbKindOf(ctx.db);
  if (!kind) return [{ field: '_id', code: 'wrong_db' }];
  return validateForWrite(doc, ctx.previous, { name: ctx.user.name, roles: [...ctx.user.roles] }, kind);
};
