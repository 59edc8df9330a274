import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countersNeeded, workloadHints } from './workload.ts';
import type { Board, CounterRow, ServiceRow } from './board.ts';

const service = (code: string, waiting: number, open: number, avgServiceMin: number | null): ServiceRow => ({
  service: code, waiting, longestWaitMs: 0, avgWaitMs: null, servedToday: 0, avgServiceMs: avgServiceMin === null ? null : avgServiceMin * 60_000, open, busy: 0, paused: 0,
});
const counter = (code: string, services: string[], currentTicket: string | null = null): CounterRow => ({
  counter: code, status: 'open', agent: 'a', services, currentTicket, servedToday: 0, avgServiceMs: null, pausedSinceMs: null,
});

describe('workload hint', () => {
  it('counters needed keep the last person’s wait under the target', () => {
    expect(countersNeeded(0, 6, 15)).toBe(0);
    expect(countersNeeded(1, 6, 15)).toBe(1);
    expect(countersNeeded(10, 6, 15)).toBe(4);
    expect(countersNeeded(3, 6, 0)).toBe(3);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0.5, max: 60, noNaN: true }), fc.integer({ min: 1, max: 120 }), (w, s, target) => {
        const c = countersNeeded(w, s, target);
        expect((w * s) / c).toBeLessThanOrEqual(target + 1e-9);
        if (c > 1) expect((w * s) / (c - 1)).toBeGreaterThan(target);
      }),
    );
  });

  it('suggests an idle counter from a queue that can spare it, never one that leaves its queue short', () => {
    const board: Board = {
      services: [service('family', 12, 1, 5), service('pension', 0, 2, null), service('cash', 4, 1, 2)],
      counters: [counter('C01', ['family']), counter('C02', ['pension'], 'P001'), counter('C03', ['pension']), counter('C04', ['cash'])],
    };
    const matrix = { C01: ['family'], C02: ['family', 'pension'], C03: ['family', 'pension'], C04: ['cash', 'family'] };
    const hints = workloadHints({ board, targets: { family: 20, pension: 20, cash: 10 }, matrix });
    expect(hints.find((h) => h.service === 'family')).toEqual({ service: 'family', needed: 3, open: 1, move: { counter: 'C03', from: ['pension'] } });
    expect(hints.find((h) => h.service === 'cash')).toMatchObject({ needed: 1, open: 1, move: null });
    expect(hints.find((h) => h.service === 'pension')).toMatchObject({ needed: 0, move: null });
  });

  it('no move when every candidate is needed where it is', () => {
    const board: Board = { services: [service('family', 10, 0, 6), service('pension', 10, 1, 6)], counters: [counter('C01', ['pension'])] };
    const hints = workloadHints({ board, targets: { family: 15, pension: 15 }, matrix: { C01: ['family', 'pension'] } });
    expect(hints.every((h) => h.move === null)).toBe(true);
  });
});
