/**
 * Printing through the fallback in real Chromium: no USB printer is paired (none exists
 * here), so a queue ticket and a submission receipt come out as PDF downloads, whose text
 * (pdftotext) must hold the receipt's lines, accents and all. Also checks that the printing
 * code is fetched only when the printer screen opens.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { launchChromium } from '../support/browser.ts';

const PDFTOTEXT = '/usr/bin/pdftotext';
const DIST = fileURLToPath(new URL('../../dist/index.html', import.meta.url));

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let downloads: string;
const fetched: string[] = [];

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('dist/ missing: build the app first (npm test does)');
  if (!existsSync(PDFTOTEXT)) throw new Error(`${PDFTOTEXT} missing: apt-get install -y poppler-utils`);
  downloads = mkdtempSync(join(tmpdir(), 'fo-print-'));
  server = await startServer();
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true, viewport: { width: 1024, height: 900 } });
  page = await context.newPage();
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

/** Clicks the print button and returns the downloaded PDF's text. */
async function printToPdf(click: () => Promise<void>, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = join(downloads, name);
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  return execFileSync(PDFTOTEXT, ['-layout', file, '-'], { encoding: 'utf8' });
}

/** The PDF's lines with runs of spaces collapsed, for comparing with what the receipt says. */
const lines = (text: string) => text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);

describe('printing without a USB printer', () => {
  it('signs in; the printing code is not part of the first load', async () => {
    await page.goto(`${server.url}/signin`);
    await page.getByTestId('signin-name').fill('counter.dla');
    await page.getByTestId('signin-password').fill('demo-counter');
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('screen-counter').waitFor();
    expect(fetched.filter((p) => /PrinterSettings|\/pdf-/.test(p))).toEqual([]);
  });

  it('opens the printer screen from the header, which loads the printing chunk', async () => {
    await page.getByTestId('nav-printing').click();
    await page.getByTestId('screen-printing').waitFor();
    expect(fetched.some((p) => /PrinterSettings-.*\.js$/.test(p))).toBe(true);
    expect(await page.getByTestId('printer-name').textContent()).toBe('Aucune imprimante choisie');
    await page.getByTestId('printer-fallback').selectOption('pdf');
  });

  it('prints a queue ticket as a PDF holding the ticket', async () => {
    await page.getByTestId('sample-kind').selectOption('ticket');
    await expect.poll(() => page.getByTestId('receipt-preview').textContent()).toContain('F012');
    const text = lines(await printToPdf(() => page.getByTestId('sample-print').click(), 'ticket.pdf'));
    expect(text).toEqual(
      expect.arrayContaining([
        'Caisse Nationale de Prévoyance Sociale',
        'Douala Centre',
        'Prestations familiales',
        'Votre numéro',
        'F012',
        '14/03/2024 09:05',
        'Personnes avant vous 7',
        'Attente estimée 25 min',
        'Gardez ce ticket : votre numéro sera appelé.',
      ]),
    );
    expect(fetched.some((p) => /\/pdf-.*\.js$/.test(p)), 'jsPDF loaded on the first PDF').toBe(true);
  });

  it('prints a submission receipt as a PDF listing the documents', async () => {
    await page.getByTestId('sample-kind').selectOption('submission');
    const text = lines(await printToPdf(() => page.getByTestId('sample-print').click(), 'submission.pdf'));
    expect(text).toEqual(
      expect.arrayContaining([
        'ACCUSÉ DE RÉCEPTION',
        'N° AR-DLA-2024-001532',
        'Ékotto Hélène',
        'Prestations familiales (assuré homme)',
        '0104 Acte de naissance 1',
        '0215 Autorisation de perception (légalisée) 1',
        '0228 Actes de naissance des enfants 3',
        'Nombre de pièces 3',
        'Guichet C01',
      ]),
    );
  });

  it('logs both jobs as printed through the PDF, and a reprint is marked DUPLICATA', async () => {
    const jobs = page.getByTestId('print-job');
    await expect.poll(() => jobs.count()).toBe(2);
    expect(await jobs.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).toEqual(['printed', 'printed']);
    expect(await jobs.first().textContent()).toContain('Accusé de dépôt AR-DLA-2024-001532');
    const text = lines(await printToPdf(() => jobs.last().getByTestId('job-reprint').click(), 'reprint.pdf'));
    expect(text.filter((l) => l === '*** DUPLICATA ***')).toHaveLength(2);
    expect(text).toContain('F012');
    await expect.poll(() => jobs.last().getAttribute('data-status')).toBe('reprinted');
  });

  it('shows the cash receipt preview with the amount in words', async () => {
    await page.getByTestId('sample-kind').selectOption('cashReceipt');
    const preview = (await page.getByTestId('receipt-preview').textContent()) ?? '';
    expect(preview).toContain('REÇU DE CAISSE');
    expect(preview).toContain('Un million deux cent cinquante mille francs CFA.');
  });
});
