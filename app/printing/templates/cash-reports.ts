/**
 * The cash desk's listings on the receipt printer: the day journal (every document number,
 * the total, totals by means and category, the chain's state) and the X / Z session reports.
 * The data are the sheets app/cash builds, already in words: these only lay them out.
 */
import type { Block, Receipt } from '../receipt-model.ts';
import type { JournalSheet } from '../../cash/journal-sheet.ts';
import type { ReportSheet } from '../../cash/report-sheet.ts';
import { type ReceiptHeader, headerBlocks } from './common.ts';

export type CashJournalData = ReceiptHeader & { sheet: JournalSheet };
export type CashReportData = ReceiptHeader & { sheet: ReportSheet };

const pairs = (list: [string, string][]): Block[] => list.map(([label, value]) => ({ kind: 'pair', label, value }));

export function cashJournalReceipt(data: CashJournalData): Receipt {
  const s = data.sheet;
  return {
    summary: `${s.title} — ${s.head}`,
    blocks: [
      ...headerBlocks(data),
      { kind: 'title', text: s.title },
      { kind: 'text', text: s.head, bold: true },
      { kind: 'rule' },
      {
        kind: 'table',
        columns: [{ header: `${s.columns[0]} · ${s.columns[2]}` }, { header: s.columns[4] }],
        rows: s.rows.map(([number, time, designation, account, amount]) => [`${number} ${time} ${designation}${account ? ' ' + account : ''}`, amount]),
      },
      { kind: 'rule' },
      { kind: 'pair', label: s.total[0], value: s.total[1], bold: true },
      { kind: 'rule' },
      ...pairs(s.byMeans),
      { kind: 'rule' },
      ...pairs(s.byCategory),
      { kind: 'rule' },
      { kind: 'text', text: s.chain, bold: true },
      { kind: 'feed', lines: 2 },
      { kind: 'cut' },
    ],
  };
}

export function cashReportReceipt(data: CashReportData): Receipt {
  const s = data.sheet;
  return {
    summary: s.title,
    blocks: [
      ...headerBlocks(data),
      { kind: 'title', text: s.title },
      ...s.groups.flatMap((g): Block[] => [{ kind: 'rule' }, ...pairs(g)]),
      { kind: 'feed', lines: 2 },
      { kind: 'cut' },
    ],
  };
}
