/**
 * The cash desk's speed (issue 12): "taking a receipt" — the typed amount parsed, the entry
 * built with its SHA-256 link to the previous one, the receipt rendered with the amount in
 * words and encoded to ESC/POS bytes (p95, target under 50 ms) — and "a day journal of 2,000
 * entries as PDF" (the sheet built and rendered by jsPDF, median, target under 1 s). Exported
 * for bench/run.ts; `npx tsx bench/cash-bench.ts` prints it alone.
 */
import type { CashEntry } from '../couch-design/types/cash-entry.ts';
import { cashSettings } from '../app/cash/config.ts';
import { openSession } from '../app/cash/session.ts';
import { receipt, reversal, voidNumber, type Built, type Desk } from '../app/cash/entries.ts';
import { parseAmount } from '../app/cash/money.ts';
import { dayJournal, journalChain } from '../app/cash/reports.ts';
import { journalSheet } from '../app/cash/journal-sheet.ts';
import { journalPdf } from '../app/cash/journal-pdf.ts';
import { encodeReceipt } from '../app/printing/escpos.ts';
import { findProfile } from '../app/printing/profiles.ts';
import { cashReceipt } from '../app/printing/templates/cash.ts';
import { translate } from '../app/i18n/translate.ts';

const settings = cashSettings({ currency: 'XAF', currencyDecimals: 0 });
const DAY = '2024-03-05';
const at = (i: number) => new Date(Date.UTC(2024, 2, 5, 7, 0, i)).toISOString();

function session() {
  const r = openSession({ branch: 'dla', day: DAY, counter: 'C07', cashier: 'cashier.dla', currency: 'XAF', at: at(0), float: 100000, settings, lastOfDesk: null, openOfCashier: [] });
  if (!('session' in r)) throw new Error('not opened');
  return r.session;
}

function take(entries: CashEntry[], s: ReturnType<typeof session>, build: (d: Desk) => Built): CashEntry {
  const r = build({ session: s, last: entries.at(-1) ?? null, settings, at: at(entries.length + 1), day: DAY });
  if (!('entry' in r)) throw new Error(JSON.stringify(r.problems));
  entries.push(r.entry);
  return r.entry;
}

const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

export function benchCash(): { receiptP50: number; receiptP95: number; journalMs: number; journalBytes: number } {
  const s = session();
  const entries: CashEntry[] = [];
  const profile = findProfile('epson-80');
  const times: number[] = [];
  for (let i = 0; i < 600; i++) {
    const start = performance.now();
    const amount = parseAmount(`${12 + (i % 50)} 500`, 0, 'fr', settings.maxAmount);
    if (!amount.ok) throw new Error('amount');
    const e = take(entries, s, (d) => receipt(d, { person: 'person:415120', account: '415120', periods: ['2013-Q2'], amount: amount.minor, payment: { means: 'cash' } }));
    const printed = cashReceipt({ institution: 'CNPS', branchName: 'Douala Centre', timeZone: 'Africa/Douala', documentNumber: String(e.number).padStart(8, '0'), at: e.at, person: { number: '415120', name: 'SOCIETE DEMO' }, account: '415120', designation: e.designation!, cashier: e.agent, counter: e.counter, amount: e.amount!, currency: 'XAF', decimals: 0 }, 'fr');
    encodeReceipt(printed, profile);
    if (i >= 100) times.push(performance.now() - start);
  }
  // 2,000 numbers of one desk's day: receipts, every 50th reversed, every 97th voided.
  while (entries.length < 2000) {
    const n = entries.length;
    if (n % 97 === 0) take(entries, s, (d) => voidNumber(d, 'Spoiled printout'));
    else if (n % 50 === 0) take(entries, s, (d) => reversal(d, { original: entries[n - 3]!, reversedBy: [], reason: 'Mistake' }));
    else take(entries, s, (d) => receipt(d, { person: 'person:415120', account: '415120', periods: ['2013-Q2'], amount: 12500, payment: { means: 'cash' } }));
  }
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('fr', key, params);
  const runs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const sheet = journalSheet(dayJournal(DAY, 'dla', 'C07', entries), journalChain(entries), { t, locale: 'fr', zone: 'Africa/Douala', decimals: 0, issuer: 'CNPS · Douala Centre' });
    bytes = journalPdf(sheet).size;
    runs.push(performance.now() - start);
  }
  return { receiptP50: pct(times, 50), receiptP95: pct(times, 95), journalMs: pct(runs, 50), journalBytes: bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = benchCash();
  process.stdout.write(`taking a receipt (typed amount → printed bytes): p50 ${r.receiptP50.toFixed(2)} ms, p95 ${r.receiptP95.toFixed(2)} ms (target < 50 ms)\n`);
  process.stdout.write(`day journal of 2,000 entries as PDF: ${r.journalMs.toFixed(0)} ms, ${Math.round(r.journalBytes / 1024)} kB (target < 1 s)\n`);
}
