/**
 * Receipt model → an 80 mm wide PDF (jsPDF), as long as the receipt, for download where
 * no printer answers. jsPDF's standard fonts are WinAnsi (windows-1252), so the text goes
 * through the same transliteration as for the printer: É, €, Œ stay, Intl's thin spaces go.
 */
import { jsPDF } from 'jspdf';
import type { Block, Receipt } from './receipt-model.ts';
import { printableText } from './code-pages.ts';
import { qrMatrix } from './qr-matrix.ts';

const WIDTH = 80;
const MARGIN = 4;
const INNER = WIDTH - 2 * MARGIN;
const PT = 0.3528; // mm per point

type Op = (doc: jsPDF) => void;

interface Layout {
  ops: Op[];
  y: number;
}

function lineHeight(size: number): number {
  return size * PT * 1.25;
}

function textOps(doc: jsPDF, layout: Layout, text: string, size: number, bold: boolean, align: 'left' | 'center' | 'right'): void {
  doc.setFont('helvetica', bold ? 'bold' : 'normal').setFontSize(size);
  const lines = doc.splitTextToSize(printableText(text, 'windows1252'), INNER) as string[];
  for (const line of lines) {
    layout.y += lineHeight(size);
    const y = layout.y - lineHeight(size) * 0.25;
    const x = align === 'center' ? WIDTH / 2 : align === 'right' ? WIDTH - MARGIN : MARGIN;
    layout.ops.push((d) => d.setFont('helvetica', bold ? 'bold' : 'normal').setFontSize(size).text(line, x, y, { align }));
  }
}

function blockOps(doc: jsPDF, layout: Layout, block: Block): void {
  const body = 9;
  switch (block.kind) {
    case 'title':
      layout.y += 1;
      return textOps(doc, layout, block.text, 12, true, 'center');
    case 'text':
      return textOps(doc, layout, block.text, body, block.bold ?? false, block.align ?? 'left');
    case 'pair': {
      const value = printableText(block.value, 'windows1252');
      doc.setFont('helvetica', block.bold ? 'bold' : 'normal').setFontSize(body);
      const valueWidth = doc.getTextWidth(value);
      const labelLines = doc.splitTextToSize(printableText(block.label, 'windows1252'), Math.max(20, INNER - valueWidth - 2)) as string[];
      const top = layout.y;
      textOps(doc, layout, labelLines.join(' '), body, block.bold ?? false, 'left');
      const y = top + lineHeight(body) * 0.75;
      if (value) layout.ops.push((d) => d.setFont('helvetica', block.bold ? 'bold' : 'normal').setFontSize(body).text(value, WIDTH - MARGIN, y, { align: 'right' }));
      return;
    }
    case 'table': {
      doc.setFontSize(body);
      // Columns after the first are right-aligned, as wide as their longest cell.
      const widths = block.columns.map((c, i) => (i === 0 ? 0 : Math.max(...[c.header, ...block.rows.map((r) => r[i] ?? '')].map((t) => doc.getTextWidth(t))) + 2));
      const first = INNER - widths.reduce((a, b) => a + b, 0);
      const rows = [block.columns.map((c) => c.header), ...block.rows];
      rows.forEach((row, r) => {
        const bold = r === 0;
        doc.setFont('helvetica', bold ? 'bold' : 'normal').setFontSize(body);
        const lines = doc.splitTextToSize(printableText(row[0] ?? '', 'windows1252'), first) as string[];
        const top = layout.y;
        for (const line of lines) {
          layout.y += lineHeight(body);
          const y = layout.y - lineHeight(body) * 0.25;
          layout.ops.push((d) => d.setFont('helvetica', bold ? 'bold' : 'normal').setFontSize(body).text(line, MARGIN, y));
        }
        let right = WIDTH - MARGIN;
        for (let i = row.length - 1; i > 0; i--) {
          const cell = printableText(row[i] ?? '', 'windows1252');
          const x = right;
          layout.ops.push((d) => d.setFont('helvetica', bold ? 'bold' : 'normal').setFontSize(body).text(cell, x, top + lineHeight(body) * 0.75, { align: 'right' }));
          right -= widths[i]!;
        }
      });
      return;
    }
    case 'big':
      return textOps(doc, layout, block.text, 40, true, 'center');
    case 'qr': {
      const rows = qrMatrix(block.data);
      const module = Math.min(1, 30 / rows.length);
      const left = (WIDTH - rows.length * module) / 2;
      const top = layout.y + 2;
      layout.ops.push((d) => rows.forEach((row, y) => row.forEach((dark, x) => dark && d.rect(left + x * module, top + y * module, module, module, 'F'))));
      layout.y = top + rows.length * module + 2;
      return;
    }
    case 'barcode':
      return textOps(doc, layout, block.data, 11, false, 'center');
    case 'logo': {
      const { width, height, dots } = block.bitmap;
      const dot = 0.125; // 203 dpi, as on the printer
      const left = (WIDTH - width * dot) / 2;
      const top = layout.y + 1;
      layout.ops.push((d) => dots.forEach((on, i) => on && d.rect(left + (i % width) * dot, top + Math.floor(i / width) * dot, dot, dot, 'F')));
      layout.y = top + height * dot + 1;
      return;
    }
    case 'rule': {
      const y = layout.y + 1.5;
      layout.ops.push((d) => d.setLineDashPattern([1, 1], 0).setLineWidth(0.2).line(MARGIN, y, WIDTH - MARGIN, y));
      layout.y += 3;
      return;
    }
    case 'feed':
      layout.y += block.lines * lineHeight(body);
      return;
    case 'cut':
      return;
  }
}

/** The receipt as a PDF document, one page of 80 mm by the receipt's length. */
export function receiptPdf(receipt: Receipt): jsPDF {
  const measure = new jsPDF({ unit: 'mm', format: [WIDTH, 297] });
  const layout: Layout = { ops: [], y: MARGIN };
  for (const block of receipt.blocks) blockOps(measure, layout, block);
  const height = Math.max(layout.y + MARGIN, 40);
  const doc = new jsPDF({ unit: 'mm', format: [WIDTH, height], orientation: 'portrait' });
  doc.setProperties({ title: receipt.summary });
  for (const op of layout.ops) op(doc);
  return doc;
}

/** File name for the download: the summary, in safe characters. */
export function pdfFileName(receipt: Receipt): string {
  const base = receipt.summary.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '');
  return `${base || 'receipt'}.pdf`;
}
