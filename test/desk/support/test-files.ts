/** Real files for the scan tests, made here: a PNG photo of a page (zlib, no library), a PDF, text. */
import { concat, rgbPng } from '../../support/png.ts';

/** A `width`×`height` RGB PNG: white paper with dark "lines of text" every 40 px. */
export function pagePng(width: number, height: number): Buffer {
  return rgbPng(width, height, (x, y) => {
    const inText = y % 40 >= 14 && y % 40 < 26 && x >= 60 && x < width - 60 && (x >> 3) % 5 !== 4; // gaps between words
    return inText ? [0x20, 0x20 + (y % 7), 0x30] : [0xff, 0xff, 0xff];
  });
}

/** A one-page PDF saying `text`, padded with a comment to at least `minBytes`. */
export function simplePdf(text: string, minBytes = 0): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => String(o).padStart(10, '0') + ' 00000 n \n').join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const pad = Math.max(0, minBytes - pdf.length);
  return concat([Buffer.from(pdf, 'latin1'), pad > 0 ? Buffer.from('%' + 'x'.repeat(pad - 2) + '\n', 'latin1') : Buffer.alloc(0)]);
}
