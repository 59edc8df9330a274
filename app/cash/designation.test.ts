import { describe, expect, it } from 'vitest';
import { contributionDesignation, periodLabel } from './designation.ts';

describe('contribution designation from the periods paid', () => {
  it('reads as the brief’s journal', () => {
    expect(contributionDesignation(['2013-Q2'])).toBe('COT 2TR 2013');
    expect(contributionDesignation(['2013-Q2', '2013-Q1'])).toBe('COT 1,2TR 2013');
    expect(contributionDesignation(['2013-05'])).toBe('COT MAI 2013');
    expect(contributionDesignation(['2012-Q2', '2012-Q3', '2012-Q4'])).toBe('COT 2,3,4TR 2012');
    expect(contributionDesignation(['2013-Q1', '2012-Q4'])).toBe('COT 4TR 2012 1TR 2013');
    expect(contributionDesignation(['2013-06', '2013-05', '2013-05'])).toBe('COT MAI,JUN 2013');
    expect(contributionDesignation(['2013-Q1', '2013-04'])).toBe('COT 1TR 2013 AVR 2013');
  });
  it('fits the entry’s designation field even for two full years of months', () => {
    const months = ['2012', '2013'].flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`));
    expect(contributionDesignation(months).length).toBeLessThanOrEqual(120);
  });
  it('refuses no period or a malformed one', () => {
    expect(() => contributionDesignation([])).toThrow();
    expect(() => contributionDesignation(['2013-T2'])).toThrow();
    expect(periodLabel('2013-Q2')).toBe('2TR 2013');
    expect(periodLabel('2013-12')).toBe('DEC 2013');
  });
});
