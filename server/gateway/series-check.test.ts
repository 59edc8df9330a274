import { describe, expect, it } from 'vitest';
import { seriesClashes } from './series-check.ts';

const svc = (code: string, series: string, extra: Record<string, unknown> = {}) => ({ _id: 'service:' + code, type: 'service', code, series, ...extra });
const stored = [svc('family', 'F'), svc('cash', 'C')];

describe('one series letter per service', () => {
  it('refuses a new service on a letter another holds, active or not', () => {
    expect(seriesClashes([svc('new', 'F')], stored)).toEqual([0]);
    expect(seriesClashes([svc('new', 'D')], [...stored, svc('old', 'D', { active: false })])).toEqual([0]);
    expect(seriesClashes([svc('new', 'N')], stored)).toEqual([]);
  });

  it('lets a service keep or change its own letter, and frees the one it leaves', () => {
    expect(seriesClashes([svc('family', 'F')], stored)).toEqual([]);
    expect(seriesClashes([svc('family', 'G'), svc('new', 'F')], stored)).toEqual([]);
    expect(seriesClashes([svc('family', 'C')], stored)).toEqual([0]);
  });

  it('judges a batch in order: the second of two on one letter is refused', () => {
    expect(seriesClashes([svc('a', 'X'), { _id: 'counter:dla:C01', type: 'counter' }, svc('b', 'X')], stored)).toEqual([2]);
  });

  it('ignores deletions and other documents', () => {
    expect(seriesClashes([{ ...svc('new', 'F'), _deleted: true }, { _id: 'x', type: 'branch', series: 'F' }], stored)).toEqual([]);
  });
});
