/**
 * The institution's A4 paper (certificates, answer letters): jsPDF in millimetres, its logo
 * when it has one (letterhead-layout.ts), its name and the branch's over a rule. jsPDF's
 * standard fonts are WinAnsi, so text goes through the printer's transliteration (É, Œ and €
 * stay): write every string through `a4Text`.
 */
import { jsPDF } from 'jspdf';
import { printableText } from './code-pages.ts';
import { LETTERHEAD_MARGIN, letterheadLayout, type LetterheadLogo } from './letterhead-layout.ts';

export const A4_MARGIN = LETTERHEAD_MARGIN;
export const A4_WIDTH = 210;
export const A4_INNER = A4_WIDTH - 2 * A4_MARGIN;

export const a4Text = (s: string) => printableText(s, 'windows1252');

/** The logo's size in pixels, or null when jsPDF cannot read it: the paper then goes out without it rather than not at all. */
function logoSize(doc: jsPDF, logo: LetterheadLogo): { width: number; height: number } | null {
  try {
    const p = doc.getImageProperties(logo.bytes);
    return { width: p.width, height: p.height };
  } catch {
    return null;
  }
}

/** A new A4 page with the letterhead drawn; `y` is just under its rule. */
export function a4WithLetterhead(props: { title: string; subject: string; institution: string; branchName: string; logo?: LetterheadLogo | null }): { doc: jsPDF; y: number } {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait' });
  doc.setProperties({ title: props.title, subject: props.subject, author: props.institution });
  const size = props.logo ? logoSize(doc, props.logo) : null;
  const at = letterheadLayout(size);
  if (at.logo && props.logo) doc.addImage(props.logo.bytes, props.logo.contentType === 'image/png' ? 'PNG' : 'JPEG', at.logo.x, at.logo.y, at.logo.width, at.logo.height);
  doc.setFont('helvetica', 'bold').setFontSize(14).text(a4Text(props.institution), at.textX, at.nameY);
  doc.setFont('helvetica', 'normal').setFontSize(10).text(a4Text(props.branchName), at.textX, at.branchY);
  doc.setDrawColor(11, 61, 145).setLineWidth(0.6).line(A4_MARGIN, at.ruleY, A4_WIDTH - A4_MARGIN, at.ruleY);
  return { doc, y: at.ruleY };
}
