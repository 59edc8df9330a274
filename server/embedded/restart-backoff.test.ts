import { describe, expect, it } from 'vitest';
import { BACKOFF, nextRestartDelay } from './restart-backoff.ts';

describe('engine restart backoff', () => {
  it('doubles after each short-lived run, up to 30 s', () => {
    const delays: number[] = [];
    let d: number | null = null;
    for (let i = 0; i < 9; i++) delays.push((d = nextRestartDelay(d, 2_000)));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('starts again from 0.5 s once the engine had stayed up a minute', () => {
    expect(nextRestartDelay(30_000, BACKOFF.stableAfterMs)).toBe(500);
    expect(nextRestartDelay(30_000, BACKOFF.stableAfterMs - 1)).toBe(30_000);
  });
});
