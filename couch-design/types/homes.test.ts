/** homes.ts names each type by its literal: each type module's constant must have its row, and no row may be left without one. */
import { describe, expect, it } from 'vitest';
import { TYPE_HOMES } from './homes.ts';
import { TYPE_SPECS } from './registry.ts';
import { INSTITUTION, SETTINGS } from './institution.ts';
import { BRANCH } from './branch.ts';
import { SERVICE } from './service.ts';
import { COUNTER } from './counter.ts';
import { REF_CHANGE } from './ref-change.ts';
import { CERTIFICATE_TYPE, DOCUMENT_TYPE, EVENT } from './catalogue.ts';
import { PRINTER_ROLE } from './printer-role.ts';
import { PERSON } from './person.ts';
import { CASE } from './case.ts';
import { ACCOUNT_LINE } from './account-line.ts';
import { TICKET, VISIT_EVENT } from './ticket.ts';
import { COUNTER_STATE } from './counter-state.ts';
import { COUNTER_EVENT } from './counter-event.ts';
import { SUBMISSION, SUBMISSION_REVIEW } from './submission.ts';
import { CERTIFICATE } from './certificate.ts';
import { CERTIFICATE_REVOCATION } from './certificate-revocation.ts';
import { BACKOFFICE_REQUEST } from './backoffice-request.ts';
import { CASH_SESSION } from './cash.ts';
import { CASH_ENTRY } from './cash-entry.ts';
import { CASH_APPROVAL } from './cash-approval.ts';
import { PAYMENT_ORDER } from './payment-order.ts';
import { DEVICE } from './device.ts';
import { STATS_DAY } from './stats-day.ts';
import { STATS_MONTH } from './stats-month.ts';
import { SCAN } from './scan.ts';

const CONSTANTS = [INSTITUTION, SETTINGS, BRANCH, SERVICE, COUNTER, REF_CHANGE, CERTIFICATE_TYPE, DOCUMENT_TYPE, EVENT, PRINTER_ROLE, PERSON, CASE, ACCOUNT_LINE, TICKET, VISIT_EVENT, COUNTER_STATE, COUNTER_EVENT, SUBMISSION, SUBMISSION_REVIEW, CERTIFICATE, CERTIFICATE_REVOCATION, BACKOFFICE_REQUEST, CASH_SESSION, CASH_ENTRY, CASH_APPROVAL, PAYMENT_ORDER, DEVICE, STATS_DAY, STATS_MONTH, SCAN];

describe('the table of where types live', () => {
  it('has one row per type constant, and the registry one validator per row', () => {
    expect(TYPE_HOMES.map((h) => h.type).sort()).toEqual([...CONSTANTS].sort());
    expect(TYPE_SPECS.map((s) => s.type)).toEqual(TYPE_HOMES.map((h) => h.type));
    for (const spec of TYPE_SPECS) expect(typeof spec.validate, spec.type).toBe('function');
  });
});
