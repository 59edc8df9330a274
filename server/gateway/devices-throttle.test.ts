import { describe, expect, it } from 'vitest';
import { EnrolThrottle } from './devices-throttle.ts';

describe('wrong enrolment codes per address', () => {
  it('holds an address back after the limit within the window, then lets it try again', () => {
    let now = 0;
    const throttle = new EnrolThrottle(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(throttle.check('10.0.0.1')).toBe(0);
      throttle.failed('10.0.0.1');
      now += 1000;
    }
    expect(throttle.check('10.0.0.1')).toBe(57); // at 3 s, the first failure (at 0) leaves the window at 60 s
    expect(throttle.check('10.0.0.2')).toBe(0);
    now = 60_001;
    expect(throttle.check('10.0.0.1')).toBe(0);
  });
});
