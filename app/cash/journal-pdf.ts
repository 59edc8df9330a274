/**
 * The journal sheet (journal-sheet.ts) as an A4 PDF: header, the table of every document
 * number, the total, the totals by means and by category, the chain's state. Rendering only:
 * every word and figure comes ready from the sheet. Loaded on demand (jsPDF and its table
 * plugin weigh several hundred kB and most visits never export).
 */
import { jsPDF } from 'jspdf';
import { autoTable } from 'jspdf-autotable';
import { printableText } from '../printing/code-pages.ts';
import type { JournalSheet } from './journal-sheet.ts';

// jsPDF's standard fonts are WinAnsi: the same transliteration as the receipt PDFs.
const w = (s: string) => printableText(s, 'windows1252');
const MARGIN = 40;

function lastY(doc: jsPDF): number {
  return (doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY;
}

export function journalPdfDoc(sheet: JournalSheet): jsPDF {
  const doc = new jsPDF({ unit: 'pt', format: 'a4' });
  doc.setFont('helvetica', 'bold').setFontSize(15).text(w(sheet.title), MARGIN, 48);
  doc.setFont('helvetica', 'normal').setFontSize(9).text(w(sheet.issuer), MARGIN, 64);
  doc.setFont('helvetica', 'bold').setFontSize(11).text(w(sheet.head), MARGIN, 84);
  autoTable(doc, {
    startY: 96,
    head: [sheet.columns.map(w)],
    body: sheet.rows.map((r) => r.map(w)),
    foot: [['', '', '', w(sheet.total[0]), w(sheet.total[1])]],
    showFoot: 'lastPage',
    styles: { fontSize: 8, cellPadding: 3 },
    headStyles: { fillColor: [11, 61, 145] },
    footStyles: { fillColor: [230, 230, 230], textColor: [0, 0, 0], fontStyle: 'bold' },
    columnStyles: { 0: { cellWidth: 62 }, 1: { cellWidth: 40 }, 3: { cellWidth: 60 }, 4: { halign: 'right', cellWidth: 80 } },
    margin: { left: MARGIN, right: MARGIN },
  });
  const sideBySide = { styles: { fontSize: 8, cellPadding: 2 }, columnStyles: { 1: { halign: 'right' as const } }, theme: 'plain' as const };
  const y = lastY(doc) + 14;
  autoTable(doc, { ...sideBySide, startY: y, body: sheet.byMeans.map((p) => p.map(w)), margin: { left: MARGIN, right: 320 } });
  const afterMeans = lastY(doc);
  autoTable(doc, { ...sideBySide, startY: y, body: sheet.byCategory.map((p) => p.map(w)), margin: { left: 300, right: MARGIN } });
  const end = Math.max(afterMeans, lastY(doc)) + 18;
  doc.setFont('helvetica', 'bold').setFontSize(10);
  if (!sheet.chainIntact) doc.setTextColor(180, 0, 0);
  doc.text(w(sheet.chain), MARGIN, end);
  return doc;
}

export function journalPdf(sheet: JournalSheet): Blob {
  return journalPdfDoc(sheet).output('blob');
}
