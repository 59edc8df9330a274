/**
 * Statistics counts and time sums, one row per visit or counter event: key
 * [day, branch, service, counter, agent, hour] ('' when the event has no service or counter),
 * value a vector added up by `_sum`, in this order (app/stats/stat-rows.ts reads it):
 *
 *   0 issued (issued, or a walk-in served at once)   6–10 calls per waiting band
 *   1 served (done)    2 no_show    3 transferred         (0–5, 5–10, 10–20, 20–30, 30+ min)
 *   4 abandoned (closed at end of day)                 11 busyMs  12 idleMs (counter events)
 *   5 calls within the service's target wait
 *
 * One key holds every dimension, so a report reads each event of its period once (the embedded
 * engine reduces at query time: rows read are the cost) and filters and groups the
 * group_level 6 rows itself. Hour: the event's `hour`, else the UTC hour of `at`.
 */
import type { DbKind } from '../validate/problems.ts';

declare function emit(key: unknown, value?: unknown): void;

export const dbs: readonly DbKind[] = ['branch', 'central'];
export const reduce = '_sum';

export function map(doc: Record<string, unknown>): void {
  var v = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  var service = '';
  if (doc.type === 'visit_event') {
    var d = (doc.details || {}) as Record<string, unknown>;
    var a = doc.action;
    if (a === 'issued' || (a === 'serving' && d.walkIn === true)) v[0] = 1;
    else if (a === 'done') v[1] = 1;
    else if (a === 'no_show') v[2] = 1;
    else if (a === 'transferred') v[3] = 1;
    else if (a === 'closed') v[4] = 1;
    else if (a === 'called' && typeof d.waitMs === 'number') {
      var w = d.waitMs;
      if (d.withinTarget === true) v[5] = 1;
      v[w < 300000 ? 6 : w < 600000 ? 7 : w < 1200000 ? 8 : w < 1800000 ? 9 : 10] = 1;
    } else return;
    service = doc.service as string;
  } else if (doc.type === 'counter_event') {
    if (!doc.busyMs && !doc.idleMs) return;
    v[11] = doc.busyMs as number;
    v[12] = doc.idleMs as number;
  } else return;
  var hour = typeof doc.hour === 'number' ? doc.hour : parseInt(String(doc.at).substring(11, 13), 10);
  emit([doc.day, doc.branch, service, doc.counter || '', doc.agent, hour], v);
}
