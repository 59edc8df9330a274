/**
 * The cash day journal: one row per document number, key [day, branch, counter, number],
 * value the entry's signed effect (receipt +, payment −, reversal the opposite of what it
 * reverses, void 0; app/cash/totals.ts `effect`). `_sum`: reduce=false with include_docs gives
 * a desk's day in number order; group_level 3 the day's total per branch and desk (head office).
 */
import type { DbKind } from '../validate/problems.ts';

declare function emit(key: unknown, value?: unknown): void;

export const dbs: readonly DbKind[] = ['branch', 'central'];
export const reduce = '_sum';

export function map(doc: Record<string, unknown>): void {
  if (doc.type !== 'cash_entry') return;
  var amount = doc.kind === 'void' || typeof doc.amount !== 'number' ? 0 : doc.amount;
  var sign = (doc.kind === 'receipt' ? 1 : -1) * (doc.category === 'reversal' ? -1 : 1);
  emit([doc.day, doc.branch, doc.counter, doc.number], sign * amount);
}
