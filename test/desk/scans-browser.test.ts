/**
 * Scans of submitted papers in Chromium (issue 10): a counter files three papers, one with a
 * scan chosen from a file (a real PNG made here, larger than the downscale); the scan document
 * reaches the branch's scans database on the server with its JPEG, whose SHA-256 is the one the
 * page computed and the submission's ScanRef records; the same with the network cut, reaching
 * the server after reconnection; a text file and an oversize PDF refused at once with their
 * messages, nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { ADMIN, basicAuth, couch, signIn } from '../support/couch-http.ts';
import { waitFor } from '../support/wait-for.ts';
import { axeViolations, cspViolations, describeFindings, keepScreenshot } from '../support/page-audit.ts';
import type { Submission } from '../../couch-design/types/submission.ts';
import type { Scan } from '../../couch-design/types/scan.ts';
import { PDFTOTEXT, backOfficePage, chooseEvent, counterTablet, day, issue, persons, saveAndPrint, serveNext, serverSubmissions, shiftDay, tick } from './support/filing-page.ts';
import { pagePng, simplePdf } from './support/test-files.ts';
import { fr } from '../../app/i18n/fr.ts';

const app = useBrowserApp();
const admin = basicAuth(ADMIN.name, ADMIN.password);
let downloads = '';

beforeAll(() => {
  if (!existsSync(PDFTOTEXT)) throw new Error(`${PDFTOTEXT} missing: apt-get install -y poppler-utils`);
  downloads = mkdtempSync(join(tmpdir(), 'fo-scans-'));
});
afterAll(() => {
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});


async function serverSubmission(number: string): Promise<Submission | null> {
  return (await serverSubmissions(app)).find((s) => s.receiptNumber === number) ?? null;
}

async function serverScans(): Promise<Scan[]> {
  const res = await couch(app.url, admin, 'GET', `/fo_scans_dla/_all_docs?include_docs=true`);
  return (res.body.rows as { doc: Scan }[]).map((r) => r.doc).filter((d) => d.type === 'scan');
}

/** The attachment's bytes as the back office fetches them, through the gateway. */
async function attachmentBytes(id: string, name: string): Promise<Buffer> {
  const res = await fetch(`${app.url}/db/fo_scans_dla/${encodeURIComponent(id)}/${name}`, { headers: admin.headers });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** Width and height from a JPEG's start-of-frame marker. */
function jpegSize(bytes: Buffer): { width: number; height: number } {
  expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
  let i = 2;
  while (i < bytes.length) {
    const marker = bytes[i + 1]!;
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc2) return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  throw new Error('no start of frame');
}

async function chooseScan(page: Page, code: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByTestId(`desk-scan-input-${code}`).setInputFiles(file);
}

async function chosen(page: Page, code: string): Promise<{ sha256: string; length: number; type: string }> {
  const el = page.getByTestId(`desk-scan-chosen-${code}`);
  await el.waitFor({ timeout: 30_000 });
  return { sha256: (await el.getAttribute('data-sha256'))!, length: Number(await el.getAttribute('data-length')), type: (await el.getAttribute('data-type'))! };
}

const sha256 = (b: Buffer) => createHash('sha256').update(new Uint8Array(b)).digest('hex');

describe('scans of submitted papers', () => {
  it('three papers, one scanned from a file: the JPEG reaches the scans database, its digest is the page\'s and the ScanRef\'s', async () => {
    const [person] = await persons(app, 1);
    const ticket = await issue(app, 'family', 'F', person!._id);
    const { page } = await counterTablet(app);
    await serveNext(page, 'C01', ticket.label);
    await chooseEvent(page, 'family_benefits_male');
    for (const code of ['0104', '0215', '0228']) await tick(page, code, shiftDay(day(), -30));
    const photo = pagePng(2400, 1800);
    await chooseScan(page, '0215', { name: 'autorisation.png', mimeType: 'image/png', buffer: photo });
    const scan = await chosen(page, '0215');
    expect(scan.type).toBe('image/jpeg');
    expect(scan.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByTestId('desk-scan-0215').innerText()).toContain('autorisation.png');
    expect(await page.locator('[data-testid="desk-scan-chosen-0215"] img').count()).toBe(1);
    expect(describeFindings(await axeViolations(page)), 'axe with a scan chosen').toBe('');
    await keepScreenshot(page, 'desk-scan-chosen');

    // The picker is a keyboard stop of its own.
    await page.getByTestId('desk-scan-input-0104').focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('desk-scan-input-0104');

    const text = await saveAndPrint(page, downloads, 'scan.pdf');
    const number = (await page.getByTestId('desk-receipt-number').getAttribute('data-number'))!;
    expect(text.join('\n')).toContain(number);
    expect(await cspViolations(page)).toEqual([]);

    const sub = await waitFor('the submission on the server', () => serverSubmission(number));
    expect(sub.documents.map((d) => d.code)).toEqual(['0104', '0215', '0228']);
    expect(sub.documents[0]!.scan).toBeUndefined();
    expect(sub.documents[2]!.scan).toBeUndefined();
    const [, uidPart] = sub._id.split(':').slice(1);
    const ref = sub.documents[1]!.scan!;
    expect(ref).toEqual({ id: `scan:${sub.day}:${uidPart}:0215`, name: '0215.jpg', contentType: 'image/jpeg', length: scan.length, sha256: scan.sha256 });
    const doc = await waitFor('the scan on the server', async () => (await serverScans()).find((s) => s._id === ref.id) ?? null);
    expect(doc).toMatchObject({ submission: sub._id, code: '0215', branch: 'dla', day: sub.day, agent: 'counter.dla' });
    const bytes = await attachmentBytes(ref.id, ref.name);
    expect(bytes.length).toBe(ref.length);
    expect(sha256(bytes)).toBe(ref.sha256);
    expect(jpegSize(bytes)).toEqual({ width: 1600, height: 1200 });

    // The counter's session may push scans but not read them back.
    const counter = await signIn(app.url, 'counter.dla', 'demo-counter');
    const back = await fetch(`${app.url}/db/fo_scans_dla/${encodeURIComponent(ref.id)}/${ref.name}`, { headers: counter.headers });
    expect(back.status).toBe(403);
  }, 180_000);

  it('offline: the scan and its filing are saved on the tablet and reach the server after reconnection', async () => {
    const [, person] = await persons(app, 2);
    const ticket = await issue(app, 'family', 'F', person!._id);
    const { context, page } = await counterTablet(app, true);
    await serveNext(page, 'C02', ticket.label);
    await chooseEvent(page, 'family_benefits_female');
    await context.setOffline(true);
    await tick(page, '0101', shiftDay(day(), -1000));
    const pdf = simplePdf('Acte de mariage');
    await chooseScan(page, '0101', { name: 'mariage.pdf', mimeType: 'application/pdf', buffer: pdf });
    const scan = await chosen(page, '0101');
    expect(scan).toEqual({ sha256: sha256(pdf), length: pdf.length, type: 'application/pdf' });
    await saveAndPrint(page, downloads, 'offline-scan.pdf');
    const number = (await page.getByTestId('desk-receipt-number').getAttribute('data-number'))!;
    expect(await serverSubmission(number)).toBeNull();
    expect((await serverScans()).some((s) => s.code === '0101')).toBe(false);

    await context.setOffline(false);
    const sub = await waitFor('the submission after reconnection', () => serverSubmission(number), 90_000);
    const ref = sub.documents[0]!.scan!;
    expect(ref).toMatchObject({ name: '0101.pdf', contentType: 'application/pdf', length: pdf.length, sha256: sha256(pdf) });
    await waitFor('the scan after reconnection', async () => ((await serverScans()).some((s) => s._id === ref.id) ? true : null), 90_000);
    expect(sha256(await attachmentBytes(ref.id, ref.name))).toBe(ref.sha256);
  }, 180_000);

  it('the back office sees each scan beside its row, checked against its digest: the photo as an image, the PDF as a link; offline, where it will show', async () => {
    // The two filings of the tests above: a JPEG (0215) and a PDF (0101).
    const filed = await serverSubmissions(app);
    const jpeg = filed.find((x) => x.documents.some((d) => d.scan?.contentType === 'image/jpeg'))!;
    const pdf = filed.find((x) => x.documents.some((d) => d.scan?.contentType === 'application/pdf'))!;
    const { context, page } = await backOfficePage(app);
    const open = async (sub: Submission, code: string) => {
      await page.getByTestId('bo-filter-person').fill(sub.person.slice('person:'.length));
      await page.getByTestId('bo-filter-person').press('Tab');
      await page.locator(`[data-testid="bo-row"][data-submission="${sub._id}"][data-code="${code}"]`).click();
      await page.locator(`[data-testid="bo-scan-view"][data-scan="${sub.documents.find((d) => d.code === code)!.scan!.id}"]`).waitFor();
    };
    await open(jpeg, '0215');
    const image = page.getByTestId('bo-scan-image');
    await image.waitFor({ timeout: 30_000 });
    await waitFor('the scan drawn', async () => ((await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)) || null));
    expect(await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([1600, 1200]);
    expect(describeFindings(await axeViolations(page)), 'axe with a scan shown').toBe('');
    await open(pdf, '0101');
    await page.getByTestId('bo-scan-pdf').waitFor({ timeout: 30_000 });

    await context.setOffline(true);
    await open(jpeg, '0215');
    await page.getByTestId('bo-scan-problem').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('bo-scan-problem').innerText()).toBe(fr['bo.scan.unavailable']);
    expect(await cspViolations(page)).toEqual([]);
  }, 180_000);

  it('a text file and an oversize PDF are refused at once with their messages; nothing is written', async () => {
    const [, , person] = await persons(app, 3);
    const ticket = await issue(app, 'family', 'F', person!._id);
    const { page } = await counterTablet(app);
    await serveNext(page, 'C04', ticket.label);
    await chooseEvent(page, 'family_benefits_male');
    await tick(page, '0104', shiftDay(day(), -10));
    const scansBefore = (await serverScans()).length;

    await chooseScan(page, '0104', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a scan') });
    const error = page.getByTestId('desk-scan-error-0104');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('scan_type');
    expect(await error.innerText()).toBe('Pièce 0104 : ce fichier n’est ni une photo ni un PDF. Prenez une photo ou choisissez un PDF.');
    expect(await page.getByTestId('desk-scan-chosen-0104').count()).toBe(0);

    await chooseScan(page, '0104', { name: 'gros.pdf', mimeType: 'application/pdf', buffer: simplePdf('Trop gros', 3 * 1024 * 1024) });
    await page.locator('[data-testid="desk-scan-error-0104"][data-code="scan_too_big"]').waitFor();
    expect(await error.innerText()).toBe('Pièce 0104 : ce fichier dépasse 2 Mo. Prenez une photo ou choisissez un PDF plus léger.');
    expect(describeFindings(await axeViolations(page)), 'axe with a scan refused').toBe('');
    expect(await cspViolations(page)).toEqual([]);
    await keepScreenshot(page, 'desk-scan-refused');

    // Saving is held while a refused scan is shown; nothing reached the server.
    await page.getByTestId('desk-save').click();
    await page.getByTestId('desk-failure').waitFor();
    expect(await page.getByTestId('desk-failure').innerText()).toBe('Corrigez ou retirez le scan refusé avant d’enregistrer.');
    expect(await page.getByTestId('desk-done').count()).toBe(0);
    expect((await serverScans()).length).toBe(scansBefore);

    // A good file replaces the refused one and the filing saves.
    await chooseScan(page, '0104', { name: 'acte.png', mimeType: 'image/png', buffer: pagePng(800, 1100) });
    await chosen(page, '0104');
    expect(await page.getByTestId('desk-scan-error-0104').count()).toBe(0);
    await saveAndPrint(page, downloads, 'after-refusal.pdf');
    const number = (await page.getByTestId('desk-receipt-number').getAttribute('data-number'))!;
    const sub = await waitFor('the filing on the server', () => serverSubmission(number));
    await waitFor('its scan on the server', async () => ((await serverScans()).some((s) => s._id === sub.documents[0]!.scan!.id) ? true : null));
    expect((await serverScans()).length).toBe(scansBefore + 1);
  }, 180_000);
});
