/**
 * The delivered-documents screen's own computing (issue 11) for a branch replica holding 20,000
 * submitted documents and 8,000 reviews: building the rows (statuses by the review rule, visits
 * grouped, completeness) and a filter change, p50/p95 over many runs after a warm-up. Pure
 * computing only, in Node: the replica read and the browser's rendering of the rows in view
 * are not in these figures. Exported for bench/run.ts; `npx tsx bench/backoffice-rows.ts` prints it alone.
 */
import type { Submission, SubmissionReview } from '../couch-design/types/submission.ts';
import { buildRows, filterRows, DEFAULT_FILTERS, type Filters } from '../app/screens/backoffice/rows.ts';

const DOCUMENTS = 20_000;
const RUNS = 40;
const WARM_UP = 5;
const EVENTS: [string, string[]][] = [['family_benefits_male', ['0104', '0215', '0228']], ['daily_allowance', ['0309', '0310', '0314']], ['old_age_pension', ['0101', '0104', '0120', '0501']]];

function data(): { submissions: Submission[]; reviews: SubmissionReview[] } {
  const submissions: Submission[] = [];
  const reviews: SubmissionReview[] = [];
  let docs = 0;
  for (let i = 0; docs < DOCUMENTS; i++) {
    const [event, codes] = EVENTS[i % EVENTS.length]!;
    const day = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const id = `submission:${day}:s${String(i).padStart(7, '0')}-dev-0001`;
    const documents = codes.slice(0, Math.min(codes.length, DOCUMENTS - docs)).map((code) => ({ code, designation: 'Document ' + code, edition: day, copies: 1 }));
    docs += documents.length;
    submissions.push({ _id: id, type: 'submission', branch: 'dla', day, person: `person:${1000000 + (i % 5000)}`, ticket: `ticket:dla:${day}:F:${String(1 + (i % 999)).padStart(4, '0')}`, event, documents, receiptNumber: 'R' + i, agent: 'counter.dla', counter: `C0${1 + (i % 6)}`, at: `${day}T09:00:00.000Z` });
    documents.forEach((d, j) => {
      if ((i + j) % 5 < 2) reviews.push({ _id: `review:${day}:r${i}-${j}`, type: 'submission_review', branch: 'dla', day, submission: id, documentCode: d.code, decision: (i + j) % 5 === 0 ? 'validated' : 'refused', ...((i + j) % 5 === 1 ? { reason: 'illegible' } : {}), agent: 'backoffice.dla', at: `${day}T10:00:00.000Z` });
    });
  }
  return { submissions, reviews };
}

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
  const { submissions, reviews } = data();
  const required = new Map(EVENTS);
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
