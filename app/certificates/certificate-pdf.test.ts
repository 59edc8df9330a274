import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locale } from '../i18n/translate.ts';
import { certificatePdf } from './certificate-pdf.ts';
import type { CertificatePaper } from './certificate-text.ts';

const PAPER: CertificatePaper = {
  institution: 'Caisse Nationale de Prévoyance Sociale',
  branchName: 'Douala Centre',
  city: 'Douala',
  timeZone: 'Africa/Douala',
  typeName: 'Attestation de non-redevance',
  number: 'ATT-DLA-261202-K3X9QZ-001',
  person: { number: '415120', name: 'Œuvres Sociales Ébodé & Fils', kind: 'employer' },
  certified: { rule: 'good_standing', number: '415120', through: '2026-Q3' },
  issuedAt: '2026-12-02T09:30:00.000Z',
  validUntil: '2027-03-02',
  agent: 'counter.dla',
  qr: 'https://fo.example/verify#FOC1%7CATT-DLA-261202-K3X9QZ-001',
  verifyAt: 'fo.example/verify',
  duplicate: false,
  currencyDecimals: 0,
};

/** The PDF's text as pdftotext reads it, spaces squeezed. */
function pdfText(paper: CertificatePaper, locale: Locale): string {
  const dir = mkdtempSync(join(tmpdir(), 'fo-cert-'));
  try {
    const file = join(dir, 'c.pdf');
    writeFileSync(file, new Uint8Array(certificatePdf(paper, locale).output('arraybuffer')));
    return execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('A4 certificate PDF (issue 13), read back with pdftotext', () => {
  it('good standing in French: number, what is certified, place and date, validity, agent', () => {
    const text = pdfText(PAPER, 'fr');
    for (const part of [
      'Caisse Nationale de Prévoyance Sociale',
      'ATTESTATION DE NON-REDEVANCE',
      'N° ATT-DLA-261202-K3X9QZ-001',
      "l'employeur Œuvres Sociales Ébodé & Fils, compte n° 415120, est à jour de ses cotisations jusqu'à la période 3TR 2026 incluse",
      'Fait à Douala, le 2 déc. 2026',
      "Valable jusqu'au 2 mars 2027",
      'counter.dla, Douala Centre',
    ]) expect(text).toContain(part);
    expect(text).not.toContain('DUPLICATA');
  });

  it('benefits received in English lists each payment and the total; a reprint says DUPLICATE', () => {
    const text = pdfText(
      {
        ...PAPER,
        typeName: 'Certificate of benefits received',
        person: { number: '1000123', name: 'Jean Ékotto', kind: 'insurant' },
        certified: { rule: 'benefits_received', from: '2026-01-01', to: '2026-12-02', total: 93000, currency: 'XAF', payments: [{ designation: 'IJ 01/03–15/03/2026', amount: 45000, paidAt: '2026-03-20T09:00:00.000Z' }, { designation: 'IJ 16/03–31/03/2026', amount: 48000, paidAt: '2026-04-03T09:00:00.000Z' }] },
        duplicate: true,
      },
      'en',
    );
    expect(text).toContain('CERTIFICATE OF BENEFITS RECEIVED');
    expect(text).toContain('Jean Ékotto, No. 1000123, received from 1 Jan 2026 to 2 Dec 2026 the following benefits, FCFA 93,000 in total');
    expect(text).toMatch(/20 Mar 2026 IJ 01\/03.15\/03\/2026 FCFA 45,000/);
    expect(text).toMatch(/3 Apr 2026 IJ 16\/03.31\/03\/2026 FCFA 48,000/);
    expect(text).toContain('DUPLICATE');
  });
});
