/**
 * Every document type with its validator: where it lives (homes.ts: database, id prefix,
 * immutable once written, size limit) and its structural validator. Adding a type = one
 * module + one row in homes.ts + its validator here (the compiler asks for it).
 */
import type { AnyDoc, Problem } from '../validate/problems.ts';
import { TYPE_HOMES, type TypeHome, type TypeName } from './homes.ts';
import { validateInstitution, validateSettings } from './institution.ts';
import { validateBranch } from './branch.ts';
import { validateService } from './service.ts';
import { validateCounter } from './counter.ts';
import { validateRefChange } from './ref-change.ts';
import { validateCertificateType, validateDocumentType, validateEvent } from './catalogue.ts';
import { validatePrinterRole } from './printer-role.ts';
import { validatePerson } from './person.ts';
import { validateCase } from './case.ts';
import { validateAccountLine } from './account-line.ts';
import { validateTicket, validateVisitEvent } from './ticket.ts';
import { validateCounterState } from './counter-state.ts';
import { validateCounterEvent } from './counter-event.ts';
import { validateSubmission, validateSubmissionReview } from './submission.ts';
import { validateCertificate } from './certificate.ts';
import { validateCertificateRevocation } from './certificate-revocation.ts';
import { validateBackofficeRequest } from './backoffice-request.ts';
import { validateCashSession } from './cash.ts';
import { validateCashEntry } from './cash-entry.ts';
import { validateCashApproval } from './cash-approval.ts';
import { validatePaymentOrder } from './payment-order.ts';
import { validateDeviceSlot } from './device.ts';
import { validateStatsDay } from './stats-day.ts';
import { validateStatsMonth } from './stats-month.ts';
import { validateScan } from './scan.ts';

export type { HomeDb, TypeHome, TypeName } from './homes.ts';

export interface TypeSpec extends TypeHome {
  validate: (doc: AnyDoc) => Problem[];
}

/** Each type's structural validator: a type in TYPE_HOMES without one does not compile. */
const VALIDATORS: Readonly<Record<TypeName, (doc: AnyDoc) => Problem[]>> = {
  institution: validateInstitution,
  branch: validateBranch,
  service: validateService,
  counter: validateCounter,
  event: validateEvent,
  document_type: validateDocumentType,
  certificate_type: validateCertificateType,
  settings: validateSettings,
  printer_role: validatePrinterRole,
  ref_change: validateRefChange,
  person: validatePerson,
  case: validateCase,
  account_line: validateAccountLine,
  ticket: validateTicket,
  visit_event: validateVisitEvent,
  counter_state: validateCounterState,
  counter_event: validateCounterEvent,
  submission: validateSubmission,
  submission_review: validateSubmissionReview,
  certificate: validateCertificate,
  certificate_revocation: validateCertificateRevocation,
  backoffice_request: validateBackofficeRequest,
  cash_session: validateCashSession,
  cash_entry: validateCashEntry,
  cash_approval: validateCashApproval,
  payment_order: validatePaymentOrder,
  device: validateDeviceSlot,
  stats_day: validateStatsDay,
  stats_month: validateStatsMonth,
  scan: validateScan,
};

function withValidators(): TypeSpec[] {
  const specs: TypeSpec[] = [];
  for (let i = 0; i < TYPE_HOMES.length; i++) {
    const h = TYPE_HOMES[i]!;
    specs.push({ type: h.type, db: h.db, idPrefix: h.idPrefix, immutable: h.immutable, maxBytes: h.maxBytes, validate: VALIDATORS[h.type] });
  }
  return specs;
}

export const TYPE_SPECS: readonly TypeSpec[] = /* @__PURE__ */ withValidators();

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
