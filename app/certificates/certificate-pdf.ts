/**
 * The A4 certificate (issue 13) as a PDF, with jsPDF: the institution's header, the title, the
 * number, what is certified, place and date, validity, the agent, and the QR that carries the
 * signed seal. jsPDF's standard fonts are WinAnsi, so text goes through the printer's
 * transliteration (É, Œ and € stay).
 */
import { jsPDF } from 'jspdf';
import { printableText } from '../printing/code-pages.ts';
import { qrMatrix } from '../printing/qr-matrix.ts';
import type { Locale } from '../i18n/translate.ts';
import { certificateLines, type CertificatePaper } from './certificate-text.ts';

const MARGIN = 20;
const WIDTH = 210;
const INNER = WIDTH - 2 * MARGIN;
const QR_SIZE = 42;

const text = (s: string) => printableText(s, 'windows1252');

export function certificatePdf(paper: CertificatePaper, locale: Locale): jsPDF {
  const l = certificateLines(paper, locale);
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait' });
  doc.setProperties({ title: `${paper.typeName} ${paper.number}`, subject: paper.typeName, author: paper.institution });
  let y = MARGIN + 4;
  doc.setFont('helvetica', 'bold').setFontSize(14).text(text(paper.institution), MARGIN, y);
  y += 6;
  doc.setFont('helvetica', 'normal').setFontSize(10).text(text(paper.branchName), MARGIN, y);
  doc.setDrawColor(11, 61, 145).setLineWidth(0.6).line(MARGIN, y + 4, WIDTH - MARGIN, y + 4);
  y += 24;
  doc.setFont('helvetica', 'bold').setFontSize(18).text(text(l.title), WIDTH / 2, y, { align: 'center' });
  y += 8;
  doc.setFont('helvetica', 'normal').setFontSize(11).text(text(l.number), WIDTH / 2, y, { align: 'center' });
  y += 16;
  doc.setFontSize(12);
  for (const paragraph of l.statement) {
    const lines = doc.splitTextToSize(text(paragraph), INNER) as string[];
    doc.text(lines, MARGIN, y);
    y += lines.length * 6 + 4;
  }
  doc.setFontSize(10);
  for (const row of l.rows) {
    doc.text(text(row), MARGIN + 6, y);
    y += 5.5;
  }
  y += 10;
  doc.setFontSize(11).text(text(l.validity), MARGIN, y);
  y += 12;
  doc.text(text(l.placeAndDate), WIDTH - MARGIN, y, { align: 'right' });
  y += 6;
  doc.text(text(l.agent), WIDTH - MARGIN, y, { align: 'right' });

  const rows = qrMatrix(paper.qr);
  const module = QR_SIZE / rows.length;
  const top = 297 - MARGIN - QR_SIZE - 8;
  rows.forEach((row, ry) => row.forEach((dark, rx) => dark && doc.rect(MARGIN + rx * module, top + ry * module, module, module, 'F')));
  doc.setFontSize(8).text(doc.splitTextToSize(text(l.verifyAt), INNER - QR_SIZE - 6) as string[], MARGIN + QR_SIZE + 6, top + 6);

  if (l.duplicate) {
    doc.setTextColor(190, 30, 45).setFont('helvetica', 'bold').setFontSize(28).text(text(l.duplicate), WIDTH - MARGIN, MARGIN + 4, { align: 'right' });
    doc.setTextColor(0, 0, 0);
  }
  return doc;
}
