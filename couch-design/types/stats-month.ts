import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, type Problem } from '../validate/problems.ts';
import { BRANCH_CODE_PATTERN, splitId } from '../ids/codes.ts';
import { checkRows, isCountVector, isStats } from './stats-day.ts';

export const STATS_MONTH = 'stats_month';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/*
 * Two row sets, each the month's daily rows summed over what a report does not need from it:
 * by day without the hour (the total, the days and every dimension), and by hour without the
 * day (the hours). Reports filter on service, counter and agent, which both keys keep, so
 * either set filtered gives the right figures. Compact as in stats-day.ts; the day is the day
 * of the month (1–31), since the document carries the month.
 */
/** [dayOfMonth, service, counter, agent] → count vector (visit_stats, summed over the hours). */
export type MonthDayStatsRow = [key: [dayOfMonth: number, service: string, counter: string, agent: string], value: number[]];
/** [dayOfMonth, service, counter, agent, 'wait' | 'service'] → [count, sum, min, max]. */
export type MonthDayDurationRow = [key: [dayOfMonth: number, service: string, counter: string, agent: string, kind: string], value: [number, number, number, number]];
/** [service, counter, agent, hour] → count vector (summed over the days of the month). */
export type MonthHourStatsRow = [key: [service: string, counter: string, agent: string, hour: number], value: number[]];
/** [service, counter, agent, hour, 'wait' | 'service'] → [count, sum, min, max]. */
export type MonthHourDurationRow = [key: [service: string, counter: string, agent: string, hour: number, kind: string], value: [number, number, number, number]];

/**
 * One branch's closed month of statistics, summed from its daily roll-ups (`stats_day`) by the
 * server job (server/jobs/stats-rollup.ts) once every day of the month is closed and rolled up,
 * and recomputed when one of them is rewritten (a late event). A year report then reads twelve
 * of these instead of 365 daily ones. Written by the server only.
 */
export interface StatsMonth extends BaseDoc {
  type: typeof STATS_MONTH;
  branch: string;
  /** `YYYY-MM` in the branch calendar. */
  month: string;
  stats: MonthDayStatsRow[];
  durations: MonthDayDurationRow[];
  hourStats: MonthHourStatsRow[];
  hourDurations: MonthHourDurationRow[];
  computedAt: string;
}

/** `statsmonth:<month>:<branch>`: a run of months is one `_all_docs` id range, every branch included. */
export function statsMonthId(month: string, branch: string): string {
  return 'statsmonth:' + month + ':' + branch;
}

export function parseStatsMonthId(id: unknown): { month: string; branch: string } | null {
  const p = splitId(id, 'statsmonth', 2);
  if (!p || !MONTH.test(p[0]!) || !BRANCH_CODE_PATTERN.test(p[1]!)) return null;
  return { month: p[0]!, branch: p[1]! };
}

export function validateStatsMonth(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const branch = c.str('branch', { pattern: BRANCH_CODE_PATTERN });
  const month = c.str('month', { pattern: MONTH });
  c.instant('computedAt');
  checkRows(c, 'stats', 'isss', isCountVector);
  checkRows(c, 'durations', 'issss', isStats);
  checkRows(c, 'hourStats', 'sssi', isCountVector);
  checkRows(c, 'hourDurations', 'sssis', isStats);
  c.id(branch !== undefined && month !== undefined ? statsMonthId(month, branch) : undefined);
  return c.problems;
}
