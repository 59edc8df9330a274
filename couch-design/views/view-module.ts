/**
 * What a view module exports. A view is one file in this folder (kebab-case file name, the
 * view is named in snake_case): the build finds it, so adding a view is a one-file change.
 *
 * `map` is turned into a string with Function.prototype.toString after lowering to ES5, so it
 * must be self-contained: no imports, no outer constants, no ES2015+ library calls.
 */
import type { DbKind } from '../validate/problems.ts';

export type BuiltInReduce = '_count' | '_sum' | '_stats';

export interface ViewModule {
  map: (doc: Record<string, unknown>) => void;
  reduce?: BuiltInReduce;
  /** The databases whose design document carries this view. */
  dbs: readonly DbKind[];
}
