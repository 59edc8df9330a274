import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locale } from '../i18n/translate.ts';
import type { BackofficeRequest } from '../../couch-design/types/backoffice-request.ts';
import type { Person } from '../../couch-design/types/person.ts';
import { answerLetterPdf, type AnswerLetter } from './answer-letter-pdf.ts';

const REQUEST: BackofficeRequest = {
  _id: 'borequest:2026-03-04:mabc12345-bo1-0001', type: 'backoffice_request', branch: 'dla', day: '2026-03-04',
  channel: 'letter', requester: 'person', person: 'person:1000123', subject: 'Pension de réversion', message: 'Où en est mon dossier ?',
  status: 'answered', dueDate: '2026-03-25', dueSetOn: '2026-03-04', requestedBy: 'backoffice.dla', requestedAt: '2026-03-04T09:00:00.000Z',
  answer: 'Votre dossier est complet.\nLe premier versement aura lieu le 30 avril.', answeredBy: 'backoffice.dla', answeredAt: '2026-03-10T11:00:00.000Z', updatedAt: '2026-03-10T11:00:00.000Z',
};
const PERSON = { _id: 'person:1000123', type: 'person', number: '1000123', kind: 'insurant', familyName: 'Ékotto', givenName: 'Jean', address: 'BP 1234 Douala' } as Person;
const LETTER: AnswerLetter = { request: REQUEST, person: PERSON, institution: 'Caisse Nationale de Prévoyance Sociale', branchName: 'Douala Centre' };

/** The PDF's text as pdftotext reads it, spaces squeezed. */
function pdfText(letter: AnswerLetter, locale: Locale): string {
  const dir = mkdtempSync(join(tmpdir(), 'fo-letter-'));
  try {
    const file = join(dir, 'l.pdf');
    writeFileSync(file, new Uint8Array(answerLetterPdf(letter, locale).output('arraybuffer')));
    return execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('answer letter PDF (issue 11), read back with pdftotext', () => {
  it('to the person, in French: header, addressee and address, reference, subject, the answer, who answered', () => {
    const text = pdfText(LETTER, 'fr');
    for (const part of [
      'Caisse Nationale de Prévoyance Sociale', 'Douala Centre', 'Ékotto', 'BP 1234 Douala', 'Douala Centre, le 10 mars 2026',
      'Réf. : borequest:2026-03-04:mabc12345-bo1-0001', 'Objet : réponse à votre demande du 4 mars 2026 — Pension de réversion',
      'Madame, Monsieur,', 'Votre dossier est complet.', 'Le premier versement aura lieu le 30 avril.', 'Pour le back-office : backoffice.dla',
    ]) expect(text, part).toContain(part);
    expect(text).not.toContain('Où en est mon dossier');
  });
  it('to an authority, in English', () => {
    const text = pdfText({ ...LETTER, request: { ...REQUEST, requester: 'authority', authority: 'Ministry of Labour', person: undefined }, person: null }, 'en');
    for (const part of ['Ministry of Labour', 'Subject: answer to your request of', 'Dear Sir or Madam,', 'For the back office: backoffice.dla']) expect(text, part).toContain(part);
    expect(text).not.toContain('Ékotto');
  });
});
