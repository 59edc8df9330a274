/**
 * A back-office decision on the ticked documents, as reviews to write (pure). Each document gets
 * one immutable review; a document already decided gets a review that corrects the decision the
 * agent saw. What the agent saw is checked against the replica as it is now: a decision taken on
 * a row that another review has changed since (a stale selection) is refused, nothing written.
 */
import { submissionReviewId, type SubmissionReview } from '../../../couch-design/types/submission.ts';
import { documentKey, formatReason, type DocumentReviews, type RefusalReason } from '../../desk/reviews.ts';

export interface Ticked {
  submission: string;
  code: string;
  /** Id of the review that decided the row when the agent saw it (null: undecided). */
  seen: string | null;
}

export interface DecisionInput {
  ticked: readonly Ticked[];
  decision: SubmissionReview['decision'];
  reasonCode: RefusalReason | '';
  reasonText: string;
  /** The reviews of the replica now, by documentKey. */
  now: ReadonlyMap<string, DocumentReviews>;
  branch: string;
  day: string;
  agent: string;
  at: string;
  uid: () => string;
}

export type DecisionError = 'no_selection' | 'reason_required' | 'stale' | 'same_decision';

export type DecisionResult = { ok: true; reviews: SubmissionReview[] } | { ok: false; error: DecisionError; documents: string[] };

export function decide(input: DecisionInput): DecisionResult {
  if (input.ticked.length === 0) return { ok: false, error: 'no_selection', documents: [] };
  const reason = formatReason(input.reasonCode, input.reasonText);
  if (input.decision === 'refused' && !reason) return { ok: false, error: 'reason_required', documents: [] };
  const latest = (t: Ticked) => input.now.get(documentKey(t.submission, t.code))?.latest ?? null;
  const stale = input.ticked.filter((t) => (latest(t)?._id ?? null) !== t.seen);
  if (stale.length) return { ok: false, error: 'stale', documents: stale.map((t) => t.code) };
  const same = input.ticked.filter((t) => latest(t)?.decision === input.decision);
  if (same.length) return { ok: false, error: 'same_decision', documents: same.map((t) => t.code) };
  const reviews = input.ticked.map((t): SubmissionReview => ({
    _id: submissionReviewId(input.day, input.uid()),
    type: 'submission_review',
    branch: input.branch,
    day: input.day,
    submission: t.submission,
    documentCode: t.code,
    decision: input.decision,
    ...(input.decision === 'refused' ? { reason } : {}),
    ...(t.seen ? { corrects: t.seen } : {}),
    agent: input.agent,
    at: input.at,
  }));
  return { ok: true, reviews };
}
