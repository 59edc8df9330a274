/**
 * The answer letter to a request received by letter (issue 11), A4 with jsPDF in the house
 * layout of the certificate (app/certificates/certificate-pdf.ts): the institution's header, the
 * addressee, reference and subject, the answer, the agent who answered. jsPDF's standard fonts
 * are WinAnsi, so text goes through the printer's transliteration.
 */
import type { jsPDF } from 'jspdf';
import { A4_INNER as INNER, A4_MARGIN as MARGIN, A4_WIDTH as WIDTH, a4Text as text, a4WithLetterhead } from '../printing/a4-letterhead.ts';
import type { LetterheadLogo } from '../printing/letterhead-layout.ts';
import { formatDate } from '../i18n/format.ts';
import { translate, type Locale } from '../i18n/translate.ts';
import { personName, type Person } from '../../couch-design/types/person.ts';
import type { BackofficeRequest } from '../../couch-design/types/backoffice-request.ts';

export interface AnswerLetter {
  request: BackofficeRequest;
  person: Person | null;
  institution: string;
  branchName: string;
  /** The institution's logo for the letterhead; none: the letterhead without it. */
  logo?: LetterheadLogo | null;
}


/** The addressee's lines: the authority, or the person with their address. */
function addressee(l: AnswerLetter): string[] {
  if (l.request.requester === 'authority') return [l.request.authority ?? ''];
  if (!l.person) return [l.request.person?.slice('person:'.length) ?? ''];
  return [personName(l.person), ...(l.person.address ? [l.person.address] : [])];
}

export function answerLetterPdf(l: AnswerLetter, locale: Locale): jsPDF {
  const r = l.request;
  const tr = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => text(translate(locale, key, params));
  const page = a4WithLetterhead({ title: `${translate(locale, 'req.letter.title')} ${r._id}`, subject: r.subject, institution: l.institution, branchName: l.branchName, logo: l.logo });
  const doc = page.doc;
  let y = page.y + 14;
  doc.setFontSize(11);
  for (const line of addressee(l)) {
    doc.text(text(line), WIDTH / 2 + 10, y);
    y += 5.5;
  }
  y += 6;
  const answeredOn = formatDate(r.answeredAt ?? r.updatedAt, locale);
  doc.text(tr('req.letter.placeDate', { place: l.branchName, date: answeredOn }), WIDTH - MARGIN, y, { align: 'right' });
  y += 12;
  doc.setFontSize(10).text(tr('req.letter.reference', { reference: r._id }), MARGIN, y);
  y += 6;
  doc.setFont('helvetica', 'bold').setFontSize(11);
  const subject = doc.splitTextToSize(tr('req.letter.subject', { subject: r.subject, date: formatDate(r.requestedAt, locale) }), INNER) as string[];
  doc.text(subject, MARGIN, y);
  y += subject.length * 5.5 + 6;
  doc.setFont('helvetica', 'normal').setFontSize(11).text(tr('req.letter.greeting'), MARGIN, y);
  y += 9;
  for (const paragraph of (r.answer ?? '').split(/\n+/)) {
    const lines = doc.splitTextToSize(text(paragraph), INNER) as string[];
    doc.text(lines, MARGIN, y);
    y += lines.length * 5.5 + 3;
  }
  y += 6;
  const closing = doc.splitTextToSize(tr('req.letter.closing'), INNER) as string[];
  doc.text(closing, MARGIN, y);
  y += closing.length * 5.5 + 12;
  doc.text(tr('req.letter.signed', { agent: r.answeredBy ?? '' }), WIDTH - MARGIN, y, { align: 'right' });
  return doc;
}
