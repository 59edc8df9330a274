/** A cash entry as the printing module's cash receipt / payment slip. */
import type { CashEntry } from '../../../couch-design/types/cash-entry.ts';
import { padDocumentNumber } from '../../../couch-design/types/cash.ts';
import type { Locale } from '../../i18n/translate.ts';
import { printReceipt, type PrintOutcome } from '../../printing/print-receipt.ts';
import type { CashRef } from './cash-desk.ts';

export function printEntry(entry: CashEntry, payer: { number: string; name: string }, ref: CashRef, locale: Locale, zone: string): Promise<PrintOutcome> {
  const reverses = entry.reverses ? padDocumentNumber(Number(entry.reverses.slice(entry.reverses.lastIndexOf(':') + 1))) : undefined;
  return printReceipt(
    {
      template: entry.kind === 'payment' ? 'cash_slip' : 'cash_receipt',
      data: {
        institution: ref.institution?.name ?? '',
        branchName: ref.branch?.name ?? entry.branch,
        timeZone: zone,
        documentNumber: padDocumentNumber(entry.number),
        at: entry.at,
        person: payer,
        ...(entry.account ? { account: entry.account } : {}),
        designation: entry.designation ?? '',
        cashier: entry.agent,
        counter: entry.counter,
        amount: entry.amount ?? 0,
        currency: entry.currency,
        decimals: ref.decimals,
        ...(reverses ? { reverses } : {}),
      },
    },
    locale,
  );
}
