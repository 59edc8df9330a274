/**
 * The requests worklist (issue 11): mine or the team's, filtered by status, by due date with
 * overdue ones marked. Pure.
 */
import type { BackofficeRequest, RequestStatus } from '../../couch-design/types/backoffice-request.ts';
import { normalizeRequest } from './requests.ts';

/** `open`: everything not closed (the default: what is left to do). */
export type StatusFilter = 'open' | 'all' | RequestStatus;

export interface WorklistFilter {
  who: 'mine' | 'team';
  status: StatusFilter;
}

export interface WorkItem<T extends BackofficeRequest = BackofficeRequest> {
  request: T;
  overdue: boolean;
}

/** Past its due date and not yet answered: answering is what the due date asks for. */
export function isOverdue(r: Pick<BackofficeRequest, 'status' | 'dueDate'>, today: string): boolean {
  return r.status !== 'answered' && r.status !== 'closed' && r.dueDate < today;
}

export function worklist<T extends BackofficeRequest>(requests: readonly T[], filter: WorklistFilter, agent: string, today: string): WorkItem<T>[] {
  const wanted = (r: T) =>
    (filter.who === 'team' || r.assignee === agent) &&
    (filter.status === 'all' || (filter.status === 'open' ? r.status !== 'closed' : r.status === filter.status));
  return requests
    .map((r) => normalizeRequest(r))
    .filter(wanted)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.requestedAt < b.requestedAt ? -1 : a.requestedAt > b.requestedAt ? 1 : a._id < b._id ? -1 : 1))
    .map((r) => ({ request: r, overdue: isOverdue(r, today) }));
}
