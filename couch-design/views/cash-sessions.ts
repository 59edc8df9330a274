/**
 * Cash sessions by state: key [state, branch, counter, seq], value [cashier, day, variance
 * (null until counted)]. ['open'] finds the open tills (one per desk and per cashier);
 * ['counted'] those waiting for a supervisor's sign-off; ['closed'] with a variance ≠ 0 the
 * sessions head office looks at.
 */
import type { DbKind } from '../validate/problems.ts';

declare function emit(key: unknown, value?: unknown): void;

export const dbs: readonly DbKind[] = ['branch', 'central'];

export function map(doc: Record<string, unknown>): void {
  if (doc.type !== 'cash_session') return;
  emit([doc.state, doc.branch, doc.counter, doc.seq], [doc.cashier, doc.day, typeof doc.variance === 'number' ? doc.variance : null]);
}
