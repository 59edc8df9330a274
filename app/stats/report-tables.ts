/**
 * A report laid out as titled tables: what the screen shows under its charts and what the CSV
 * and PDF exports contain, from one function so the three always carry the same numbers. Pure.
 * Figures are plain numbers (minutes and hours with one decimal, shares in percent).
 */
import type { MessageKey } from '../i18n/translate.ts';
import { WAIT_BANDS_MIN, type Dimension, type Figures, type Report } from './report-types.ts';
import { toHours, toMinutes } from './durations.ts';

export type Cell = string | number;

export interface ReportTable {
  id: 'total' | Dimension | 'day' | 'hour' | 'bands';
  title: string;
  head: string[];
  rows: Cell[][];
}

export type Label = (key: MessageKey, params?: Record<string, string | number>) => string;

const FIGURE_COLUMNS: MessageKey[] = [
  'rep.col.issued',
  'rep.col.served',
  'rep.col.noShow',
  'rep.col.transferred',
  'rep.col.abandoned',
  'rep.col.avgWait',
  'rep.col.maxWait',
  'rep.col.avgService',
  'rep.col.withinTarget',
  'rep.col.busy',
  'rep.col.idle',
];

/** The figure cells of one row, in FIGURE_COLUMNS order; '' where there is nothing to average. */
export function figureCells(f: Figures): Cell[] {
  const avg = (s: { count: number; sum: number }) => (s.count > 0 ? toMinutes(s.sum / s.count) : '');
  return [
    f.issued,
    f.served,
    f.noShow,
    f.transferred,
    f.abandoned,
    avg(f.wait),
    f.wait.count > 0 ? toMinutes(f.wait.max) : '',
    avg(f.service),
    f.wait.count > 0 ? Math.round((f.withinTarget / f.wait.count) * 1000) / 10 : '',
    toHours(f.busyMs),
    toHours(f.idleMs),
  ];
}

const active = (f: Figures) => f.issued + f.served + f.noShow + f.transferred + f.abandoned + f.wait.count + f.busyMs + f.idleMs > 0;

export function bandLabels(label: Label): string[] {
  const bounds = [0, ...WAIT_BANDS_MIN];
  return bounds.map((from, i) => (i < WAIT_BANDS_MIN.length ? label('rep.band', { from, to: WAIT_BANDS_MIN[i]! }) : label('rep.bandLast', { from })));
}

/**
 * The tables of `report`. `keyName` turns a dimension value (service code, branch code…) into
 * what people read; the branch comparison appears only for an all-branches report.
 */
export function reportTables(report: Report, label: Label, keyName: (dimension: Dimension, key: string) => string): ReportTable[] {
  const head = (first: MessageKey) => [label(first), ...FIGURE_COLUMNS.map((k) => label(k))];
  const byDimension = (dimension: Dimension, title: MessageKey, first: MessageKey): ReportTable => ({
    id: dimension,
    title: label(title),
    head: head(first),
    rows: report.by[dimension].map((r) => [keyName(dimension, r.key), ...figureCells(r.figures)]),
  });
  const tables: ReportTable[] = [{ id: 'total', title: label('rep.section.total'), head: head('rep.period'), rows: [[label('rep.periodText', { from: report.filter.from, to: report.filter.to }), ...figureCells(report.total)]] }];
  if (report.filter.branch === undefined) tables.push(byDimension('branch', 'rep.section.branch', 'rep.branch'));
  tables.push(
    byDimension('service', 'rep.section.service', 'rep.service'),
    byDimension('counter', 'rep.section.counter', 'rep.counter'),
    byDimension('agent', 'rep.section.agent', 'rep.agent'),
    { id: 'day', title: label('rep.section.day'), head: head('rep.date'), rows: report.byDay.map((d) => [d.day, ...figureCells(d.figures)]) },
    {
      id: 'hour',
      title: label('rep.section.hour'),
      head: head('rep.col.hour'),
      rows: report.byHour.flatMap((f, hour) => (active(f) ? [[label('rep.hour', { hour }), ...figureCells(f)]] : [])),
    },
    { id: 'bands', title: label('rep.section.bands'), head: [label('rep.col.band'), label('rep.col.calls')], rows: bandLabels(label).map((b, i) => [b, report.total.waitBands[i] ?? 0]) },
  );
  return tables;
}
