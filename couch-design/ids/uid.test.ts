import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseUid, uid } from './uid.ts';

const device = fc.stringMatching(/^[a-z0-9]{1,16}$/);
const ms = fc.integer({ min: 0, max: 4_102_444_800_000 }); // up to 2100
const seq = fc.integer({ min: 0, max: 2_000_000 });

describe('uid', () => {
  it('sorts in time order whatever the device and sequence', () => {
    fc.assert(
      fc.property(ms, ms, device, device, seq, seq, (t1, t2, d1, d2, s1, s2) => {
        fc.pre(t1 !== t2);
        const a = uid(t1, d1, s1);
        const b = uid(t2, d2, s2);
        expect(a < b).toBe(t1 < t2);
      }),
    );
  });

  it('sorts by sequence within one device and millisecond (below 36^4)', () => {
    fc.assert(
      fc.property(ms, device, fc.integer({ min: 0, max: 36 ** 4 - 1 }), fc.integer({ min: 0, max: 36 ** 4 - 1 }), (t, d, s1, s2) => {
        fc.pre(s1 !== s2);
        expect(uid(t, d, s1) < uid(t, d, s2)).toBe(s1 < s2);
      }),
    );
  });

  it('parses what it builds', () => {
    fc.assert(
      fc.property(ms, device, seq, (t, d, s) => {
        expect(parseUid(uid(t, d, s))).toEqual({ ms: t, deviceId: d, seq: s });
      }),
    );
  });

  it('refuses bad input', () => {
    expect(() => uid(1.5, 'a', 0)).toThrow();
    expect(() => uid(1, 'A-B', 0)).toThrow();
    expect(() => uid(1, 'a', -1)).toThrow();
    expect(parseUid('nope')).toBeNull();
    expect(uid(0, 'k1', 1)).toBe('000000000-k1-0001');
  });
});
