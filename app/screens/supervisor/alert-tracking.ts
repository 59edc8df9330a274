/**
 * Thresholds and the alert list of one supervisor on this device, kept in localStorage.
 *
 * Why localStorage and not a settings document: thresholds are how one supervisor wants to be
 * warned on their own tablet, not a branch rule; `settings:*` documents live in fo_ref, which
 * only admins write, and the branch database has no settings type (adding one means a contract,
 * validator and replication change for a screen preference). The list is per day: it is the
 * day's record the supervisor reads back after looking away, and survives a reload.
 */
import { createEffect, createSignal, on, untrack, type Accessor } from 'solid-js';
import { activeAlerts, parseAlertLog, parseThresholds, updateAlertLog, type Alert, type LoggedAlert, type Thresholds } from '../../stats/alerts.ts';
import type { Board } from '../../stats/board.ts';

export interface AlertTracking {
  readonly thresholds: Accessor<Thresholds>;
  setThresholds(value: Thresholds): void;
  readonly active: Accessor<Alert[]>;
  readonly log: Accessor<LoggedAlert[]>;
  clear(): void;
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: unknown) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or refused: the alerts still show, they just do not survive a reload
  }
}

export function createAlertTracking(user: string, branch: string, day: Accessor<string>, board: Accessor<Board>, now: Accessor<number>): AlertTracking {
  const thresholdKey = `fo.supervisor.thresholds.${user}.${branch}`;
  const logKey = () => `fo.supervisor.alerts.${user}.${branch}.${day()}`;
  const [thresholds, setThresholdSignal] = createSignal(parseThresholds(read(thresholdKey)));
  const [log, setLog] = createSignal<LoggedAlert[]>(parseAlertLog(read(logKey())));
  const active = () => activeAlerts(board(), thresholds(), now());
  createEffect(on(day, () => setLog(parseAlertLog(read(logKey()))), { defer: true }));
  // Tracks the board, thresholds and clock only: the log is read untracked.
  createEffect(() => {
    const current = active();
    setLog(updateAlertLog(untrack(log), current, untrack(now)));
  });
  createEffect(() => write(logKey(), log()));
  return {
    thresholds,
    setThresholds(value) {
      write(thresholdKey, value);
      setThresholdSignal(value);
    },
    active,
    log,
    clear: () => setLog(log().filter((e) => e.clearedAt === null)),
  };
}
