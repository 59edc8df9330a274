/**
 * The status of a submitted document from its back-office reviews (issue 11), one rule for the
 * counter (pending matters, earlier filings, "already validated") and the back office. Pure.
 *
 * Reviews are append-only: a correction is a new review naming the one it corrects. The latest
 * review by time decides the status (its id breaks a tie, so every device agrees). Two reviews
 * that nothing corrects (two agents deciding at once, or offline) are both kept: the latest
 * wins and the document says a second decision exists, for someone to look at it.
 */
import type { SubmissionReview } from '../../couch-design/types/submission.ts';

export type ReviewFacts = Pick<SubmissionReview, '_id' | 'submission' | 'documentCode' | 'decision' | 'at' | 'reason' | 'corrects' | 'agent'>;
export type DocumentStatus = 'non_validated' | 'validated' | 'refused';

export interface DocumentReviews<R extends ReviewFacts = ReviewFacts> {
  status: DocumentStatus;
  /** The review that decides the status, if any. */
  latest: R | null;
  /** Every review of the document, oldest first (corrected ones included). */
  history: R[];
  /** More than one review that no other corrects: decided twice without knowing it. */
  secondDecision: boolean;
}

/** The key of one document of one submission. */
export function documentKey(submission: string, code: string): string {
  return submission + '|' + code;
}

const byTime = (a: ReviewFacts, b: ReviewFacts) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

const NONE: DocumentReviews<never> = { status: 'non_validated', latest: null, history: [], secondDecision: false };

/** The status of one document from its reviews (in any order). */
export function documentReviews<R extends ReviewFacts>(reviews: readonly R[]): DocumentReviews<R> {
  if (reviews.length === 0) return NONE;
  // Most documents have one review: no sorting to do (a branch's screen builds thousands of these).
  if (reviews.length === 1) return { status: reviews[0]!.decision, latest: reviews[0]!, history: [reviews[0]!], secondDecision: false };
  const history = [...reviews].sort(byTime);
  const latest = history[history.length - 1]!;
  const corrected = new Set(history.map((r) => r.corrects).filter((id): id is string => !!id));
  const heads = history.filter((r) => !corrected.has(r._id)).length;
  return { status: latest.decision, latest, history, secondDecision: heads > 1 };
}

/** Every reviewed document's reviews by documentKey, optionally only of some submissions. */
export function reviewsByDocument<R extends ReviewFacts>(reviews: readonly R[], submissions?: ReadonlySet<string>): Map<string, DocumentReviews<R>> {
  const groups = new Map<string, R[]>();
  for (const r of reviews) {
    if (submissions && !submissions.has(r.submission)) continue;
    const key = documentKey(r.submission, r.documentCode);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const out = new Map<string, DocumentReviews<R>>();
  for (const [key, list] of groups) out.set(key, documentReviews(list));
  return out;
}

/** The status of a document that may have no review yet. */
export function statusOf<R extends ReviewFacts>(all: ReadonlyMap<string, DocumentReviews<R>>, submission: string, code: string): DocumentReviews<R> {
  return all.get(documentKey(submission, code)) ?? NONE;
}

/** Document codes validated on any of the given submissions (the latest review of that document is a validation). */
export function validatedCodes(all: ReadonlyMap<string, DocumentReviews>, submissions: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const d of all.values()) if (d.latest && d.status === 'validated' && submissions.has(d.latest.submission)) out.add(d.latest.documentCode);
  return out;
}

/**
 * "Documents complete": every document required (by the event of a visit, or still missing on a
 * case) is validated for the person. Nothing required means nothing to complete.
 */
export function documentsComplete(required: readonly string[], validated: ReadonlySet<string>): boolean {
  return required.length > 0 && required.every((code) => validated.has(code));
}

/** Standard refusal reasons, stored as their code so each screen shows them in its own language. */
export const REFUSAL_REASONS = ['illegible', 'expired', 'wrong_document', 'incomplete', 'not_certified', 'other'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
const SEPARATOR = ' — ';

/** The stored reason: the standard code, then the agent's words if any ("expired — dated 2019"). */
export function formatReason(code: RefusalReason | '', text: string): string {
  const words = text.trim();
  if (!code) return words;
  return words ? code + SEPARATOR + words : code;
}

/** A stored reason read back: its standard code (when it starts with one) and the free text. */
export function parseReason(reason: string): { code: RefusalReason | null; text: string } {
  for (const code of REFUSAL_REASONS) {
    if (reason === code) return { code, text: '' };
    if (reason.startsWith(code + SEPARATOR)) return { code, text: reason.slice(code.length + SEPARATOR.length) };
  }
  return { code: null, text: reason };
}
