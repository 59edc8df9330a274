/** Employer by account number (415120), typed at the counter and the cash desk. */
import type { DbKind } from '../validate/problems.ts';

declare function emit(key: unknown, value?: unknown): void;

export const dbs: readonly DbKind[] = ['people'];

export function map(doc: Record<string, unknown>): void {
  if (doc.type === 'person' && doc.kind === 'employer' && typeof doc.accountNumber === 'string') emit(doc.accountNumber, null);
}
