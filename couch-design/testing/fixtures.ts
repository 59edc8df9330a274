/**
 * One valid document of every type, for tests here and in app/ and server/. Branch `dla`.
 * Each call returns fresh objects, so tests may mutate them.
 */
import type { UserCtx } from '../validate/problems.ts';
import { uid } from '../ids/uid.ts';
import { ticketId, visitEventId } from '../types/ticket.ts';
import { counterStateId } from '../types/counter-state.ts';
import { counterEventId } from '../types/counter-event.ts';
import { submissionId, submissionReviewId } from '../types/submission.ts';
import { certificateId } from '../types/certificate.ts';
import { certificateRevocationId } from '../types/certificate-revocation.ts';
import { backofficeRequestId } from '../types/backoffice-request.ts';
import { cashSessionId } from '../types/cash.ts';
import { GENESIS_HASH, cashEntryId } from '../types/cash-entry.ts';
import { cashApprovalId } from '../types/cash-approval.ts';
import { paymentOrderId } from '../types/payment-order.ts';
import { statsDayId } from '../types/stats-day.ts';
import { statsMonthId } from '../types/stats-month.ts';
import { scanId } from '../types/scan.ts';

const DAY = '2024-03-05';
const AT = '2024-03-05T08:15:00.000Z';
const U1 = uid(Date.UTC(2024, 2, 5, 8, 15), 'k1', 1);
const U2 = uid(Date.UTC(2024, 2, 5, 8, 16), 'c1', 2);

