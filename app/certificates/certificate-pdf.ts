/**
 * The A4 certificate (issue 13) as a PDF, with jsPDF: the institution's header, the title, the
 * number, what is certified, place and date, validity, the agent, and the QR that carries the
 * signed seal. jsPDF's standard fonts are WinAnsi, so text goes through the printer's
 * transliteration (É, Œ and € stay).
 */
import type { jsPDF } from 'jspdf';
import { A4_INNER as INNER, A4_MARGIN as MARGIN, A4_WIDTH as WIDTH, a4Text as text, a4WithLetterhead } from '../printing/a4-letterhead.ts';
import { qrMatrix } from '../printing/qr-matrix.ts';
import type { Locale } from '../i18n/translate.ts';
import { certificateLines, type CertificatePaper } from './certificate-text.ts';

const QR_SIZE = 42;


export function certificatePdf(paper: CertificatePaper, locale: Locale): jsPDF {
  const l = certificateLines(paper, locale);
  const page = a4WithLetterhead({ title: `${paper.typeName} ${paper.number}`, subject: paper.typeName, institution: paper.institution, branchName: paper.branchName, logo: paper.logo });
  const doc = page.doc;
  let y = page.y + 20;
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
