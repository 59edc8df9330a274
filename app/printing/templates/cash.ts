/**
 * Cash receipt (money in, for the payer) and cash payment slip (money out, signed by the
 * beneficiary): amount in figures and in words, account, period, cashier and counter.
 */
import type { Block, Receipt } from '../receipt-model.ts';
import type { Locale } from '../../i18n/translate.ts';
import { amountInWords } from '../number-words.ts';
import { type Money, type ReceiptHeader, formatters, headerBlocks } from './common.ts';

export interface CashData extends ReceiptHeader, Money {
  documentNumber: string;
  at: string;
  person: { number: string; name: string };
  /** Employer account the money is booked to (415120). */
  account?: string;
  /** As booked: 'COT 2TR 2013'. */
  designation: string;
  cashier: string;
  counter: string;
  /** Document number of the entry this one reverses. */
  reverses?: string;
}

function cashBlocks(data: CashData, locale: Locale, title: string, personLabel: string, closing: Block[]): Block[] {
  const { t, dateTime, money } = formatters(locale, data.timeZone);
  const words = amountInWords(data.amount, data.currency, data.decimals, locale);
  return [
    ...headerBlocks(data),
    { kind: 'title', text: title },
    { kind: 'pair', label: t('print.number'), value: data.documentNumber, bold: true },
    { kind: 'pair', label: t('print.date'), value: dateTime(data.at) },
    ...(data.reverses ? [{ kind: 'pair', label: t('print.cash.reverses'), value: data.reverses } as const] : []),
    { kind: 'rule' },
    { kind: 'pair', label: personLabel, value: data.person.number },
    { kind: 'text', text: data.person.name, bold: true },
    ...(data.account ? [{ kind: 'pair', label: t('print.cash.account'), value: data.account } as const] : []),
    { kind: 'pair', label: t('print.cash.designation'), value: data.designation },
    { kind: 'rule' },
    { kind: 'pair', label: t('print.cash.amount'), value: money(data), bold: true },
    { kind: 'text', text: t('print.cash.inWords') },
    { kind: 'text', text: words.charAt(0).toUpperCase() + words.slice(1) + '.' },
    { kind: 'rule' },
    { kind: 'pair', label: t('print.cash.cashier'), value: data.cashier },
    { kind: 'pair', label: t('print.counter'), value: data.counter },
    ...closing,
    { kind: 'barcode', data: data.documentNumber },
    { kind: 'cut' },
  ];
}

export function cashReceipt(data: CashData, locale: Locale): Receipt {
  const { t } = formatters(locale);
  return {
    summary: t('print.cash.receiptSummary', { number: data.documentNumber }),
    blocks: cashBlocks(data, locale, t('print.cash.receiptTitle'), t('print.cash.payer'), [{ kind: 'feed', lines: 1 }]),
  };
}

export function cashPaymentSlip(data: CashData, locale: Locale): Receipt {
  const { t } = formatters(locale);
  const signature: Block[] = [
    { kind: 'feed', lines: 1 },
    { kind: 'text', text: t('print.cash.signature') },
    { kind: 'feed', lines: 3 },
    { kind: 'text', text: '_'.repeat(24) },
  ];
  return {
    summary: t('print.cash.slipSummary', { number: data.documentNumber }),
    blocks: cashBlocks(data, locale, t('print.cash.slipTitle'), t('print.cash.beneficiary'), signature),
  };
}
