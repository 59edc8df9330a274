/**
 * One receipt, described once and rendered to ESC/POS bytes, an 80 mm HTML page or a PDF.
 * Plain data (no functions, no classes) so a print job can be stored and retried as is.
 */
export type Align = 'left' | 'center' | 'right';

/** A 1-bit picture (a logo): `width` × `height` dots, row-major, true = black. */
export interface Bitmap {
  width: number;
  height: number;
  /** One byte per dot, 1 = black: simple to make, store as JSON and test. */
  dots: number[];
}

export interface TableColumn {
  header: string;
  align?: Align;
  /** Share of the line, in columns on the printer (the rest goes to the first column). */
  width?: number;
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'text'; text: string; align?: Align; bold?: boolean }
  /** Label on the left, value on the right (wraps the label, never the value). */
  | { kind: 'pair'; label: string; value: string; bold?: boolean }
  | { kind: 'table'; columns: TableColumn[]; rows: string[][] }
  /** Very large, centered: the ticket number. */
  | { kind: 'big'; text: string }
  | { kind: 'qr'; data: string }
  /** Code 128. */
  | { kind: 'barcode'; data: string }
  | { kind: 'logo'; bitmap: Bitmap }
  | { kind: 'rule' }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

export interface Receipt {
  /** What the job log shows: "Ticket F012", "Reçu REC-2024-0001". */
  summary: string;
  blocks: Block[];
}

/** Receipt kinds, for the job log and for choosing a template. */
export const RECEIPT_KINDS = ['ticket', 'submission', 'cash_receipt', 'cash_slip', 'cash_journal', 'cash_report', 'certificate_stub', 'test'] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

/** A reprint carries a banner at the top and the bottom, so the copy cannot pass for the original. */
export function markDuplicate(receipt: Receipt, banner: string): Receipt {
  const mark: Block = { kind: 'text', text: `*** ${banner} ***`, align: 'center', bold: true };
  const blocks = receipt.blocks.filter((b) => b.kind !== 'cut');
  return { summary: `${receipt.summary} (${banner})`, blocks: [mark, ...blocks, mark, { kind: 'cut' }] };
}
