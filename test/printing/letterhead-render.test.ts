/**
 * The A4 letterhead with the institution's logo (issue 14), rendered: a certificate built with
 * a red logo made here, its first page rendered by pdftoppm at 50 dpi. The logo's place on the
 * page is red with the logo and has no red without it; the names stand right of the logo
 * (pdftotext -bbox) and every line of the certificate still reads the same.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificatePdf } from '../../app/certificates/certificate-pdf.ts';
import type { CertificatePaper } from '../../app/certificates/certificate-text.ts';
import { LOGO_BOX } from '../../app/printing/letterhead-layout.ts';
import { renderFirstPage } from '../support/pdf-page.ts';
import { solidPng } from '../support/png.ts';

const DPI = 50;
const PX_PER_MM = DPI / 25.4;
const dir = mkdtempSync(join(tmpdir(), 'fo-letterhead-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

interface Page {
  width: number;
  height: number;
  rgb(x: number, y: number): [number, number, number];
}

/** The certificate's first page, rendered. */
function render(name: string, paper: CertificatePaper): { page: Page; file: string } {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, new Uint8Array(certificatePdf(paper, 'fr').output('arraybuffer')));
  const { width, height, rgb } = renderFirstPage(file, DPI);
  return { file, page: { width, height, rgb: (x, y) => [...rgb.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)] as [number, number, number] } };
}

/** The share of pixels in a rectangle (millimetres) that `test` accepts. */
function share(page: Page, mm: { x: number; y: number; width: number; height: number }, test: (c: [number, number, number]) => boolean): number {
  let yes = 0;
  let all = 0;
  for (let y = Math.ceil(mm.y * PX_PER_MM); y < Math.floor((mm.y + mm.height) * PX_PER_MM); y++)
    for (let x = Math.ceil(mm.x * PX_PER_MM); x < Math.floor((mm.x + mm.width) * PX_PER_MM); x++) {
      all++;
      if (test(page.rgb(x, y))) yes++;
    }
  expect(all).toBeGreaterThan(50);
  return yes / all;
}

const red = ([r, g, b]: [number, number, number]) => r > 200 && g < 60 && b < 60;
const white = ([r, g, b]: [number, number, number]) => r > 245 && g > 245 && b > 245;

/** pdftotext's words with their left edge, in points. */
function words(file: string): { word: string; xMin: number }[] {
  const html = execFileSync('/usr/bin/pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ word: m[2]!, xMin: Number(m[1]) }));
}

const text = (file: string) => execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim();
const PT_PER_MM = 72 / 25.4;

describe('the A4 letterhead with the logo, rendered', () => {
  it('draws a red logo top-left in its box, the names beside it; without a logo the place is white', () => {
    // A wide 400×160 px logo fills the 40×16 mm box: from (20, 16) to (60, 32) mm.
    const logo = { bytes: new Uint8Array(solidPng(400, 160, [230, 20, 20])), contentType: 'image/png' };
    const withLogo = render('with', { ...PAPER, logo });
    const without = render('without', PAPER);
    const inside = { x: 21, y: 17, width: LOGO_BOX.width - 2, height: LOGO_BOX.height - 2 };
    expect(share(withLogo.page, inside, red)).toBeGreaterThan(0.97);
    expect(share(without.page, inside, red)).toBe(0);
    // Above the names, where only the logo can be: white without it.
    expect(share(without.page, { x: 21, y: 16.5, width: 38, height: 2 }, white)).toBe(1);
    // Right of the logo and below the rule, nothing red: the logo stays in its box.
    expect(share(withLogo.page, { x: 62, y: 14, width: 120, height: 20 }, red)).toBe(0);
    expect(share(withLogo.page, { x: 15, y: 35, width: 170, height: 100 }, red)).toBe(0);

    // The names start right of the logo with it, at the margin without it.
    const first = (file: string) => words(file).find((w) => w.word === 'Caisse')!.xMin / PT_PER_MM;
    expect(first(withLogo.file)).toBeGreaterThanOrEqual(20 + LOGO_BOX.width + 4);
    expect(first(without.file)).toBeLessThan(21);

    // The same certificate, word for word, logo or not.
    const read = text(withLogo.file);
    expect(read).toBe(text(without.file));
    for (const part of ['Caisse Nationale de Prévoyance Sociale', 'Douala Centre', 'ATTESTATION DE NON-REDEVANCE', 'N° ATT-DLA-261202-K3X9QZ-001', "Valable jusqu'au 2 mars 2027"]) expect(read).toContain(part);
  });

  it('keeps a tall logo in proportion, and prints without one it cannot read', () => {
    // 100×200 px: 8×16 mm at the margin; right of it, before the names, white.
    const tall = render('tall', { ...PAPER, logo: { bytes: new Uint8Array(solidPng(100, 200, [230, 20, 20])), contentType: 'image/png' } });
    expect(share(tall.page, { x: 20.5, y: 16.5, width: 7, height: 15 }, red)).toBeGreaterThan(0.97);
    expect(share(tall.page, { x: 29, y: 16.5, width: 3, height: 15 }, red)).toBe(0);
    const broken = render('broken', { ...PAPER, logo: { bytes: new TextEncoder().encode('not a png'), contentType: 'image/png' } });
    expect(share(broken.page, { x: 21, y: 17, width: 38, height: 14 }, red)).toBe(0);
    expect(text(broken.file)).toContain('Caisse Nationale de Prévoyance Sociale');
  });
});
