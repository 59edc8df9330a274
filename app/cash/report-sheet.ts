/**
 * An X report (the open session so far) or a Z report (the closed session, frozen) in words
 * ready to print: label/value pairs under a title. The X report never shows what the drawer
 * should hold (the closing count is blind). Pure: printed on the receipt printer and as PDF
 * from the same sheet.
 */
import { PAYMENT_MEANS } from '../../couch-design/types/cash-entry.ts';
import { padDocumentNumber } from '../../couch-design/types/cash.ts';
import type { Locale } from '../i18n/translate.ts';
import type { Translate } from '../i18n/reasons.ts';
import { formatDateTime } from '../i18n/format.ts';
import { JOURNAL_CATEGORIES } from './journal-sheet.ts';
import { formatAmount } from './money.ts';
import type { SessionReport } from './reports.ts';

export interface ReportSheet {
  kind: 'X' | 'Z';
  title: string;
  issuer: string;
  /** Groups of pairs, printed with a rule between them. */
  groups: [string, string][][];
}

export function reportSheet(r: Omit<SessionReport, 'expected'> & { expected?: number }, t: Translate, locale: Locale, zone: string, decimals: number, issuer: string): ReportSheet {
  const money = (minor: number) => formatAmount(minor, decimals, locale, { trailingMinus: true });
  const when = (iso: string) => formatDateTime(iso, locale, zone);
  const numbers = r.lastNumber >= r.firstNumber ? `${padDocumentNumber(r.firstNumber)} – ${padDocumentNumber(r.lastNumber)}` : '—';
  const closing: [string, string][] =
    r.kind === 'Z'
      ? [
          [t('cash.result.expected'), money(r.expected!)],
          [t('cash.result.counted'), money(r.counted!)],
          [t('cash.result.variance'), money(r.variance!)],
          ...(r.signedOffBy ? [[t('cash.report.signedOffBy'), r.signedOffBy] as [string, string]] : []),
        ]
      : [];
  return {
    kind: r.kind,
    title: t(r.kind === 'X' ? 'cash.report.xTitle' : 'cash.report.zTitle'),
    issuer,
    groups: [
      [
        [t('cash.report.desk'), r.counter],
        [t('cash.report.cashier'), r.cashier],
        [t('cash.report.opened'), when(r.openedAt)],
        [t(r.kind === 'X' ? 'cash.report.printedAt' : 'cash.report.closed'), when(r.at)],
        [t('cash.result.numbers'), numbers],
        [t('cash.report.entries'), String(r.totals.count)],
      ],
      [
        [t('cash.report.float'), money(r.openingFloat)],
        [t('cash.report.receipts'), money(r.totals.receipts)],
        [t('cash.report.payments'), money(-r.totals.payments)],
        [t('cash.category.reversal'), money(r.totals.reversals)],
        [t('cash.journal.total'), money(r.totals.net)],
      ],
      PAYMENT_MEANS.map((m) => [t(`cash.means.${m}`), money(r.totals.byMeans[m])]),
      [...JOURNAL_CATEGORIES.map((k): [string, string] => [t(`cash.category.${k}`), money(r.totals.byCategory[k])]), [t('cash.journal.voids'), String(r.totals.voids)]],
      ...(closing.length ? [closing] : []),
    ],
  };
}
