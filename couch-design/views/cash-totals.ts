/**
 * Cash totals by means of payment and category: key [day, branch, counter, session, means,
 * category], value [signed effect, 1] summed by `_sum`. group_level 3: a desk's day; level 4:
 * one session (its cash row plus the opening float is the expected drawer); level 5/6: by means
 * and category for the journal's and the Z report's totals. Voids count with means ''.
 */
import type { DbKind } from '../validate/problems.ts';

declare function emit(key: unknown, value?: unknown): void;

export const dbs: readonly DbKind[] = ['branch', 'central'];
export const reduce = '_sum';

export function map(doc: Record<string, unknown>): void {
  if (doc.type !== 'cash_entry') return;
  var amount = doc.kind === 'void' || typeof doc.amount !== 'number' ? 0 : doc.amount;
  var sign = (doc.kind === 'receipt' ? 1 : -1) * (doc.category === 'reversal' ? -1 : 1);
  emit([doc.day, doc.branch, doc.counter, doc.session, doc.means || '', doc.category], [sign * amount, 1]);
}
