import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import type { CashSession } from '../../couch-design/types/cash.ts';
import type { PaymentOrder } from '../../couch-design/types/payment-order.ts';
import { goodDocs } from '../../couch-design/testing/fixtures.ts';
import { translate, type Locale } from '../i18n/translate.ts';
import { cashSettings } from './config.ts';
import { countSession, openSession } from './session.ts';
import { type Built, type Desk, payment, receipt, reversal, voidNumber } from './entries.ts';
import { dayJournal, journalChain, xReport, zReport } from './reports.ts';
import { journalSheet } from './journal-sheet.ts';
import { journalCsv } from './journal-csv.ts';
import { journalPdfDoc } from './journal-pdf.ts';
import { reportSheet } from './report-sheet.ts';
import { cashJournalReceipt, cashReportReceipt } from '../printing/templates/cash-reports.ts';

const settings = cashSettings({ currency: 'XAF', currencyDecimals: 0 });
const DAY = '2024-03-05';
const at = (min: number) => new Date(Date.UTC(2024, 2, 5, 8, min)).toISOString();
const t = (locale: Locale) => (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(locale, key, params);
const tmp = mkdtempSync(join(tmpdir(), 'fo-journal-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A session of desk C08: cash 12,500; cheque 30,000 (designation with a ';'); a payment of 87,000; the cheque reversed; a void. */
function day(): { session: CashSession; entries: CashEntry[] } {
  const opened = openSession({ branch: 'dla', day: DAY, counter: 'C08', cashier: 'cashier.dla', currency: 'XAF', at: at(0), float: 100000, settings, lastOfDesk: null, openOfCashier: [] });
  if (!('session' in opened)) throw new Error('not opened');
  const session = opened.session;
  const entries: CashEntry[] = [];
  let minute = 1;
  const take = (build: (d: Desk) => Built) => {
    const r = build({ session, last: entries.at(-1) ?? null, settings, at: at(minute++), day: DAY });
    if (!('entry' in r)) throw new Error(JSON.stringify(r.problems));
    entries.push(r.entry);
    return r.entry;
  };
  take((d) => receipt(d, { person: 'person:415120', account: '415120', periods: ['2013-Q2'], amount: 12500, payment: { means: 'cash' } }));
  const cheque = take((d) => receipt(d, { person: 'person:415120', account: '415120', periods: ['2013-Q1'], amount: 30000, designation: 'COT 1TR 2013; solde', payment: { means: 'cheque', bank: 'SGC', chequeNumber: '778899' } }));
  take((d) => payment(d, goodDocs().payment_order as unknown as PaymentOrder, 'CNI 123456', { means: 'cash' }));
  take((d) => reversal(d, { original: cheque, reversedBy: [], reason: 'Cheque returned' }));
  take((d) => voidNumber(d, 'Spoiled printout'));
  return { session, entries };
}

describe('the day journal, exported', () => {
  const { session, entries } = day();
  const journal = dayJournal(DAY, 'dla', 'C08', entries);
  const ctx = { locale: 'en' as const, zone: 'Africa/Douala', decimals: 0, issuer: 'CNPS · Douala Centre' };

  it('reads as the brief lays it out: head, every number in order, the reversal with a trailing minus, totals, chain', () => {
    const s = journalSheet(journal, journalChain(entries), { ...ctx, t: t('en') });
    expect(s.head).toBe('Day 05/03/2024 · Counter officer cashier.dla · Counter C08');
    expect(s.rows.map((r) => r[0])).toEqual(['00000001', '00000002', '00000003', '00000004', '00000005']);
    expect(s.rows.map((r) => r[4])).toEqual(['12,500', '30,000', '87,000-', '30,000-', '—']);
    expect(s.rows[3]![2]).toBe('COT 1TR 2013; solde (reverses No. 00000002: Cheque returned)');
    expect(s.rows[4]![2]).toBe('Number voided: Spoiled printout');
    expect(s.rows[0]![1]).toBe('09:01');
    expect(s.total).toEqual(['Total', '74,500-']);
    expect(s.byMeans).toContainEqual(['Cash', '74,500-']);
    expect(s.byCategory).toContainEqual(['Reversals', '30,000-']);
    expect(s.byCategory).toContainEqual(['Numbers voided', '1']);
    expect(s.chain).toBe('Chain intact');
    const tampered = entries.map((e) => (e.number === 3 ? { ...e, amount: 8700 } : e));
    expect(journalSheet(dayJournal(DAY, 'dla', 'C08', tampered), journalChain(tampered), { ...ctx, t: t('en') }).chain).toBe('Chain broken at No. 00000004');
  });

  it('as CSV: ";"-separated, quoted where needed, signed amounts the spreadsheet reads as numbers, CRLF, UTF-8 mark', () => {
    const csv = journalCsv(journal, t('fr'), 'fr', 'Africa/Douala', 0);
    expect(csv.startsWith('\ufeffN° pièce;Date;Heure;')).toBe(true);
    const rows = csv.slice(1).split('\r\n');
    expect(rows).toHaveLength(7);
    expect(rows[6]).toBe('');
    expect(rows[1]).toBe('00000001;05/03/2024;09:01;COT 2TR 2013;415120;12500;Espèces;C08;cashier.dla');
    expect(rows[2]).toContain(';"COT 1TR 2013; solde";415120;30000;Chèque;');
    expect(rows[4]).toContain(';-30000;Chèque;');
    expect(rows[5]).toMatch(/^00000005;.*;Numéro annulé : Spoiled printout;;;;C08;cashier\.dla$/);
    // Decimals in the locale's way, never grouped.
    const eur = journalCsv({ ...journal, rows: [{ ...journal.rows[0]!, amount: -123456 }] }, t('fr'), 'fr', 'Africa/Douala', 2);
    expect(eur).toContain(';-1234,56;');
    expect(journalCsv({ ...journal, rows: [{ ...journal.rows[0]!, amount: 123456 }] }, t('en'), 'en', 'Africa/Douala', 2)).toContain(';1234.56;');
  });

  it('as PDF: pdftotext finds the head, every number once and in order, the negative entries and the total', () => {
    const file = join(tmp, 'journal.pdf');
    writeFileSync(file, new Uint8Array(journalPdfDoc(journalSheet(journal, journalChain(entries), { ...ctx, t: t('en') })).output('arraybuffer')));
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Day 05/03/2024 · Counter officer cashier.dla · Counter C08');
    const numbers = [...text.matchAll(/\b0000000\d\b/g)].map((m) => m[0]);
    expect(numbers).toEqual(['00000001', '00000002', '00000003', '00000004', '00000002', '00000005']);
    expect(text).toMatch(/00000004.*30,000-/);
    expect(text).toMatch(/Total\s+74,500-/);
    expect(text).toContain('Chain intact');
  });

  it('on the receipt printer: one line per number with its amount, then the totals and the chain', () => {
    const r = cashJournalReceipt({ institution: 'CNPS', branchName: 'Douala Centre', sheet: journalSheet(journal, journalChain(entries), { ...ctx, locale: 'fr', t: t('fr') }) });
    const table = r.blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' && table.rows.map((row) => row[1])).toEqual(['12 500', '30 000', '87 000-', '30 000-', '—']);
    expect(r.blocks).toContainEqual({ kind: 'pair', label: 'Total', value: '74 500-', bold: true });
    expect(r.blocks).toContainEqual({ kind: 'text', text: 'Chaîne intacte', bold: true });
  });

  it('X report: the totals so far and never the drawer expected; Z report: expected, counted, variance', () => {
    const x = reportSheet(xReport(session, entries, at(30)), t('en'), 'en', 'Africa/Douala', 0, 'CNPS');
    const xText = JSON.stringify(x);
    expect(x.title).toBe('X REPORT (session open)');
    expect(xText).not.toContain('Expected');
    expect(x.groups[1]).toEqual([['Opening float', '100,000'], ['Receipts', '42,500'], ['Payments', '87,000-'], ['Reversals', '30,000-'], ['Total', '74,500-']]);
    const closed = countSession(session, entries, 25000, at(60));
    const z = reportSheet(zReport(closed, entries), t('en'), 'en', 'Africa/Douala', 0, 'CNPS');
    expect(z.groups.at(-1)).toEqual([['Expected', '25,500'], ['Counted', '25,000'], ['Variance', '500-']]);
    const printed = cashReportReceipt({ institution: 'CNPS', branchName: 'Douala Centre', sheet: z });
    expect(printed.blocks).toContainEqual({ kind: 'pair', label: 'Numbers of the session', value: '00000001 – 00000005' });
  });
});
