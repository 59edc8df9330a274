import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, type Problem, isInt } from '../validate/problems.ts';
import { BRANCH_CODE_PATTERN, splitId } from '../ids/codes.ts';
import { isCountVector, isStats } from './stats-day.ts';

export const STATS_MONTH = 'stats_month';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/*
 * Two row sets, each the month's daily rows summed over what a report does not need from it:
 * by day without the hour (the total, the days and every dimension), and by hour without the
 * day (the hours). Reports filter on service, counter and agent, which both keep, so either set
 * filtered gives the right figures. Since a year report reads them all, bytes are its cost: a
 * row carries the counts and both durations of its key (three view rows in one), and names its
 * service, counter and agent by their index in `combos`, listed once per document.
 */
/** `_stats` as [count, sum, min, max] (as in stats-day.ts); 0 when the key has no such duration. */
export type MonthStats = [count: number, sum: number, min: number, max: number] | 0;
/**
 * [dayOfMonth (1–31) or hour (0–23), index in `combos`, visit_stats count vector (no trailing
 * zeros), wait, service].
 */
export type MonthRow = [period: number, combo: number, counts: number[], wait: MonthStats, service: MonthStats];

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
  /** Every [service, counter, agent] of the rows, once. */
  combos: [service: string, counter: string, agent: string][];
  /** By day of the month, summed over the hours. */
  days: MonthRow[];
  /** By hour, summed over the days. */
  hours: MonthRow[];
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

function isCombo(v: unknown): boolean {
  return Array.isArray(v) && v.length === 3 && typeof v[0] === 'string' && typeof v[1] === 'string' && typeof v[2] === 'string';
}

function checkList(c: Checker, field: string, bad: (item: unknown) => boolean): void {
  const items = c.doc[field];
  if (items === undefined || items === null) return c.add(field, 'required');
  if (!Array.isArray(items)) return c.add(field, 'not_array');
  for (let i = 0; i < items.length; i++) if (bad(items[i])) return c.add(field + '.' + i, 'bad_format');
}

function badRow(row: unknown, maxPeriod: number, combos: number): boolean {
  if (!Array.isArray(row) || row.length !== 5) return true;
  const [period, combo, counts, wait, service] = row as unknown[];
  if (!isInt(period) || period < 0 || period > maxPeriod || !isInt(combo) || combo < 0 || combo >= combos) return true;
  return !isCountVector(counts) || !(wait === 0 || isStats(wait)) || !(service === 0 || isStats(service));
}

export function validateStatsMonth(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const branch = c.str('branch', { pattern: BRANCH_CODE_PATTERN });
  const month = c.str('month', { pattern: MONTH });
  c.instant('computedAt');
  checkList(c, 'combos', (v) => !isCombo(v));
  const combos = Array.isArray(doc.combos) ? doc.combos.length : 0;
  checkList(c, 'days', (row) => badRow(row, 31, combos));
  checkList(c, 'hours', (row) => badRow(row, 23, combos));
  c.id(branch !== undefined && month !== undefined ? statsMonthId(month, branch) : undefined);
  return c.problems;
}
