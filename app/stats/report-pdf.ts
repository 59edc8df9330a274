/**
 * The report tables as a PDF (A4 landscape, one autoTable per table). Loaded on demand only:
 * jsPDF and its table plugin weigh several hundred kB and most visits never export.
 */
import { jsPDF } from 'jspdf';
import { autoTable } from 'jspdf-autotable';
import type { ReportTable } from './report-tables.ts';

export function reportPdf(title: string, subtitle: string, tables: readonly ReportTable[]): Blob {
  const doc = new jsPDF({ orientation: 'landscape', unit: 'pt', format: 'a4' });
  doc.setFontSize(16);
  doc.text(title, 40, 40);
  doc.setFontSize(10);
  doc.text(subtitle, 40, 58);
  let y = 76;
  for (const table of tables) {
    doc.setFontSize(12);
    doc.text(table.title, 40, y + 12);
    autoTable(doc, {
      startY: y + 18,
      head: [table.head],
      body: table.rows.map((row) => row.map(String)),
      styles: { fontSize: 8, cellPadding: 3 },
      headStyles: { fillColor: [11, 61, 145] },
      margin: { left: 40, right: 40 },
    });
    // Where the table ended (the plugin records it on the document), with room for the next title.
    y = (doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 16;
    if (y > doc.internal.pageSize.getHeight() - 80) {
      doc.addPage();
      y = 40;
    }
  }
  return doc.output('blob');
}
