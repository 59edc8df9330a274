/** Building Figures (report-types.ts) from view rows. Pure. */
import { type DurationStats, type Figures, WAIT_BANDS_MIN } from './report-types.ts';

export function emptyStats(): DurationStats {
  return { count: 0, sum: 0, min: 0, max: 0 };
}

export function emptyFigures(): Figures {
  return {
    issued: 0,
    served: 0,
    noShow: 0,
    transferred: 0,
    abandoned: 0,
    wait: emptyStats(),
    service: emptyStats(),
    withinTarget: 0,
    waitBands: new Array<number>(WAIT_BANDS_MIN.length + 1).fill(0),
    busyMs: 0,
    idleMs: 0,
  };
}

/** Positions in the visit_stats value vector (see couch-design/views/visit-stats.ts). */
const ISSUED = 0;
const SERVED = 1;
const NO_SHOW = 2;
const TRANSFERRED = 3;
const ABANDONED = 4;
const WITHIN_TARGET = 5;
const FIRST_BAND = 6;
const BUSY = 11;
const IDLE = 12;

/** Adds one visit_stats row value. */
export function addCounts(f: Figures, v: readonly number[]): void {
  f.issued += v[ISSUED] ?? 0;
  f.served += v[SERVED] ?? 0;
  f.noShow += v[NO_SHOW] ?? 0;
  f.transferred += v[TRANSFERRED] ?? 0;
  f.abandoned += v[ABANDONED] ?? 0;
  f.withinTarget += v[WITHIN_TARGET] ?? 0;
  for (let b = 0; b < f.waitBands.length; b++) f.waitBands[b]! += v[FIRST_BAND + b] ?? 0;
  f.busyMs += v[BUSY] ?? 0;
  f.idleMs += v[IDLE] ?? 0;
}

/** Merges a `_stats` result (count, sum, min, max) into `into`; an empty side has no min/max. */
export function addStats(into: DurationStats, s: DurationStats): void {
  if (s.count === 0) return;
  into.min = into.count === 0 ? s.min : Math.min(into.min, s.min);
  into.max = into.count === 0 ? s.max : Math.max(into.max, s.max);
  into.count += s.count;
  into.sum += s.sum;
}
