/**
 * The day journal as CSV for a spreadsheet: RFC 4180 quoting and CRLF, but `;` between fields
 * and the locale's decimal separator in amounts, because French Excel (the institution's
 * spreadsheet) reads `;` as its list separator and "43,70" as a number — with `,` every row
 * would land in one column. Amounts are signed with a leading minus and no grouping, so they
 * stay numbers; a UTF-8 byte-order mark makes the accents read right. One row per document
 * number, voids included; the totals are the spreadsheet's to compute. Pure.
 */
import { padDocumentNumber } from '../../couch-design/types/cash.ts';
import type { Locale } from '../i18n/translate.ts';
import type { Translate } from '../i18n/reasons.ts';
import { timeFormatter } from '../i18n/format.ts';
import { journalDay, rowDesignation } from './journal-sheet.ts';
import type { DayJournal } from './reports.ts';

const SEPARATOR = ';';

function field(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Minor units → "-43,70" (fr) or "-43.70" (en): signed, no grouping. */
function plainAmount(minor: number, decimals: number, locale: Locale): string {
  const digits = String(Math.abs(minor)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const text = decimals > 0 ? whole + (locale === 'fr' ? ',' : '.') + digits.slice(digits.length - decimals) : whole;
  return minor < 0 ? '-' + text : text;
}

export function journalCsv(j: DayJournal, t: Translate, locale: Locale, zone: string, decimals: number): string {
  const head = [t('cash.journal.number'), t('cash.journal.date'), t('cash.journal.time'), t('cash.journal.designation'), t('cash.journal.account'), t('cash.journal.entries'), t('cash.journal.means'), t('cash.journal.counter'), t('cash.journal.officer')];
  const time = timeFormatter(locale, zone);
  const rows = j.rows.map((r) => [
    padDocumentNumber(r.number),
    journalDay(j.day),
    time(r.at),
    rowDesignation(t, r),
    r.account,
    r.kind === 'void' ? '' : plainAmount(r.amount, decimals, locale),
    r.means ? t(`cash.means.${r.means}`) : '',
    j.counter,
    r.agent,
  ]);
  return '\ufeff' + [head, ...rows].map((row) => row.map(field).join(SEPARATOR)).join('\r\n') + '\r\n';
}
