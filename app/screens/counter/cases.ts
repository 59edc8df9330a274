/** Which of a person's cases the counter lists as "open", and how each status reads (pure). */
import type { Case, CaseStatus } from '../../../couch-design/types/case.ts';
import type { Tone } from '../../ui/StatusChip.tsx';

/** Still in progress: paid, closed and rejected cases are history, not what the visitor comes about. */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['open', 'pending_documents', 'in_review', 'approved'];

/** The open cases, most recently updated first. */
export function openCases<T extends Pick<Case, 'status' | 'updatedAt'>>(cases: readonly T[]): T[] {
  return cases.filter((c) => OPEN_CASE_STATUSES.includes(c.status)).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

/** The chip colour of a status: waiting for the visitor's documents needs attention. */
export function caseTone(status: CaseStatus): Tone {
  return status === 'pending_documents' ? 'warn' : status === 'approved' ? 'ok' : 'info';
}
