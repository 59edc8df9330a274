/**
 * The validate hook every local write goes through: the same contract validator that CouchDB
 * runs as validate_doc_update, so a write the server would refuse is refused here first.
 * Fetched on the first write, not with the data layer: the validators of every document type
 * are ~8 KB gzipped that no screen needs before it writes (issue 15, docs/ARCHITECTURE.md
 * "First load"); the chunk is precached, so an offline first write finds it too.
 */
import type { ValidateHook } from './docs.ts';

let validator: Promise<typeof import('../../couch-design/validate/entry.ts')> | undefined;

/**
 * Fetches the validators now (the data layer asks right after the first screen): a device that
 * goes offline before its first write, with no service worker yet, must still be able to
 * write. A failed fetch is forgotten, so the next write tries again.
 */
export function loadValidator(): Promise<typeof import('../../couch-design/validate/entry.ts')> {
  validator ??= import('../../couch-design/validate/entry.ts').catch((error: unknown) => {
    validator = undefined;
    throw error;
  });
  return validator;
}

export const validateWrite: ValidateHook = async (doc, ctx) => {
  const { dbKindOf, validateForWrite } = await loadValidator();
  const kind = dbKindOf(ctx.db);
  if (!kind) return [{ field: '_id', code: 'wrong_db' }];
  return validateForWrite(doc, ctx.previous, { name: ctx.user.name, roles: [...ctx.user.roles] }, kind);
};
