import { describe, expect, it } from 'vitest';
import { reportTables } from './report-tables.ts';
import { reportCsv } from './report-csv.ts';
import { translate, type MessageKey } from '../i18n/translate.ts';
import type { Figures, Report } from './report-types.ts';

const zero = (): Figures => ({
  issued: 0, served: 0, noShow: 0, transferred: 0, abandoned: 0,
  wait: { count: 0, sum: 0, min: 0, max: 0 }, service: { count: 0, sum: 0, min: 0, max: 0 },
  withinTarget: 0, waitBands: [0, 0, 0, 0, 0], busyMs: 0, idleMs: 0,
});
const MIN = 60_000;
const some: Figures = {
  ...zero(), issued: 4, served: 3, noShow: 1, wait: { count: 4, sum: 26 * MIN, min: 2 * MIN, max: 12 * MIN },
  service: { count: 3, sum: 20 * MIN, min: 5 * MIN, max: 8 * MIN }, withinTarget: 3, waitBands: [2, 1, 1, 0, 0], busyMs: 90 * MIN, idleMs: 30 * MIN,
};
const byHour = Array.from({ length: 24 }, (_, h) => (h === 9 ? some : zero()));
const report = (branch?: string): Report => ({
  filter: { from: '2026-03-02', to: '2026-03-02', ...(branch ? { branch } : {}) },
  total: some,
  byHour,
  byDay: [{ day: '2026-03-02', figures: some }],
  by: { branch: [{ key: 'dla', figures: some }], service: [{ key: 'family', figures: some }], counter: [{ key: 'C01', figures: some }], agent: [{ key: 'counter.dla', figures: some }] },
});
const label = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const names = (_d: string, key: string) => (key === 'family' ? 'Family benefits' : key);

describe('report tables', () => {
  it('turns figures into averages in minutes, shares in percent and hours', () => {
    const [total] = reportTables(report('dla'), label, names);
    expect(total!.head.slice(0, 4)).toEqual(['Period', 'Issued', 'Served', 'No-show']);
    // 26/4 = 6.5 min average wait, 12 max, 20/3 = 6.7 service, 3/4 = 75 %, 1.5 h busy, 0.5 h idle
    expect(total!.rows).toEqual([['from 2026-03-02 to 2026-03-02', 4, 3, 1, 0, 0, 6.5, 12, 6.7, 75, 1.5, 0.5]]);
  });

  it('compares branches only for an all-branches report; hours without activity are left out', () => {
    expect(reportTables(report('dla'), label, names).map((t) => t.id)).toEqual(['total', 'service', 'counter', 'agent', 'day', 'hour', 'bands']);
    const all = reportTables(report(), label, names);
    expect(all.map((t) => t.id)).toContain('branch');
    expect(all.find((t) => t.id === 'hour')!.rows.map((r) => r[0])).toEqual(['9:00']);
    expect(all.find((t) => t.id === 'service')!.rows[0]![0]).toBe('Family benefits');
    expect(all.find((t) => t.id === 'bands')!.rows).toEqual([['0–5 min', 2], ['5–10 min', 1], ['10–20 min', 1], ['20–30 min', 0], ['30 min and more', 0]]);
  });

  it('an empty average is an empty cell, not zero', () => {
    const quiet = { ...report('dla'), total: zero() };
    expect(reportTables(quiet, label, names)[0]!.rows[0]!.slice(6, 10)).toEqual(['', '', '', '']);
  });

  it('CSV: a title line per table, quoted where needed, CRLF, with a BOM', () => {
    const csv = reportCsv('Report, "today"', reportTables(report('dla'), label, names));
    expect(csv.startsWith('\ufeff"Report, ""today"""\r\n\r\nTotals\r\n')).toBe(true);
    expect(csv).toContain('\r\nfrom 2026-03-02 to 2026-03-02,4,3,1,0,0,6.5,12,6.7,75,1.5,0.5\r\n');
    expect(csv.endsWith('30 min and more,0\r\n')).toBe(true);
  });
});
