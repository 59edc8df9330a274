/**
 * The validate hook every local write goes through. Wire the shared contract here
 * (one line) when couch-design exports it:
 *   export const validateWrite: ValidateHook = (doc, ctx) => validateForWrite(doc, ctx.previous, ctx.user);
 */
import { acceptAll, type ValidateHook } from './docs.ts';

export const validateWrite: ValidateHook = acceptAll;