export function goodDocs(): Record<string, Record<string, unknown>> {
  const ticket = ticketId({ branch: 'dla', day: DAY, series: 'A', seq: 12 });
  const session = cashSessionId('dla', 'C08', 1);
  return {
    institution: { _id: 'institution', type: 'institution', name: 'CNPS', currency: 'XAF', currencyDecimals: 0, defaultLocale: 'fr', updatedBy: 'admin.hq', updatedAt: AT },
    branch: { _id: 'branch:dla', type: 'branch', code: 'dla', name: 'Douala Centre', city: 'Douala', services: ['family', 'cash'], updatedBy: 'admin.hq', updatedAt: AT },
    service: {
      _id: 'service:family',
      type: 'service',
      code: 'family',
      name: { fr: 'Prestations familiales', en: 'Family benefits' },
      series: 'A',
      targetWaitMinutes: 20,
      cashDesk: false,
      active: true,
      updatedBy: 'admin.hq',
      updatedAt: AT,
    },
    counter: { _id: 'counter:dla:C01', type: 'counter', branch: 'dla', code: 'C01', label: 'Guichet 1', cashDesk: false, services: ['family'], updatedBy: 'admin.hq', updatedAt: AT },
    ref_change: {
      _id: 'refchange:counter:dla:C01:' + U1,
      type: 'ref_change',
      target: 'counter:dla:C01',
      branch: 'dla',
      before: { _id: 'counter:dla:C01', type: 'counter', branch: 'dla', code: 'C01', label: 'Guichet 1', cashDesk: false, services: [] },
      after: { _id: 'counter:dla:C01', type: 'counter', branch: 'dla', code: 'C01', label: 'Guichet 1', cashDesk: false, services: ['family'], updatedBy: 'admin.hq', updatedAt: AT },
      by: 'admin.hq',
      at: AT,
    },
    event: {
      _id: 'event:family_benefits_male',
      type: 'event',
      code: 'family_benefits_male',
      name: { fr: 'Prestations familiales (assuré homme)', en: 'Family benefits (male insurant)' },
      requiredDocuments: ['0104', '0215', '0228'],
      updatedBy: 'admin.hq',
      updatedAt: AT,
    },
    printer_role: { _id: 'printer:kiosk', type: 'printer_role', role: 'kiosk', profile: 'epson-80', paper: 80, codepage: 'windows1252', fallback: 'dialog', drawerKick: false, updatedBy: 'admin.hq', updatedAt: AT },
    document_type: { _id: 'doctype:0104', type: 'document_type', code: '0104', name: { fr: 'Acte de naissance', en: 'Birth certificate' }, validityMonths: 3, updatedBy: 'admin.hq', updatedAt: AT },
    certificate_type: {
      _id: 'certtype:affiliation',
      type: 'certificate_type',
      code: 'affiliation',
      name: { fr: "Attestation d'immatriculation", en: 'Registration certificate' },
      for: ['insurant', 'employer'],
      rule: 'registered',
      updatedBy: 'admin.hq',
      updatedAt: AT,
    },
    settings: { _id: 'settings:global', type: 'settings', scope: 'global', values: { ticketResetHour: 0 } },
    person: { _id: 'person:1000123', type: 'person', kind: 'insurant', number: '1000123', familyName: 'Ékotto', givenName: 'Jean', sex: 'M', birthDate: '1980-01-31' },
    case: {
      _id: 'case:1000123:2024-0001',
      type: 'case',
      person: 'person:1000123',
      caseNo: '2024-0001',
      kind: 'family_benefits',
      status: 'pending_documents',
      openedAt: AT,
      updatedAt: AT,
      summary: 'Allocations familiales, 2 enfants',
      missingDocuments: ['0228'],
    },
    account_line: { _id: 'accline:415120:2013-Q2', type: 'account_line', employer: 'person:415120', period: '2013-Q2', amountDue: 150000, amountPaid: 100000, currency: 'XAF' },
    ticket: { _id: ticket, type: 'ticket', branch: 'dla', day: DAY, service: 'family', series: 'A', seq: 12, label: 'A012', issuedAt: AT, device: 'k1', state: 'waiting' },
    visit_event: {
      _id: visitEventId({ day: DAY, series: 'A', seq: 12 }, U1),
      type: 'visit_event',
      branch: 'dla',
      day: DAY,
      ticket,
      service: 'family',
      action: 'issued',
      at: AT,
      agent: 'kiosk.dla',
      device: 'k1',
    },
    device: { _id: 'device:dla:1', type: 'device', branch: 'dla', slot: 1, deviceId: 'k1', user: 'kiosk.dla', registeredAt: AT },
    counter_state: { _id: counterStateId('dla', 'C01'), type: 'counter_state', branch: 'dla', counter: 'C01', status: 'open', agent: 'counter.dla', updatedAt: AT },
    counter_event: {
      _id: counterEventId('dla', DAY, 'C01', U2),
      type: 'counter_event',
      branch: 'dla',
      day: DAY,
      counter: 'C01',
      agent: 'counter.dla',
      device: 'c1',
      action: 'paused',
      at: AT,
      hour: 9,
      from: 'open',
      busyMs: 1_500_000,
      idleMs: 300_000,
      pausedMs: 0,
    },
    submission: {
      _id: submissionId(DAY, U2),
      type: 'submission',
      branch: 'dla',
      day: DAY,
      person: 'person:1000123',
      ticket,
      event: 'family_benefits_male',
      documents: [{ code: '0104', designation: 'Acte de naissance', edition: '2024-01-10', copies: 1 }],
      receiptNumber: 'DLA-2024-000001',
      agent: 'counter.dla',
      counter: 'C01',
      at: AT,
    },
    scan: {
      _id: scanId(DAY, U2, '0104'),
      type: 'scan',
      branch: 'dla',
      day: DAY,
      submission: submissionId(DAY, U2),
      code: '0104',
      agent: 'counter.dla',
      at: AT,
      // "JPEG!" in base64: the validator reads the size, not the bytes.
      _attachments: { '0104.jpg': { content_type: 'image/jpeg', data: 'SlBFRyE=' } },
    },
    submission_review: {
      _id: submissionReviewId(DAY, U2),
      type: 'submission_review',
      branch: 'dla',
      day: DAY,
      submission: submissionId(DAY, U2),
      documentCode: '0104',
      decision: 'refused',
      reason: 'illisible',
      agent: 'backoffice.dla',
      at: AT,
    },
    certificate: {
      _id: certificateId(DAY, U2),
      type: 'certificate',
      branch: 'dla',
      day: DAY,
      certType: 'affiliation',
      person: 'person:1000123',
      number: 'DLA-C-000001',
      seal: 'FOC1|DLA-C-000001|affiliation|1000123|Ékotto Jean|2024-03-05|-|dla|dla-C01-7Q2K.2025-03-05.AAAA.BBBB|CCCC',
      keyId: 'dla-C01-7Q2K',
      certified: { rule: 'registered', number: '1000123', kind: 'insurant' },
      locale: 'fr',
      issuedAt: AT,
      agent: 'counter.dla',
      counter: 'C01',
    },
    certificate_revocation: {
      _id: certificateRevocationId('ATT-DLA-240305-C1-001'),
      type: 'certificate_revocation',
      branch: 'dla',
      day: DAY,
      certificate: certificateId(DAY, U2),
      number: 'ATT-DLA-240305-C1-001',
      reason: 'issued_in_error',
      note: 'Wrong employer selected',
      agent: 'backoffice.dla',
      at: AT,
    },
    backoffice_request: {
      _id: backofficeRequestId(DAY, U2),
      type: 'backoffice_request',
      branch: 'dla',
      day: DAY,
      channel: 'counter',
      requester: 'person',
      person: 'person:1000123',
      subject: 'Dossier bloqué',
      message: 'Le dossier attend depuis 3 mois',
      status: 'new',
      dueDate: DAY,
      dueSetOn: DAY,
      requestedBy: 'counter.dla',
      requestedAt: AT,
      updatedAt: AT,
    },
    cash_session: {
      _id: session,
      type: 'cash_session',
      branch: 'dla',
      day: DAY,
      counter: 'C08',
      seq: 1,
      cashier: 'cashier.dla',
      currency: 'XAF',
      openedAt: AT,
      openingFloat: 50000,
      openingCount: [[10000, 4], [5000, 2]],
      firstNumber: 1,
      varianceThreshold: 5000,
      reversalThreshold: 100000,
      state: 'open',
    },
    cash_entry: {
      _id: cashEntryId('dla', 'C08', 1),
      type: 'cash_entry',
      branch: 'dla',
      day: DAY,
      counter: 'C08',
      number: 1,
      session,
      agent: 'cashier.dla',
      at: AT,
      kind: 'receipt',
      category: 'contribution',
      amount: 125000,
      currency: 'XAF',
      means: 'cash',
      person: 'person:415120',
      account: '415120',
      periods: ['2013-Q2'],
      designation: 'COT 2TR 2013',
      prevHash: GENESIS_HASH,
    },
    cash_approval: {
      _id: cashApprovalId('dla', 'C08', 1),
      type: 'cash_approval',
      branch: 'dla',
      day: DAY,
      counter: 'C08',
      entry: cashEntryId('dla', 'C08', 1),
      amount: 125000,
      reason: 'Mauvais compte',
      supervisor: 'supervisor.dla',
      at: AT,
    },
    payment_order: {
      _id: paymentOrderId('dla', U2),
      type: 'payment_order',
      branch: 'dla',
      day: DAY,
      beneficiary: 'person:1000123',
      kind: 'daily_allowance',
      designation: 'IJ 01/02-29/02/2024',
      amount: 87000,
      currency: 'XAF',
      authorisedBy: 'backoffice.dla',
      authorisedAt: AT,
      state: 'authorised',
    },
    stats_day: {
      _id: statsDayId(DAY, 'dla'),
      type: 'stats_day',
      branch: 'dla',
      day: DAY,
      stats: [[['', 'C01', 'counter.dla', 9], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1_500_000, 300_000]]],
      durations: [[['family', 'C01', 'counter.dla', 9, 'wait'], [1, 600_000, 600_000, 600_000]]],
      computedAt: '2024-03-06T00:05:00.000Z',
    },
    stats_month: {
      _id: statsMonthId('2024-02', 'dla'),
      type: 'stats_month',
      branch: 'dla',
      month: '2024-02',
      combos: [
        ['', 'C01', 'counter.dla'],
        ['family', 'C01', 'counter.dla'],
      ],
      days: [
        [5, 0, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1_500_000, 300_000], 0, 0],
        [5, 1, [1, 1], [1, 600_000, 600_000, 600_000], 0],
      ],
      hours: [
        [9, 0, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1_500_000, 300_000], 0, 0],
        [9, 1, [1, 1], [1, 600_000, 600_000, 600_000], 0],
      ],
      computedAt: '2024-03-01T00:05:00.000Z',
    },
  };
}

/** A user as CouchDB's userCtx would describe them. */
export function user(roles: string[], name = 'someone', db?: string): UserCtx {
  return db === undefined ? { name, roles } : { name, roles, db };
}

export const SERVER_ADMIN: UserCtx = { name: 'admin', roles: ['_admin'] };
