/**
 * The day journal as the brief lays it out, in words ready to print: "Day 28/03/2013 ·
 * Counter officer … · Counter C01", then Document N° · Date · Designation · Account N° ·
 * Entries (a reversal "43 70-", a voided number with its reason), the total, the totals by
 * means of payment and by category, and the chain's state. Pure: the PDF renderer
 * (journal-pdf.ts), the receipt-printer template and the CSV export read the same journal.
 */
import { PAYMENT_MEANS } from '../../couch-design/types/cash-entry.ts';
import { padDocumentNumber } from '../../couch-design/types/cash.ts';
import type { Locale } from '../i18n/translate.ts';
import type { Translate } from '../i18n/reasons.ts';
import { timeFormatter } from '../i18n/format.ts';
import type { ChainCheck } from './chain.ts';
import { formatAmount } from './money.ts';
import type { DayJournal, JournalRow } from './reports.ts';

export const JOURNAL_CATEGORIES = ['contribution', 'punctual_payment', 'daily_allowance', 'adjustment', 'reversal'] as const;

export interface JournalSheet {
  title: string;
  /** Institution and branch. */
  issuer: string;
  head: string;
  columns: [string, string, string, string, string];
  rows: [string, string, string, string, string][];
  total: [string, string];
  byMeans: [string, string][];
  byCategory: [string, string][];
  chain: string;
  chainIntact: boolean;
}

export interface SheetContext {
  t: Translate;
  locale: Locale;
  zone: string;
  decimals: number;
  issuer: string;
}

/** 2013-03-28 → 28/03/2013, as the brief's journal prints the day. */
export function journalDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

export function rowDesignation(t: Translate, r: JournalRow): string {
  if (r.kind === 'void') return t('cash.journal.void', { reason: r.reason ?? '' });
  if (r.reverses !== null) return `${r.designation} ${t('cash.journal.reverses', { number: padDocumentNumber(r.reverses), reason: r.reason ?? '' })}`;
  return r.designation;
}

export function journalSheet(j: DayJournal, chain: ChainCheck, c: SheetContext): JournalSheet {
  const { t } = c;
  const money = (minor: number) => formatAmount(minor, c.decimals, c.locale, { trailingMinus: true });
  const time = timeFormatter(c.locale, c.zone);
  return {
    title: t('cash.journal.title'),
    issuer: c.issuer,
    head: t('cash.journal.head', { day: journalDay(j.day), officer: j.cashiers.join(', '), counter: j.counter }),
    columns: [t('cash.journal.number'), t('cash.journal.date'), t('cash.journal.designation'), t('cash.journal.account'), t('cash.journal.entries')],
    rows: j.rows.map((r) => [padDocumentNumber(r.number), time(r.at), rowDesignation(t, r), r.account, r.kind === 'void' ? '—' : money(r.amount)]),
    total: [t('cash.journal.total'), money(j.total)],
    byMeans: PAYMENT_MEANS.map((m) => [t(`cash.means.${m}`), money(j.byMeans[m])]),
    byCategory: [...JOURNAL_CATEGORIES.map((k): [string, string] => [t(`cash.category.${k}`), money(j.byCategory[k])]), [t('cash.journal.voids'), String(j.voids)]],
    chain: chain.intact ? t('cash.journal.chainIntact') : t('cash.journal.chainBroken', { number: padDocumentNumber(chain.number) }),
    chainIntact: chain.intact,
  };
}
