/** A print request (template name + its data) → the receipt. */
import type { Locale } from '../../i18n/translate.ts';
import type { Receipt } from '../receipt-model.ts';
import { queueTicket, type QueueTicketData } from './queue-ticket.ts';
import { submissionReceipt, type SubmissionReceiptData } from './submission-receipt.ts';
import { cashPaymentSlip, cashReceipt, type CashData } from './cash.ts';
import { cashJournalReceipt, cashReportReceipt, type CashJournalData, type CashReportData } from './cash-reports.ts';
import { certificateStub, type CertificateStubData } from './certificate-stub.ts';

export type PrintRequest =
  | { template: 'ticket'; data: QueueTicketData }
  | { template: 'submission'; data: SubmissionReceiptData }
  | { template: 'cash_receipt'; data: CashData }
  | { template: 'cash_slip'; data: CashData }
  | { template: 'cash_journal'; data: CashJournalData }
  | { template: 'cash_report'; data: CashReportData }
  | { template: 'certificate_stub'; data: CertificateStubData };

export function renderTemplate(request: PrintRequest, locale: Locale): Receipt {
  switch (request.template) {
    case 'ticket':
      return queueTicket(request.data, locale);
    case 'submission':
      return submissionReceipt(request.data, locale);
    case 'cash_receipt':
      return cashReceipt(request.data, locale);
    case 'cash_slip':
      return cashPaymentSlip(request.data, locale);
    case 'cash_journal':
      return cashJournalReceipt(request.data);
    case 'cash_report':
      return cashReportReceipt(request.data);
    case 'certificate_stub':
      return certificateStub(request.data, locale);
  }
}
