/**
 * The person's pending matters that filing settles (issue 10, first part): documents an open
 * case still needs, and documents the back office refused, to bring again. Pure.
 *
 * A code stops being pending once handed in: a submission of it after the case's last update
 * (for a missing document) or after the refusal (for a refused one) is awaiting the back office.
 */
import type { Case } from '../../couch-design/types/case.ts';
import type { Submission } from '../../couch-design/types/submission.ts';
import { OPEN_CASE_STATUSES } from '../screens/counter/cases.ts';
import type { BackofficeRequest } from '../../couch-design/types/backoffice-request.ts';
import { documentsComplete, reviewsByDocument, validatedCodes, type ReviewFacts } from './reviews.ts';

export type PendingMatter =
  | { kind: 'missing'; code: string; caseNo: string; caseKind: Case['kind'] }
  | { kind: 'refused'; code: string; receiptNumber: string; reason?: string; at: string };

/** A back-office answer to pass on to the person (issue 11), listed with the pending matters. */
export interface AnswerToTell {
  request: string;
  subject: string;
  answer: string;
  at: string;
}

type SubmissionFacts = Pick<Submission, '_id' | 'person' | 'documents' | 'receiptNumber' | 'at'>;

export function pendingMatters(person: string, cases: readonly Case[], submissions: readonly SubmissionFacts[], reviews: readonly ReviewFacts[]): PendingMatter[] {
  const mine = submissions.filter((s) => s.person === person);
  const handedSince = (code: string, since: string) => mine.some((s) => s.at > since && s.documents.some((d) => d.code === code));
  const out: PendingMatter[] = [];
  const listed = new Set<string>();
  for (const c of cases) {
    if (c.person !== person || !OPEN_CASE_STATUSES.includes(c.status)) continue;
    for (const code of c.missingDocuments) {
      if (listed.has(code) || handedSince(code, c.updatedAt)) continue;
      listed.add(code);
      out.push({ kind: 'missing', code, caseNo: c.caseNo, caseKind: c.kind });
    }
  }
  // The decision that stands per document of each submission (reviews.ts); a refusal stands until handed in again.
  const byId = new Map(mine.map((s) => [s._id, s]));
  const latest = [...reviewsByDocument(reviews, new Set(byId.keys())).values()].map((d) => d.latest!);
  for (const r of latest) {
    if (r.decision !== 'refused' || listed.has(r.documentCode) || handedSince(r.documentCode, r.at)) continue;
    listed.add(r.documentCode);
    out.push({ kind: 'refused', code: r.documentCode, receiptNumber: byId.get(r.submission)!.receiptNumber, ...(r.reason ? { reason: r.reason } : {}), at: r.at });
  }
  return out;
}

/** The person's open cases whose missing documents the back office has all validated ("documents complete"). */
export function completeCases(person: string, cases: readonly Case[], submissions: readonly SubmissionFacts[], reviews: readonly ReviewFacts[]): Set<string> {
  const mine = new Set(submissions.filter((s) => s.person === person).map((s) => s._id));
  const validated = validatedCodes(reviewsByDocument(reviews, mine), mine);
  return new Set(cases.filter((c) => c.person === person && OPEN_CASE_STATUSES.includes(c.status) && documentsComplete(c.missingDocuments, validated)).map((c) => c.caseNo));
}

/**
 * The back office's answers the person has not been told yet (issue 11): an answered request
 * about them stays pending until the counter says it was passed on (which closes it). Oldest first.
 */
export function answersToTell(person: string, requests: readonly Pick<BackofficeRequest, '_id' | 'person' | 'status' | 'subject' | 'answer' | 'answeredAt' | 'updatedAt'>[]): AnswerToTell[] {
  return requests
    .filter((r) => r.person === person && r.status === 'answered')
    .map((r) => ({ request: r._id, subject: r.subject, answer: r.answer ?? '', at: r.answeredAt ?? r.updatedAt }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
