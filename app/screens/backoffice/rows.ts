/**
 * The rows of "Delivered documents & certificates" (pure): one per document handed in at a
 * counter, grouped by ticket date and number as on the legacy screen (the documents of one visit
 * together, its event on the first), with each document's status from its reviews
 * (app/desk/reviews.ts) and whether the visit's documents are complete, then filtered.
 */
import type { ScanRef, Submission } from '../../../couch-design/types/submission.ts';
import { parseTicketId, ticketLabel } from '../../../couch-design/types/ticket.ts';
import { documentsComplete, reviewsByDocument, statusOf, type DocumentReviews, type DocumentStatus, type ReviewFacts } from '../../desk/reviews.ts';

export interface Row {
  key: string;
  submission: string;
  /** Ticket date (the submission's day when it has no ticket) and number. */
  date: string;
  ticket: string;
  event: string;
  person: string;
  counter: string;
  code: string;
  designation: string;
  edition?: string;
  validity?: string;
  copies: number;
  /** The paper's scan in the branch's scans database, if the counter took one. */
  scan: ScanRef | null;
  reviews: DocumentReviews;
  /** First row of its visit: shows the event and the visit's completeness. */
  first: boolean;
  complete: boolean;
}

export interface Filters {
  from: string;
  to: string;
  status: DocumentStatus | '';
  event: string;
  code: string;
  counter: string;
  person: string;
}

export const DEFAULT_FILTERS: Filters = { from: '', to: '', status: 'non_validated', event: '', code: '', counter: '', person: '' };

type SubmissionFacts = Pick<Submission, '_id' | 'day' | 'ticket' | 'event' | 'person' | 'counter' | 'documents' | 'at'>;

function visitOf(s: SubmissionFacts): { date: string; ticket: string } {
  const t = s.ticket ? parseTicketId(s.ticket) : null;
  return t ? { date: t.day, ticket: ticketLabel(t.series, t.seq) } : { date: s.day, ticket: '' };
}

/**
 * Every document's row, visits newest first. `required` gives an event's required documents:
 * a visit is complete when each of them is validated for its person, on this visit or an earlier one.
 */
export function buildRows(submissions: readonly SubmissionFacts[], reviews: readonly ReviewFacts[], required: (event: string) => readonly string[]): Row[] {
  const all = reviewsByDocument(reviews);
  // The codes validated per person, in one pass over the documents' statuses.
  const personOf = new Map(submissions.map((s) => [s._id, s.person]));
  const validated = new Map<string, Set<string>>();
  for (const d of all.values()) {
    const person = d.status === 'validated' ? personOf.get(d.latest!.submission) : undefined;
    if (person === undefined) continue;
    const codes = validated.get(person);
    if (codes) codes.add(d.latest!.documentCode);
    else validated.set(person, new Set([d.latest!.documentCode]));
  }
  const none = new Set<string>();
  const visits = submissions.map((s) => ({ s, ...visitOf(s) }));
  visits.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.ticket !== b.ticket ? (a.ticket < b.ticket ? 1 : -1) : a.s.at < b.s.at ? 1 : -1));
  const rows: Row[] = [];
  for (const { s, date, ticket } of visits) {
    const complete = documentsComplete(required(s.event), validated.get(s.person) ?? none);
    s.documents.forEach((d, i) => {
      rows.push({
        key: s._id + '|' + d.code,
        submission: s._id,
        date,
        ticket,
        event: s.event,
        person: s.person,
        counter: s.counter,
        code: d.code,
        designation: d.designation,
        edition: d.edition,
        validity: d.validity,
        copies: d.copies,
        scan: d.scan ?? null,
        reviews: statusOf(all, s._id, d.code),
        first: i === 0,
        complete,
      });
    });
  }
  return rows;
}

/** The rows the filters keep; a visit cut by a filter shows its event on its first kept row. */
export function filterRows(rows: readonly Row[], f: Filters): Row[] {
  const person = f.person.trim();
  const code = f.code.trim();
  const out: Row[] = [];
  let lastVisit = '';
  for (const r of rows) {
    if ((f.from && r.date < f.from) || (f.to && r.date > f.to)) continue;
    if (f.status && r.reviews.status !== f.status) continue;
    if (f.event && r.event !== f.event) continue;
    if (code && !r.code.startsWith(code)) continue;
    if (f.counter && r.counter !== f.counter) continue;
    if (person && !r.person.slice('person:'.length).startsWith(person)) continue;
    const first = r.submission !== lastVisit;
    lastVisit = r.submission;
    out.push(first === r.first ? r : { ...r, first });
  }
  return out;
}
