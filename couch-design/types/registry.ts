/**
 * Every document type in one table: the database it lives in, its id prefix, whether it is
 * immutable once written, and its structural validator. Adding a type = one module + one row.
 */
import type { AnyDoc, Problem } from '../validate/problems.ts';
import { MAX_DOC_BYTES, MAX_ROLLUP_BYTES } from '../validate/limits.ts';
import { INSTITUTION, SETTINGS, validateInstitution, validateSettings } from './institution.ts';
import { BRANCH, validateBranch } from './branch.ts';
import { SERVICE, validateService } from './service.ts';
import { COUNTER, validateCounter } from './counter.ts';
import { REF_CHANGE, validateRefChange } from './ref-change.ts';
import {
  CERTIFICATE_TYPE,
  DOCUMENT_TYPE,
  EVENT,
  validateCertificateType,
  validateDocumentType,
  validateEvent,
} from './catalogue.ts';
import { PRINTER_ROLE, validatePrinterRole } from './printer-role.ts';
import { PERSON, validatePerson } from './person.ts';
import { CASE, validateCase } from './case.ts';
import { ACCOUNT_LINE, validateAccountLine } from './account-line.ts';
import { TICKET, VISIT_EVENT, validateTicket, validateVisitEvent } from './ticket.ts';
import { COUNTER_STATE, validateCounterState } from './counter-state.ts';
import { COUNTER_EVENT, validateCounterEvent } from './counter-event.ts';
import { SUBMISSION, SUBMISSION_REVIEW, validateSubmission, validateSubmissionReview } from './submission.ts';
import { CERTIFICATE, validateCertificate } from './certificate.ts';
import { CERTIFICATE_REVOCATION, validateCertificateRevocation } from './certificate-revocation.ts';
import { BACKOFFICE_REQUEST, validateBackofficeRequest } from './backoffice-request.ts';
import { CASH_SESSION, validateCashSession } from './cash.ts';
import { CASH_ENTRY, validateCashEntry } from './cash-entry.ts';
import { CASH_APPROVAL, validateCashApproval } from './cash-approval.ts';
import { PAYMENT_ORDER, validatePaymentOrder } from './payment-order.ts';
import { DEVICE, validateDeviceSlot } from './device.ts';
import { STATS_DAY, validateStatsDay } from './stats-day.ts';
import { STATS_MONTH, validateStatsMonth } from './stats-month.ts';
import { SCAN, validateScan } from './scan.ts';

export type HomeDb = 'ref' | 'people' | 'branch' | 'scans';

export interface TypeSpec {
  type: string;
  db: HomeDb;
  /** The id up to the first ':' (or the whole id for the singleton `institution`). */
  idPrefix: string;
  /** Refuses every update and deletion once written (money, receipts, history). */
  immutable: boolean;
  validate: (doc: AnyDoc) => Problem[];
  /** Largest serialized content (validate/limits.ts): 64 KiB unless the row says otherwise. */
  maxBytes: number;
}

function spec(
  type: string,
  db: HomeDb,
  idPrefix: string,
  immutable: boolean,
  validate: (doc: AnyDoc) => Problem[],
  maxBytes = MAX_DOC_BYTES,
): TypeSpec {
  return { type, db, idPrefix, immutable, validate, maxBytes };
}

export const TYPE_SPECS: readonly TypeSpec[] = [
  spec(INSTITUTION, 'ref', 'institution', false, validateInstitution),
  spec(BRANCH, 'ref', 'branch', false, validateBranch),
  spec(SERVICE, 'ref', 'service', false, validateService),
  spec(COUNTER, 'ref', 'counter', false, validateCounter),
  spec(EVENT, 'ref', 'event', false, validateEvent),
  spec(DOCUMENT_TYPE, 'ref', 'doctype', false, validateDocumentType),
  spec(CERTIFICATE_TYPE, 'ref', 'certtype', false, validateCertificateType),
  spec(SETTINGS, 'ref', 'settings', false, validateSettings),
  // The institution's printer settings per device role (issue 14).
  spec(PRINTER_ROLE, 'ref', 'printer', false, validatePrinterRole),
  // The change log of services and counters (issue 14): written once, kept.
  spec(REF_CHANGE, 'ref', 'refchange', true, validateRefChange),
  spec(PERSON, 'people', 'person', false, validatePerson),
  spec(CASE, 'people', 'case', false, validateCase),
  spec(ACCOUNT_LINE, 'people', 'accline', false, validateAccountLine),
  spec(TICKET, 'branch', 'ticket', false, validateTicket),
  spec(VISIT_EVENT, 'branch', 'visit', true, validateVisitEvent),
  spec(COUNTER_STATE, 'branch', 'counterstate', false, validateCounterState),
  spec(COUNTER_EVENT, 'branch', 'counterevent', true, validateCounterEvent),
  spec(SUBMISSION, 'branch', 'submission', true, validateSubmission),
  spec(SUBMISSION_REVIEW, 'branch', 'review', true, validateSubmissionReview),
  spec(CERTIFICATE, 'branch', 'cert', true, validateCertificate),
  // One per certificate (its number is the id), never undone: a mistaken revocation means a new certificate.
  spec(CERTIFICATE_REVOCATION, 'branch', 'certrevocation', true, validateCertificateRevocation),
  spec(BACKOFFICE_REQUEST, 'branch', 'borequest', false, validateBackofficeRequest),
  // Not flagged immutable: counted and closed once; history.ts enforces open → (counted →) closed → frozen.
  spec(CASH_SESSION, 'branch', 'cashsession', false, validateCashSession),
  spec(CASH_ENTRY, 'branch', 'cash', true, validateCashEntry),
  spec(CASH_APPROVAL, 'branch', 'cashapproval', true, validateCashApproval),
  // Paid or cancelled once (history.ts), then frozen.
  spec(PAYMENT_ORDER, 'branch', 'payorder', false, validatePaymentOrder),
  // A slot is claimed once and kept: a new owner would reuse the block of numbers.
  spec(DEVICE, 'branch', 'device', true, validateDeviceSlot),
  // Recomputed when a late event reaches its day: overwritten, by the server only. A month of
  // a busy branch is a few hundred KiB of rows.
  spec(STATS_DAY, 'branch', 'statsday', false, validateStatsDay, MAX_ROLLUP_BYTES),
  spec(STATS_MONTH, 'branch', 'statsmonth', false, validateStatsMonth, MAX_ROLLUP_BYTES),
  // The branch's scans database (issue 10): written push-only by the devices that file.
  spec(SCAN, 'scans', 'scan', true, validateScan),
];

export function specOfType(type: unknown): TypeSpec | null {
  for (let i = 0; i < TYPE_SPECS.length; i++) if (TYPE_SPECS[i]!.type === type) return TYPE_SPECS[i]!;
  return null;
}

/** The type an id belongs to, from its prefix: deletion tombstones carry no `type`. */
export function specOfId(id: unknown): TypeSpec | null {
  if (typeof id !== 'string') return null;
  const colon = id.indexOf(':');
  const prefix = colon < 0 ? id : id.substring(0, colon);
  for (let i = 0; i < TYPE_SPECS.length; i++) if (TYPE_SPECS[i]!.idPrefix === prefix) return TYPE_SPECS[i]!;
  return null;
}
