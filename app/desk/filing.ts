/**
 * Document filing at the counter (issue 10), pure: the form's lines for an event, the checks
 * the form makes before anything is written (the contract's validator makes the same ones on
 * the server, except catalogue membership, which needs the catalogue), the submission document
 * and what is still missing for the event. See docs/DESK.md.
 */
import type { Submission, SubmittedDocument } from '../../couch-design/types/submission.ts';
import type { DocumentType, EventType } from '../../couch-design/types/catalogue.ts';
import type { Locale } from '../i18n/translate.ts';

export const DAY_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** One proposed document of the form: what the agent ticks and types. */
export interface FilingLine {
  code: string;
  designation: string;
  /** Validated by the back office on an earlier submission. */
  validatedBefore: boolean;
  handed: boolean;
  edition: string;
  validity: string;
  /** As typed: checked to be a whole number ≥ 1. */
  copies: string;
}

export type FilingErrorCode = 'no_event' | 'no_document' | 'unknown_code' | 'bad_date' | 'edition_future' | 'validity_before_edition' | 'copies';

export interface FilingError {
  /** `event`, `documents`, or `<code>.edition` / `<code>.validity` / `<code>.copies` / `<code>.code`. */
  field: string;
  code: FilingErrorCode;
  /** The document code the error is about. */
  doc?: string;
}

/** The lines the form proposes for an event: its required documents, in the catalogue's order. */
export function proposedLines(event: EventType, docTypes: ReadonlyMap<string, DocumentType>, validated: ReadonlySet<string>, locale: Locale): FilingLine[] {
  return event.requiredDocuments.map((code) => ({
    code,
    designation: docTypes.get(code)?.name[locale] ?? code,
    validatedBefore: validated.has(code),
    handed: false,
    edition: '',
    validity: '',
    copies: '1',
  }));
}

/**
 * Everything wrong with the form, empty when it may be saved. `today` is the branch's day
 * (YYYY-MM-DD): an edition date after it is in the future.
 */
export function checkFiling(event: string, lines: readonly FilingLine[], docTypes: ReadonlyMap<string, unknown>, today: string): FilingError[] {
  const errors: FilingError[] = [];
  if (!event) errors.push({ field: 'event', code: 'no_event' });
  const handed = lines.filter((l) => l.handed);
  if (event && handed.length === 0) errors.push({ field: 'documents', code: 'no_document' });
  for (const l of handed) {
    if (!docTypes.has(l.code)) errors.push({ field: `${l.code}.code`, code: 'unknown_code', doc: l.code });
    const edition = l.edition.trim();
    const validity = l.validity.trim();
    if (edition && !DAY_RE.test(edition)) errors.push({ field: `${l.code}.edition`, code: 'bad_date', doc: l.code });
    else if (edition && edition > today) errors.push({ field: `${l.code}.edition`, code: 'edition_future', doc: l.code });
    if (validity && !DAY_RE.test(validity)) errors.push({ field: `${l.code}.validity`, code: 'bad_date', doc: l.code });
    else if (validity && edition && DAY_RE.test(edition) && validity < edition) errors.push({ field: `${l.code}.validity`, code: 'validity_before_edition', doc: l.code });
    if (!/^\d{1,3}$/.test(l.copies.trim()) || Number(l.copies) < 1) errors.push({ field: `${l.code}.copies`, code: 'copies', doc: l.code });
  }
  return errors;
}

/** The submitted documents of a checked form. */
export function submittedDocuments(lines: readonly FilingLine[]): SubmittedDocument[] {
  return lines
    .filter((l) => l.handed)
    .map((l) => ({
      code: l.code,
      designation: l.designation,
      ...(l.edition.trim() ? { edition: l.edition.trim() } : {}),
      ...(l.validity.trim() ? { validity: l.validity.trim() } : {}),
      copies: Number(l.copies),
    }));
}

/** Required documents of the event neither handed in now nor validated before, in order. */
export function stillMissing(required: readonly string[], handed: readonly string[], validated: ReadonlySet<string>): string[] {
  return required.filter((code) => !handed.includes(code) && !validated.has(code));
}

/** A submission's fields as the form gathers them: the document's own, with its id. */
export type SubmissionInput = Omit<Submission, '_id' | 'type' | 'ticket'> & { id: string; ticket?: string };

export function buildSubmission(input: SubmissionInput): Submission {
  const { id, ticket, ...fields } = input;
  return { _id: id, type: 'submission', ...fields, ...(ticket ? { ticket } : {}) };
}
