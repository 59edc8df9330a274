import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, DAY, type Problem, isInt } from '../validate/problems.ts';
import { BRANCH_CODE_PATTERN, splitId } from '../ids/codes.ts';
import { checkBranchDay, type BranchFields } from './branch-common.ts';

export const STATS_DAY = 'stats_day';

/*
 * Rows are stored compact, since a year report reads them all (bytes are its cost): the key
 * without the day and branch the document carries, count vectors without trailing zeros, and
 * `_stats` as [count, sum, min, max] (no sumsqr: reports do not use it).
 */
/** A `visit_stats` row at group_level 6: [service, counter, agent, hour] → count vector. */
export type StatsRow = [key: [service: string, counter: string, agent: string, hour: number], value: number[]];
/** A `visit_durations` row at group_level 7: [service, counter, agent, hour, 'wait' | 'service'] → [count, sum, min, max]. */
export type DurationRow = [key: [service: string, counter: string, agent: string, hour: number, kind: string], value: [count: number, sum: number, min: number, max: number]];

/**
 * One branch's closed day of statistics, pre-aggregated (server/jobs/stats-rollup.ts): the rows
 * the two statistics views give for that day and branch, so a month or a year report reads a
 * few hundred of these instead of every index row of the period (the embedded engine reduces at
 * query time). Written by the server only, recomputed when a late event reaches its day; a day
 * without activity has one too (empty rows), so the days a report can take from roll-ups are one
 * contiguous run.
 */
export interface StatsDay extends BaseDoc, BranchFields {
  type: typeof STATS_DAY;
  stats: StatsRow[];
  durations: DurationRow[];
  computedAt: string;
}

/** `statsday:<day>:<branch>`: a period is one `_all_docs` id range, every branch included. */
export function statsDayId(day: string, branch: string): string {
  return 'statsday:' + day + ':' + branch;
}

export function parseStatsDayId(id: unknown): { day: string; branch: string } | null {
  const p = splitId(id, 'statsday', 2);
  if (!p || !DAY.test(p[0]!) || !BRANCH_CODE_PATTERN.test(p[1]!)) return null;
  return { day: p[0]!, branch: p[1]! };
}

/** A row is [key, value]; `key` spells the key's shape, one letter a position: `s` a string, `i` an integer (the hour). */
function badRow(row: unknown, key: string, value: (v: unknown) => boolean): boolean {
  if (!Array.isArray(row) || row.length !== 2) return true;
  const k: unknown = row[0];
  if (!Array.isArray(k) || k.length !== key.length) return true;
  for (let i = 0; i < key.length; i++) if (key.charAt(i) === 'i' ? !isInt(k[i]) : typeof k[i] !== 'string') return true;
  return !value(row[1]);
}

/** Shared with the monthly roll-ups (stats-month.ts). */
export function isCountVector(v: unknown): boolean {
  if (!Array.isArray(v) || v.length > 13) return false;
  for (let i = 0; i < v.length; i++) if (!isInt(v[i])) return false;
  return true;
}

export function isStats(v: unknown): boolean {
  if (!Array.isArray(v) || v.length !== 4 || !isInt(v[0])) return false;
  for (let i = 1; i < 4; i++) if (typeof v[i] !== 'number') return false;
  return true;
}

function checkRows(c: Checker, field: string, key: string, value: (v: unknown) => boolean): void {
  const rows = c.doc[field];
  if (rows === undefined || rows === null) return c.add(field, 'required');
  if (!Array.isArray(rows)) return c.add(field, 'not_array');
  for (let i = 0; i < rows.length; i++) if (badRow(rows[i], key, value)) return c.add(field + '.' + i, 'bad_format');
}

export function validateStatsDay(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { branch, day } = checkBranchDay(c);
  c.instant('computedAt');
  checkRows(c, 'stats', 'sssi', isCountVector);
  checkRows(c, 'durations', 'sssis', isStats);
  c.id(branch !== undefined && day !== undefined ? statsDayId(day, branch) : undefined);
  return c.problems;
}
