/** Structural validation: shape, required fields, id matches content. Needs no user. */
import { type AnyDoc, type DbKind, type Problem, isObject } from './problems.ts';
import { specOfType } from '../types/registry.ts';

/** Problems with one document's content, or [] when it is well-formed for database `dbKind`. */
export function validateStructure(doc: unknown, dbKind?: DbKind): Problem[] {
  if (!isObject(doc)) return [{ field: '', code: 'not_object' }];
  const spec = specOfType(doc.type);
  if (!spec) return [{ field: 'type', code: doc.type == null ? 'required' : 'unknown_type' }];
  // fo_central holds copies of branch documents.
  const home = dbKind === 'central' ? 'branch' : dbKind;
  if (home !== undefined && spec.db !== home) return [{ field: 'type', code: 'wrong_db' }];
  if (typeof doc._id !== 'string' || doc._id.length === 0) return [{ field: '_id', code: 'required' }];
  return spec.validate(doc as AnyDoc);
}
