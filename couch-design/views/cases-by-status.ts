/** Back-office worklists and counts: key [status, kind, updatedAt], `_count` (group_level 1 or 2). */
import type { DbKind } from '../validate/problems.ts';

declare function emit(key: unknown, value?: unknown): void;

export const dbs: readonly DbKind[] = ['people'];
export const reduce = '_count';

export function map(doc: Record<string, unknown>): void {
  if (doc.type === 'case') emit([doc.status, doc.kind, doc.updatedAt], null);
}
