/**
 * The delivered-documents screen's own computing (issue 11) for a branch replica holding 20,000
 * submitted documents and 8,000 reviews (bench/backoffice-data.ts): building the rows (statuses
 * by the review rule, visits grouped, completeness) and a filter change, p50/p95 over many runs
 * after a warm-up. Pure computing only, in Node: bench/backoffice-screen-bench.ts times the
 * screen itself in Chromium. Exported for bench/run.ts; `npx tsx bench/backoffice-rows.ts`
 * prints it alone.
 */
import { buildRows, filterRows, DEFAULT_FILTERS, type Filters } from '../app/screens/backoffice/rows.ts';
import { BENCH_EVENTS, backofficeBenchData } from './backoffice-data.ts';

const RUNS = 40;
const WARM_UP = 5;

function percentiles(times: number[]): { p50: number; p95: number } {
  const s = [...times].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)]!, p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]! };
}

function time(fn: () => unknown): { p50: number; p95: number } {
  for (let i = 0; i < WARM_UP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return percentiles(times);
}

export function benchBackofficeRows(): { name: string; p50: number; p95: number }[] {
  const { submissions, reviews } = backofficeBenchData('2026-12-01');
  const required = new Map(BENCH_EVENTS);
  const build = () => buildRows(submissions, reviews, (e) => required.get(e) ?? []);
  const rows = build();
  const filters: Filters[] = [DEFAULT_FILTERS, { ...DEFAULT_FILTERS, status: '' }, { ...DEFAULT_FILTERS, event: 'daily_allowance' }, { ...DEFAULT_FILTERS, status: 'refused', counter: 'C03' }, { ...DEFAULT_FILTERS, person: '10012' }];
  let f = 0;
  return [
    { name: `rows built from ${rows.length} documents and ${reviews.length} reviews`, ...time(build) },
    { name: 'filter change over those rows', ...time(() => filterRows(rows, filters[f++ % filters.length]!)) },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const { name, p50, p95 } of benchBackofficeRows()) process.stdout.write(`${name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${RUNS} runs)\n`);
}
