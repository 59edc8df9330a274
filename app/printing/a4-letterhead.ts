/**
 * The institution's A4 paper (certificates, answer letters): jsPDF in millimetres, its name and
 * the branch's over a rule. jsPDF's standard fonts are WinAnsi, so text goes through the
 * printer's transliteration (É, Œ and € stay): write every string through `a4Text`.
 */
import { jsPDF } from 'jspdf';
import { printableText } from './code-pages.ts';

export const A4_MARGIN = 20;
export const A4_WIDTH = 210;
export const A4_INNER = A4_WIDTH - 2 * A4_MARGIN;

export const a4Text = (s: string) => printableText(s, 'windows1252');

/** A new A4 page with the letterhead drawn; `y` is just under its rule. */
export function a4WithLetterhead(props: { title: string; subject: string; institution: string; branchName: string }): { doc: jsPDF; y: number } {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait' });
  doc.setProperties({ title: props.title, subject: props.subject, author: props.institution });
  const y = A4_MARGIN + 4;
  doc.setFont('helvetica', 'bold').setFontSize(14).text(a4Text(props.institution), A4_MARGIN, y);
  doc.setFont('helvetica', 'normal').setFontSize(10).text(a4Text(props.branchName), A4_MARGIN, y + 6);
  doc.setDrawColor(11, 61, 145).setLineWidth(0.6).line(A4_MARGIN, y + 10, A4_WIDTH - A4_MARGIN, y + 10);
  return { doc, y: y + 10 };
}
