/**
 * Demo data for each template, in the shapes of the demo institution (server/demo-data):
 * the settings screen previews and test-prints them, and the tests assert on them. Names
 * carry the accents and the ligature French receipts must print.
 */
import type { Locale } from '../i18n/translate.ts';
import type { Receipt } from './receipt-model.ts';
import type { ReceiptHeader } from './templates/common.ts';
import { queueTicket } from './templates/queue-ticket.ts';
import { submissionReceipt } from './templates/submission-receipt.ts';
import { cashPaymentSlip, cashReceipt, type CashData } from './templates/cash.ts';
import { certificateStub } from './templates/certificate-stub.ts';

export const SAMPLE_KINDS = ['ticket', 'submission', 'cashReceipt', 'cashSlip', 'certificate'] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];

const HEADER: ReceiptHeader = {
  institution: 'Caisse Nationale de Prévoyance Sociale',
  branchName: 'Douala Centre',
  timeZone: 'Africa/Douala',
};

const CASH: CashData = {
  ...HEADER,
  documentNumber: 'CR-DLA-2024-000731',
  at: '2024-03-14T09:41:00Z',
  person: { number: '415120', name: 'Œuvres Sociales Ébodé & Fils' },
  account: '415120',
  designation: 'COT 2TR 2013',
  amount: 1_250_000,
  currency: 'XAF',
  decimals: 0,
  cashier: 'cashier.dla',
  counter: 'C07',
};

const EN = { fr: 0, en: 1 } as const;

export function sampleReceipt(kind: SampleKind, locale: Locale): Receipt {
  const i = EN[locale];
  switch (kind) {
    case 'ticket':
      return queueTicket(
        {
          ...HEADER,
          serviceName: ['Prestations familiales', 'Family benefits'][i]!,
          label: 'F012',
          issuedAt: '2024-03-14T08:05:00Z',
          waitingAhead: 7,
          wait: { kind: 'minutes', minutes: 25 },
          qr: 'ticket:dla:2024-03-14:F:0012',
        },
        locale,
      );
    case 'submission':
      return submissionReceipt(
        {
          ...HEADER,
          receiptNumber: 'AR-DLA-2024-001532',
          at: '2024-03-14T09:12:00Z',
          person: { number: '1234567890', name: 'Ékotto Hélène' },
          ticket: 'F012',
          event: ['Prestations familiales (assuré homme)', 'Family benefits (male insurant)'][i]!,
          documents: [
            { code: '0104', designation: ['Acte de naissance', 'Birth certificate'][i]!, copies: 1 },
            { code: '0215', designation: ['Autorisation de perception (légalisée)', 'Perception authorization (legalized)'][i]!, copies: 1 },
            { code: '0228', designation: ['Actes de naissance des enfants', "Children's birth certificates"][i]!, copies: 3 },
          ],
          agent: 'counter.dla',
          counter: 'C01',
          qr: 'submission:2024-03-14:lts6k2x9a-dev1-0001',
        },
        locale,
      );
    case 'cashReceipt':
      return cashReceipt(CASH, locale);
    case 'cashSlip':
      return cashPaymentSlip(
        {
          ...CASH,
          documentNumber: 'CP-DLA-2024-000214',
          person: { number: '7788990011', name: 'Ngo Bassa Noëlle' },
          account: undefined,
          designation: ['IJ MARS 2024', 'DA MARCH 2024'][i]!,
          amount: 87_580,
          counter: 'C08',
        },
        locale,
      );
    case 'certificate':
      return certificateStub(
        {
          ...HEADER,
          certificateName: ["Attestation de non-redevance", 'Certificate of no arrears'][i]!,
          number: 'ANR-DLA-2024-0093',
          issuedAt: '2024-03-14T10:30:00Z',
          validUntil: '2024-06-14',
          person: { number: '415120', name: 'Œuvres Sociales Ébodé & Fils' },
          verifyAt: 'verify.example/verify',
          qr: 'https://verify.example/verify#FOC1%7CANR-DLA-2024-0093',
          agent: 'counter.dla',
          counter: 'C05',
        },
        locale,
      );
  }
}
