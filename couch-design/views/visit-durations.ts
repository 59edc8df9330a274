/**
 * Waiting and service times for `_stats` (count, sum, min, max): key
 * [day, branch, service, counter, agent, hour, 'wait' | 'service'], value the duration in ms,
 * from the `called` (details.waitMs) and `done` (details.serviceMs) events. Same key as
 * visit_stats plus the kind, so a report reads both views the same way (group_level 7).
 */
import type { DbKind } from '../validate/problems.ts';

declare function emit(key: unknown, value?: unknown): void;

export const dbs: readonly DbKind[] = ['branch', 'central'];
export const reduce = '_stats';

export function map(doc: Record<string, unknown>): void {
  if (doc.type !== 'visit_event' || !doc.details) return;
  var d = doc.details as Record<string, unknown>;
  var kind: string;
  var ms: unknown;
  if (doc.action === 'called') {
    kind = 'wait';
    ms = d.waitMs;
  } else if (doc.action === 'done') {
    kind = 'service';
    ms = d.serviceMs;
  } else return;
  if (typeof ms !== 'number') return;
  var hour = typeof doc.hour === 'number' ? doc.hour : parseInt(String(doc.at).substring(11, 13), 10);
  emit([doc.day, doc.branch, doc.service, doc.counter || '', doc.agent, hour, kind], ms);
}
