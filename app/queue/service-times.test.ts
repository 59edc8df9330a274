import { describe, expect, it } from 'vitest';
import { averageServiceMinutes, serviceMinutesOf, serviceTimeQuery } from './service-times.ts';
import { DEFAULT_SERVICE_MINUTES } from './ranking.ts';

const row = (service: string, kind: string, sum: number, count: number) => ({
  key: ['2026-11-25', 'dla', service, 'C01', 'counter.dla', 9, kind],
  value: { sum, count, min: 0, max: sum, sumsqr: 0 },
});

describe('measured service times', () => {
  it('averages the service (not the waiting) times per service over counters, agents and hours', () => {
    const measured = averageServiceMinutes([
      row('family', 'service', 10 * 60_000, 2),
      { ...row('family', 'service', 2 * 60_000, 2), key: ['2026-11-25', 'dla', 'family', 'C02', 'counter2.dla', 10, 'service'] },
      row('family', 'wait', 99 * 60_000, 5),
    ]);
    expect(measured.get('family')).toBe(3);
  });

  it('keeps the default for a service with too few visits today', () => {
    const measured = averageServiceMinutes([row('pension', 'service', 30 * 60_000, 2)]);
    expect(measured.has('pension')).toBe(false);
    expect(serviceMinutesOf(measured, 'pension')).toBe(DEFAULT_SERVICE_MINUTES);
  });

  it('asks for one branch and one day', () => {
    expect(serviceTimeQuery('2026-11-25', 'dla')).toEqual({ startkey: ['2026-11-25', 'dla'], endkey: ['2026-11-25', 'dla', {}], group_level: 7 });
  });
});
