/** Receipt model → printer bytes, through @point-of-sale/receipt-printer-encoder. */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { Block, Receipt } from './receipt-model.ts';
import type { PrinterProfile } from './profiles.ts';
import { printableText } from './code-pages.ts';

export interface EncodeOptions {
  /** Open the cash drawer (kick pulse on pin 2) after the receipt: cash desks only. */
  drawerKick?: boolean;
}

/** Character scale of the ticket number: as big as the printer allows on one line (max 4). */
function bigScale(text: string, columns: number): number {
  return Math.max(1, Math.min(4, Math.floor(columns / Math.max(1, text.length))));
}

/**
 * Dots per bar module so that a Code 128 (set B: 11 modules a character, plus start, check
 * and stop) fits the paper: 576 dots on 80 mm, 384 on 58 mm. Too wide, printers drop it.
 */
function barWidth(data: string, profile: PrinterProfile): number {
  const modules = (data.length + 3) * 11 + 2;
  const dots = profile.paper === 58 ? 384 : 576;
  return Math.max(1, Math.min(3, Math.floor(dots / modules)));
}

function encodeBlock(e: ReceiptPrinterEncoder, block: Block, profile: PrinterProfile): void {
  const text = (value: string) => printableText(value, profile.codepage);
  const cols = profile.columns;
  switch (block.kind) {
    case 'title':
      e.align('center').bold(true).size(1, 2).line(text(block.text)).size(1, 1).bold(false).align('left');
      return;
    case 'text':
      e.align(block.align ?? 'left').bold(block.bold ?? false).line(text(block.text)).bold(false).align('left');
      return;
    case 'pair': {
      const value = text(block.value);
      if (value.length === 0) {
        e.bold(block.bold ?? false).line(text(block.label)).bold(false);
        return;
      }
      const valueWidth = Math.min(value.length, cols - 8);
      e.bold(block.bold ?? false);
      e.table(
        [
          { width: cols - valueWidth - 1, marginRight: 1, overflow: 'wrap' },
          { width: valueWidth, align: 'right', overflow: 'wrap' },
        ],
        [[text(block.label), value]],
      );
      e.bold(false);
      return;
    }
    case 'table': {
      const fixed = block.columns.slice(1).reduce((sum, c) => sum + (c.width ?? 0) + 1, 0);
      const columns = block.columns.map((c, i) => ({
        width: i === 0 ? cols - fixed : (c.width ?? 0),
        marginRight: i < block.columns.length - 1 ? 1 : 0,
        align: c.align ?? 'left',
        overflow: 'wrap' as const,
      }));
      e.bold(true).table(columns, [block.columns.map((c) => text(c.header))]).bold(false);
      e.table(columns, block.rows.map((row) => row.map(text)));
      return;
    }
    case 'big': {
      const scale = bigScale(block.text, cols);
      e.align('center').bold(true).size(scale, scale).line(text(block.text)).size(1, 1).bold(false).align('left');
      return;
    }
    case 'qr':
      e.align('center').qrcode(block.data, { model: 2, size: 6, errorlevel: 'm' }).align('left');
      return;
    case 'barcode':
      e.align('center').barcode(block.data, 'code128', { height: 60, width: barWidth(block.data, profile), text: 'below' }).align('left');
      return;
    case 'logo': {
      const { width, height, dots } = block.bitmap;
      const rgba = new Uint8ClampedArray(width * height * 4);
      dots.forEach((dot, i) => rgba.fill(dot ? 0 : 255, i * 4, i * 4 + 3).fill(255, i * 4 + 3, i * 4 + 4));
      e.align('center').image({ width, height, data: rgba }, width, height, 'threshold', 128).align('left');
      return;
    }
    case 'rule':
      // Dashes, not the encoder's box-drawing rule, which switches to cp437 and back.
      e.line('-'.repeat(cols));
      return;
    case 'feed':
      e.newline(block.lines);
      return;
    case 'cut':
      e.cut('partial');
      return;
  }
}

export function encodeReceipt(receipt: Receipt, profile: PrinterProfile, options: EncodeOptions = {}): Uint8Array {
  const e = new ReceiptPrinterEncoder({
    language: profile.language,
    columns: profile.columns,
    codepageMapping: profile.mapping,
    // The text is transliterated to the page beforehand, so strict errors mean a bug of ours.
    errors: 'relaxed',
    imageMode: 'raster',
    feedBeforeCut: 4,
  });
  e.initialize().codepage(profile.codepage);
  for (const block of receipt.blocks) encodeBlock(e, block, profile);
  if (options.drawerKick) e.pulse(0, 100, 500);
  return e.encode();
}
