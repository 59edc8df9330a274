/** Activity per day, service and action (issued, called, done …): key [day, service, action], `_count`. */
import type { DbKind } from '../validate/problems.ts';

declare function emit(key: unknown, value?: unknown): void;

export const dbs: readonly DbKind[] = ['branch', 'central'];
export const reduce = '_count';

export function map(doc: Record<string, unknown>): void {
  if (doc.type === 'visit_event') emit([doc.day, doc.service, doc.action], null);
}
