import { describe, expect, it } from 'vitest';
import { lookupLimit } from './lookup-limit.ts';

describe('revocation look-up budget', () => {
  it('allows the budget per address and window, then says how long to wait; other addresses are not affected', () => {
    let t = 1_000_000;
    const limit = lookupLimit({ perWindow: 3, windowMs: 10_000 }, () => t);
    expect([limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([null, null, null]);
    t += 2_500;
    expect(limit.take('a')).toBe(8);
    expect(limit.take('b')).toBeNull();
    t += 7_500;
    expect(limit.take('a')).toBeNull();
  });
});
