/** Queue board and waiting counts: key [day, service, state], `_count` (group_level 2 or 3). */
import type { DbKind } from '../validate/problems.ts';

declare function emit(key: unknown, value?: unknown): void;

export const dbs: readonly DbKind[] = ['branch', 'central'];
export const reduce = '_count';

export function map(doc: Record<string, unknown>): void {
  if (doc.type === 'ticket') emit([doc.day, doc.service, doc.state], null);
}
