/** What every receipt starts with, and the formatting helpers templates share. Pure. */
import type { Bitmap, Block } from '../receipt-model.ts';
import { type Locale, type MessageKey, type Params, translate } from '../../i18n/translate.ts';
import { formatDateTime, formatMoney } from '../../i18n/format.ts';

export interface ReceiptHeader {
  institution: string;
  branchName: string;
  logo?: Bitmap;
  /** IANA zone of the branch (Africa/Douala): the time printed is the branch's. */
  timeZone?: string;
}

export interface Money {
  /** Integer minor units. */
  amount: number;
  currency: string;
  decimals: number;
}

export function headerBlocks(header: ReceiptHeader): Block[] {
  return [
    ...(header.logo ? [{ kind: 'logo', bitmap: header.logo } as const] : []),
    { kind: 'text', text: header.institution, align: 'center', bold: true },
    { kind: 'text', text: header.branchName, align: 'center' },
    { kind: 'rule' },
  ];
}

/** Translator and formatters bound to one locale and the branch's time zone. */
export function formatters(locale: Locale, timeZone?: string) {
  return {
    t: (key: MessageKey, params?: Params) => translate(locale, key, params),
    dateTime: (iso: string) => formatDateTime(iso, locale, timeZone),
    money: (m: Money) => formatMoney(m.amount, m.currency, m.decimals, locale),
  };
}
