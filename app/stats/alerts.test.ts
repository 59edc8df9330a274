import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, activeAlerts, parseAlertLog, parseThresholds, updateAlertLog, type Alert } from './alerts.ts';
import type { Board, CounterRow, ServiceRow } from './board.ts';

const MIN = 60_000;
const service = (code: string, waiting: number, longestMin: number): ServiceRow => ({
  service: code, waiting, longestWaitMs: longestMin * MIN, avgWaitMs: null, servedToday: 0, avgServiceMs: null, open: 1, busy: 0, paused: 0,
});
const counter = (code: string, pausedSinceMs: number | null): CounterRow => ({
  counter: code, status: pausedSinceMs === null ? 'open' : 'paused', agent: 'a', services: [], currentTicket: null, servedToday: 0, avgServiceMs: null, pausedSinceMs,
});

describe('alerts', () => {
  const board: Board = { services: [service('family', 3, 25), service('pension', 20, 5)], counters: [counter('C01', 0), counter('C02', null)] };

  it('raises each threshold crossed, strictly above it', () => {
    const alerts = activeAlerts(board, { waitMinutes: 20, waitingCount: 15, pausedMinutes: 15 }, 16 * MIN);
    expect(alerts).toEqual([
      { kind: 'wait', subject: 'family', value: 25, threshold: 20 },
      { kind: 'waiting', subject: 'pension', value: 20, threshold: 15 },
      { kind: 'paused', subject: 'C01', value: 16, threshold: 15 },
    ]);
    expect(activeAlerts(board, { waitMinutes: 25, waitingCount: 20, pausedMinutes: 16 }, 16 * MIN)).toEqual([]);
  });

  it('a threshold set to null is off', () => {
    expect(activeAlerts(board, { waitMinutes: null, waitingCount: null, pausedMinutes: null }, 99 * MIN)).toEqual([]);
  });

  it('the log raises once, follows the figure, clears, and raises again later', () => {
    const a = (value: number): Alert => ({ kind: 'wait', subject: 'family', value, threshold: 20 });
    let log = updateAlertLog([], [a(21)], 1);
    log = updateAlertLog(log, [a(22)], 2);
    expect(log).toEqual([{ ...a(22), raisedAt: 1, clearedAt: null }]);
    log = updateAlertLog(log, [], 3);
    expect(log).toEqual([{ ...a(22), raisedAt: 1, clearedAt: 3 }]);
    log = updateAlertLog(log, [a(30)], 4);
    expect(log.map((e) => [e.raisedAt, e.clearedAt])).toEqual([[4, null], [1, 3]]);
  });

  it('stored settings: damaged or missing fields fall back to the defaults; null stays off', () => {
    expect(parseThresholds(null)).toEqual(DEFAULT_THRESHOLDS);
    expect(parseThresholds('{oops')).toEqual(DEFAULT_THRESHOLDS);
    expect(parseThresholds('{"waitMinutes":5,"waitingCount":null,"pausedMinutes":-1}')).toEqual({ waitMinutes: 5, waitingCount: null, pausedMinutes: DEFAULT_THRESHOLDS.pausedMinutes });
    expect(parseAlertLog('[{"kind":"wait","raisedAt":1},{"x":1}]')).toHaveLength(1);
    expect(parseAlertLog('nope')).toEqual([]);
  });
});
