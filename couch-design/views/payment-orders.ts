/**
 * Payment orders by state and beneficiary: key [state, beneficiary, authorisedAt]. The cash
 * desk lists ['authorised', person] to pay; ['paid'] with _conflicts shows a double payment.
 */
import type { DbKind } from '../validate/problems.ts';

declare function emit(key: unknown, value?: unknown): void;

export const dbs: readonly DbKind[] = ['branch', 'central'];
export const reduce = '_count';

export function map(doc: Record<string, unknown>): void {
  if (doc.type === 'payment_order') emit([doc.state, doc.beneficiary, doc.authorisedAt], doc.amount);
}
