/**
 * Threshold alerts on the live board, and the list that keeps them: an alert is raised when a
 * threshold is crossed and cleared when the figure is back under it; the list keeps both
 * times so the supervisor sees what happened while they looked away. Pure.
 */
import type { Board } from './board.ts';

/** A threshold left null is off. */
export interface Thresholds {
  /** A service's longest current wait above N minutes. */
  readonly waitMinutes: number | null;
  /** More than M people waiting in a service. */
  readonly waitingCount: number | null;
  /** A counter paused for more than K minutes. */
  readonly pausedMinutes: number | null;
}

export const DEFAULT_THRESHOLDS: Thresholds = { waitMinutes: 20, waitingCount: 15, pausedMinutes: 15 };

export type AlertKind = 'wait' | 'waiting' | 'paused';

export interface Alert {
  readonly kind: AlertKind;
  /** Service code (wait, waiting) or counter code (paused). */
  readonly subject: string;
  /** The figure that crossed the threshold: minutes (wait, paused) or people (waiting). */
  readonly value: number;
  readonly threshold: number;
}

export interface LoggedAlert extends Alert {
  readonly raisedAt: number;
  /** Null while the alert still holds. */
  readonly clearedAt: number | null;
}

const MINUTE = 60_000;

export function activeAlerts(board: Board, thresholds: Thresholds, nowMs: number): Alert[] {
  const out: Alert[] = [];
  for (const s of board.services) {
    const waitMin = Math.floor(s.longestWaitMs / MINUTE);
    if (thresholds.waitMinutes !== null && s.waiting > 0 && waitMin > thresholds.waitMinutes)
      out.push({ kind: 'wait', subject: s.service, value: waitMin, threshold: thresholds.waitMinutes });
    if (thresholds.waitingCount !== null && s.waiting > thresholds.waitingCount)
      out.push({ kind: 'waiting', subject: s.service, value: s.waiting, threshold: thresholds.waitingCount });
  }
  for (const c of board.counters) {
    if (thresholds.pausedMinutes === null || c.pausedSinceMs === null) continue;
    const pausedMin = Math.floor((nowMs - c.pausedSinceMs) / MINUTE);
    if (pausedMin > thresholds.pausedMinutes) out.push({ kind: 'paused', subject: c.counter, value: pausedMin, threshold: thresholds.pausedMinutes });
  }
  return out;
}

const sameAlert = (a: Alert, b: Alert) => a.kind === b.kind && a.subject === b.subject;

/** Newest first; old cleared entries beyond this are dropped. */
export const LOG_LIMIT = 200;

/**
 * The log after this look at the board: open entries still active get their latest figure,
 * open entries no longer active are cleared, new alerts are raised at `nowMs`.
 */
export function updateAlertLog(log: readonly LoggedAlert[], active: readonly Alert[], nowMs: number): LoggedAlert[] {
  const next = log.map((entry): LoggedAlert => {
    if (entry.clearedAt !== null) return entry;
    const still = active.find((a) => sameAlert(a, entry));
    return still ? { ...entry, value: still.value, threshold: still.threshold } : { ...entry, clearedAt: nowMs };
  });
  const raised = active.filter((a) => !next.some((e) => e.clearedAt === null && sameAlert(a, e))).map((a) => ({ ...a, raisedAt: nowMs, clearedAt: null }));
  return [...raised, ...next].slice(0, LOG_LIMIT);
}

/** Reads thresholds stored as JSON; anything malformed falls back to the default, field by field. */
export function parseThresholds(raw: string | null): Thresholds {
  let value: Record<string, unknown> = {};
  try {
    value = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    // a damaged entry: the defaults
  }
  const field = (name: keyof Thresholds): number | null => {
    const v = value?.[name];
    if (v === null) return null;
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : DEFAULT_THRESHOLDS[name];
  };
  return { waitMinutes: field('waitMinutes'), waitingCount: field('waitingCount'), pausedMinutes: field('pausedMinutes') };
}

export function parseAlertLog(raw: string | null): LoggedAlert[] {
  try {
    const value = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(value) ? (value as LoggedAlert[]).filter((e) => typeof e?.kind === 'string' && typeof e.raisedAt === 'number') : [];
  } catch {
    return [];
  }
}
