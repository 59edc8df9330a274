/**
 * The delivered-documents benches' branch (issue 11): 20,000 documents handed in at branch
 * `dla`'s counters, in submissions of 1 to 4 documents over the 200 days before `lastDay`, and
 * 8,000 reviews of them (4,500 validations, 3,500 refusals), each dated on or after the day of
 * the submission it decides. Valid for the contract, so the same documents can be loaded into
 * the real server and replicated (bench/backoffice-screen-bench.ts) or computed on in Node
 * (bench/backoffice-rows.ts).
 */
import type { Submission, SubmissionReview } from '../couch-design/types/submission.ts';
import { submissionId, submissionReviewId } from '../couch-design/types/submission.ts';
import { ticketId } from '../couch-design/types/ticket.ts';
import { uid } from '../couch-design/ids/uid.ts';

export const BENCH_DOCUMENTS = 20_000;
const DAYS = 200;
const VALIDATED_PER_40 = 9;
const REFUSED_PER_40 = 7;
/** Demo catalogue events (server/demo-data/catalogue.ts) and their documents. */
export const BENCH_EVENTS: [string, string[]][] = [
  ['family_benefits_male', ['0104', '0215', '0228']],
  ['family_benefits_female', ['0101', '0104', '0228']],
  ['daily_allowance', ['0309', '0310', '0314']],
  ['work_accident', ['0101', '0402', '0314']],
  ['old_age_pension', ['0101', '0104', '0120', '0501']],
];

const addDays = (day: string, n: number) => new Date(Date.parse(day + 'T12:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);

export function backofficeBenchData(lastDay: string, branch = 'dla'): { submissions: Submission[]; reviews: SubmissionReview[] } {
  const submissions: Submission[] = [];
  const reviews: SubmissionReview[] = [];
  // About 2.3 documents a submission: 44 submissions a day fill the 200 days.
  const perDay = 44;
  let docs = 0;
  for (let i = 0; docs < BENCH_DOCUMENTS; i++) {
    const [event, codes] = BENCH_EVENTS[i % BENCH_EVENTS.length]!;
    const day = addDays(lastDay, -DAYS + 1 + Math.min(DAYS - 1, Math.floor(i / perDay)));
    const at = Date.parse(`${day}T08:00:00Z`) + (i % perDay) * 60_000;
    const count = Math.min(1 + (i % 4), codes.length, BENCH_DOCUMENTS - docs);
    const documents = codes.slice(0, count).map((code, j) => ({ code, designation: 'Document ' + code, edition: addDays(day, -30 - j), ...(j === 0 ? { validity: addDays(day, 300) } : {}), copies: 1 + (j % 2) }));
    const id = submissionId(day, uid(at, 'benchcounter', i));
    submissions.push({
      _id: id, type: 'submission', branch, day, person: `person:${1000000 + (i % 5000)}`,
      ticket: ticketId({ branch, day, series: 'F', seq: 1 + (i % perDay) }), event, documents,
      receiptNumber: `BENCH-${i}`, agent: 'counter.dla', counter: `C0${1 + (i % 6)}`, at: new Date(at).toISOString(),
    });
    documents.forEach((d) => {
      const k = docs++;
      if (k % 40 >= VALIDATED_PER_40 + REFUSED_PER_40) return;
      const validated = k % 40 < VALIDATED_PER_40;
      const reviewDay = addDays(day, k % 3);
      const reviewAt = Date.parse(`${reviewDay}T14:00:00Z`) + (k % 997) * 1000;
      reviews.push({
        _id: submissionReviewId(reviewDay, uid(reviewAt, 'benchoffice', k)), type: 'submission_review', branch, day: reviewDay, submission: id, documentCode: d.code,
        decision: validated ? 'validated' : 'refused', ...(validated ? {} : { reason: 'illegible' }), agent: 'backoffice.dla', at: new Date(reviewAt).toISOString(),
      });
    });
  }
  return { submissions, reviews };
}
