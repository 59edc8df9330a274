/**
 * The cash desk's listings out of the screen: the day journal as PDF (A4), CSV and on the
 * receipt printer; the X and Z reports on the receipt printer and as PDF. The sheets are built
 * by app/cash (pure); jsPDF is loaded on the first export only.
 */
import type { CashEntry } from '../../../couch-design/types/cash-entry.ts';
import type { CashSession } from '../../../couch-design/types/cash.ts';
import type { Locale } from '../../i18n/translate.ts';
import type { Translate } from '../../i18n/reasons.ts';
import { dayJournal, journalChain, xReport, zReport } from '../../cash/reports.ts';
import { journalSheet, type JournalSheet } from '../../cash/journal-sheet.ts';
import { journalCsv } from '../../cash/journal-csv.ts';
import { reportSheet, type ReportSheet } from '../../cash/report-sheet.ts';
import { printReceipt, type PrintOutcome } from '../../printing/print-receipt.ts';
import type { CashRef } from './cash-desk.ts';
import { download } from '../../ui/download.ts';

export interface ExportContext {
  t: Translate;
  locale: Locale;
  zone: string;
  cfg: CashRef;
}


const header = (c: ExportContext) => ({ institution: c.cfg.institution?.name ?? '', branchName: c.cfg.branch?.name ?? '', timeZone: c.zone });
const issuer = (c: ExportContext) => [c.cfg.institution?.name, c.cfg.branch?.name].filter(Boolean).join(' · ');

export function deskJournalSheet(c: ExportContext, day: string, branch: string, counter: string, deskEntries: readonly CashEntry[]): JournalSheet {
  return journalSheet(dayJournal(day, branch, counter, deskEntries), journalChain(deskEntries), { t: c.t, locale: c.locale, zone: c.zone, decimals: c.cfg.decimals, issuer: issuer(c) });
}

export async function downloadJournalPdf(sheet: JournalSheet, name: string): Promise<void> {
  const { journalPdf } = await import('../../cash/journal-pdf.ts');
  download(journalPdf(sheet), `${name}.pdf`);
}

export function downloadJournalCsv(c: ExportContext, day: string, branch: string, counter: string, deskEntries: readonly CashEntry[], name: string): void {
  const csv = journalCsv(dayJournal(day, branch, counter, deskEntries), c.t, c.locale, c.zone, c.cfg.decimals);
  download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
}

export function printJournal(c: ExportContext, sheet: JournalSheet): Promise<PrintOutcome> {
  return printReceipt({ template: 'cash_journal', data: { ...header(c), sheet } }, c.locale);
}

/** X while the session is open, Z once closed. */
export function sessionSheet(c: ExportContext, session: CashSession, deskEntries: readonly CashEntry[]): ReportSheet {
  const report = session.state === 'closed' ? zReport(session, deskEntries) : xReport(session, deskEntries, new Date().toISOString());
  return reportSheet(report, c.t, c.locale, c.zone, c.cfg.decimals, issuer(c));
}

export function printSessionReport(c: ExportContext, sheet: ReportSheet): Promise<PrintOutcome> {
  return printReceipt({ template: 'cash_report', data: { ...header(c), sheet } }, c.locale);
}

export async function downloadSessionReport(c: ExportContext, sheet: ReportSheet, name: string): Promise<void> {
  const [{ receiptPdf }, { cashReportReceipt }] = await Promise.all([import('../../printing/pdf.ts'), import('../../printing/templates/cash-reports.ts')]);
  download(receiptPdf(cashReportReceipt({ ...header(c), sheet })).output('blob'), `${name}.pdf`);
}
