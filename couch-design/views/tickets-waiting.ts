/**
 * The waiting line of each queue, in calling order within a service: key
 * [day, service, priority ? 0 : 1, front ? 0 : 1, queuedAt]. Counters read the head of each
 * queue they serve (limit) and rank the candidates with app/queue/ranking.ts.
 */
import type { DbKind } from '../validate/problems.ts';

declare function emit(key: unknown, value?: unknown): void;

export const dbs: readonly DbKind[] = ['branch'];

export function map(doc: Record<string, unknown>): void {
  if (doc.type === 'ticket' && doc.state === 'waiting')
    emit([doc.day, doc.service, doc.priority ? 0 : 1, doc.front ? 0 : 1, doc.queuedAt || doc.issuedAt], null);
}
