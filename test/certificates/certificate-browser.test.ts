/**
 * Issuing certificates at the counter, in Chromium against the real server (issue 13): an
 * employer who owes a quarter is refused "good standing" with the reason; the cash desk takes
 * the quarter; the same visit then issues it — the A4 PDF read with pdftotext carries the
 * number and what is certified, and the QR decoded from the rendered page (pdftoppm, jsQR)
 * verifies on /verify in a signed-out context, one character changed says altered, and once the
 * back office revoked it, revoked (the counter then lists it revoked and offers no reprint). A
 * certificate issued with the tablet's network cut is sealed offline, reaches the server after
 * reconnection and verifies too. A visitor not on file can only get "not registered", with a
 * validity no longer than the type's maximum.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import jsQR from 'jsqr';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { ADMIN, basicAuth, couch, couchAt, engineUrl, signIn } from '../support/couch-http.ts';
import { waitFor } from '../support/wait-for.ts';
import { renderFirstPage } from '../support/pdf-page.ts';
import { axeViolations, cspViolations, describeFindings } from '../support/page-audit.ts';
import { PDFTOTEXT, counterTablet, day, issue, serveNext, settled } from '../desk/support/filing-page.ts';
import { cashSettings } from '../../app/cash/config.ts';
import { addMonths } from '../../app/certificates/eligibility.ts';
import { openSession } from '../../app/cash/session.ts';
import { receipt } from '../../app/cash/entries.ts';
import type { Certificate } from '../../couch-design/types/certificate.ts';
import { certificateRevocationId } from '../../couch-design/types/certificate-revocation.ts';
import { fr } from '../../app/i18n/fr.ts';

const app = useBrowserApp();
const admin = basicAuth(ADMIN.name, ADMIN.password);
const EMPLOYER = { _id: 'person:9990001', type: 'person', kind: 'employer', number: '9990001', companyName: 'Ébodé Travaux SARL', accountNumber: '9990001' };
const line = (period: string, due: number, paid: number) => ({ _id: `accline:9990001:${period}`, type: 'account_line', employer: EMPLOYER._id, period, amountDue: due, amountPaid: paid, currency: 'XAF' });
let downloads = '';

beforeAll(async () => {
  downloads = mkdtempSync(join(tmpdir(), 'fo-cert-'));
  const engine = engineUrl(app.server);
  for (const doc of [EMPLOYER, line('2013-Q1', 40000, 40000), line('2013-Q2', 50980, 0)]) {
    const r = await couchAt(engine, admin, 'PUT', `/fo_people/${encodeURIComponent(doc._id)}`, doc);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
});
afterAll(() => rmSync(downloads, { recursive: true, force: true }));

/** The cash desk takes the quarter the employer owes, as the cashier's screen writes it. */
async function cashDeskTakesQuarter() {
  const cashier = await signIn(app.url, 'cashier.dla', 'demo-cashier');
  const settings = cashSettings({ currency: 'XAF', currencyDecimals: 0 });
  const at = new Date().toISOString();
  const opened = openSession({ branch: 'dla', day: day(), counter: 'C07', cashier: 'cashier.dla', currency: 'XAF', at, float: 0, settings, lastOfDesk: null, openOfCashier: [] });
  if (!('session' in opened)) throw new Error(JSON.stringify(opened.problems));
  expect((await couch(app.url, cashier, 'PUT', `/fo_branch_dla/${encodeURIComponent(opened.session._id)}`, opened.session)).status).toBe(201);
  const taken = receipt({ session: opened.session, last: null, settings, at, day: day() }, { person: EMPLOYER._id, account: '9990001', periods: ['2013-Q2'], amount: 50980, payment: { means: 'cash' } });
  if (!('entry' in taken)) throw new Error(JSON.stringify(taken.problems));
  expect((await couch(app.url, cashier, 'PUT', `/fo_branch_dla/${encodeURIComponent(taken.entry._id)}`, taken.entry)).status).toBe(201);
}

/** Presses Issue and returns the number announced, the PDF's text (spaces squeezed) and its file. */
async function issueAndRead(page: Page, code: string): Promise<{ number: string; text: string; file: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(`certs-issue-${code}`).click()]);
  const number = download.suggestedFilename().replace(/\.pdf$/, '');
  const file = join(downloads, `${number}.pdf`);
  await download.saveAs(file);
  await page.getByTestId('certs-issued').waitFor();
  expect(await page.getByTestId('certs-issued').textContent()).toContain(number);
  return { number, file, text: execFileSync(PDFTOTEXT, ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ') };
}

async function onServer(number: string): Promise<Certificate> {
  return waitFor(`certificate ${number} on the server`, async () => {
    const r = await couch(app.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey="cert:"&endkey="cert:\uffff"&include_docs=true`);
    return (r.body.rows as { doc: Certificate }[]).map((x) => x.doc).find((c) => c.number === number) ?? null;
  }, 60_000);
}

async function verifiedSignedOut(seal: string): Promise<string | null> {
  return openedSignedOut(`${app.url}/verify#${encodeURIComponent(seal)}`);
}

/** What /verify says of a link, in a new signed-out context (as a phone opening the QR). */
async function openedSignedOut(link: string): Promise<string | null> {
  const page = await app.page();
  await page.goto(link);
  const result = page.getByTestId('verify-result');
  await result.waitFor();
  return result.getAttribute('data-status');
}

/** The QR of the PDF's first page, rendered at 150 dpi and decoded with jsQR. */
function qrOfPdf(file: string): string {
  const { width, height, rgb } = renderFirstPage(file, 150);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += 3) {
    rgba[i * 4] = rgb[j]!;
    rgba[i * 4 + 1] = rgb[j + 1]!;
    rgba[i * 4 + 2] = rgb[j + 2]!;
    rgba[i * 4 + 3] = 255;
  }
  const code = jsQR(rgba, width, height);
  if (!code) throw new Error(`no QR code found on the first page of ${file}`);
  return code.data;
}

/** The back office revokes a certificate through the server, as its screen writes it. */
async function revoke(c: Certificate) {
  const backoffice = await signIn(app.url, 'backoffice.dla', 'demo-backoffice');
  const id = certificateRevocationId(c.number);
  const doc = { _id: id, type: 'certificate_revocation', branch: 'dla', day: day(), certificate: c._id, number: c.number, reason: 'situation_changed', agent: 'backoffice.dla', at: new Date().toISOString() };
  const r = await couch(app.url, backoffice, 'PUT', `/fo_branch_dla/${encodeURIComponent(id)}`, doc);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
}

describe('certificates at the counter (issue 13)', () => {
  it('refuses good standing with the unpaid quarter, issues it once the cash desk took it; the PDF and its seal check out; a reprint says DUPLICATA', async () => {
    const ticket = await issue(app, 'family', 'F', EMPLOYER._id);
    const { context, page } = await counterTablet(app);
    await serveNext(page, 'C01', ticket.label);
    const standing = page.getByTestId('certs-type-non_debt');
    await standing.waitFor();
    expect(await standing.getAttribute('data-eligible')).toBe('false');
    expect((await page.getByTestId('certs-reasons-non_debt').textContent())!.replace(/\s/g, ' ')).toMatch(/2TR 2013 impayé : 50 980 FCFA/);
    expect(await page.getByTestId('certs-issue-non_debt').isDisabled()).toBe(true);
    expect(describeFindings(await axeViolations(page))).toBe('');

    await cashDeskTakesQuarter();
    await waitFor('good standing offered once the receipt reached the tablet', async () => {
      await page.getByTestId('certs-refresh').click();
      await settled(page);
      return (await standing.getAttribute('data-eligible')) === 'true' ? true : null;
    }, 60_000);
    const { number, text, file } = await issueAndRead(page, 'non_debt');
    expect(number).toMatch(/^ATT-DLA-\d{6}-[A-Z0-9]+-001$/);
    expect(text).toContain(`N° ${number}`);
    expect(text).toContain("l'employeur Ébodé Travaux SARL, compte n° 9990001, est à jour de ses cotisations jusqu'à la période 2TR 2013 incluse");
    const stored = await onServer(number);
    expect(stored).toMatchObject({ certType: 'non_debt', person: EMPLOYER._id, agent: 'counter.dla', locale: 'fr', certified: { rule: 'good_standing', through: '2013-Q2' } });
    expect(await verifiedSignedOut(stored.seal)).toBe('valid');
    expect(await verifiedSignedOut(stored.seal.replace('|9990001|', '|9990002|'))).toBe('altered');

    // The QR as printed: decoded from the rendered page, it is the verification link with this seal.
    const link = qrOfPdf(file);
    expect(link).toBe(`${app.url}/verify#${encodeURIComponent(stored.seal)}`);
    expect(await openedSignedOut(link)).toBe('valid');
    // One character of the holder's name changed in what the QR carries: altered.
    const hash = link.indexOf('#') + 1;
    const seal = decodeURIComponent(link.slice(hash));
    const at = seal.indexOf('Ébodé') + 1;
    const altered = seal.slice(0, at) + 'X' + seal.slice(at + 1);
    expect(await openedSignedOut(link.slice(0, hash) + encodeURIComponent(altered))).toBe('altered');

    // A reprint: the same paper and number, marked DUPLICATA; nothing new is issued.
    const reprint = page.getByTestId(`certs-reprint-${number}`);
    await reprint.waitFor();
    const [copy] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), reprint.click()]);
    expect(copy.suggestedFilename()).toBe(`${number}-duplicata.pdf`);
    const copyFile = join(downloads, copy.suggestedFilename());
    await copy.saveAs(copyFile);
    const copyText = execFileSync(PDFTOTEXT, ['-layout', copyFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(copyText).toContain('DUPLICATA');
    expect(copyText).toContain(`N° ${number}`);
    expect(text).not.toContain('DUPLICATA');

    // Revoked by the back office: the same QR now says revoked; the counter lists it revoked and does not reprint it.
    await revoke(stored);
    expect(await openedSignedOut(link)).toBe('revoked');
    await waitFor('the revocation shown at the counter', async () => {
      await page.getByTestId('certs-refresh').click();
      await settled(page);
      return (await page.getByTestId(`certs-revoked-${number}`).count()) === 1 ? true : null;
    }, 60_000);
    expect(await page.getByTestId(`certs-reprint-${number}`).count()).toBe(0);

    // The network cut: the tablet seals with its certified key, the paper comes out, the server gets it later.
    await context.setOffline(true);
    const offline = await issueAndRead(page, 'affiliation');
    expect(offline.text).toContain('Ébodé Travaux SARL, employeur, est immatriculé(e) sous le numéro 9990001');
    await context.setOffline(false);
    const synced = await onServer(offline.number);
    expect(await verifiedSignedOut(synced.seal)).toBe('valid');
    expect(await cspViolations(page)).toEqual([]);
  }, 240_000);

  it('a visitor not on file: someone found is sent to the search; otherwise only "not registered", its validity at most the maximum (more refused, nothing written)', async () => {
    const ticket = await issue(app, 'family', 'F');
    const { page } = await counterTablet(app);
    await serveNext(page, 'C02', ticket.label);
    const panel = page.getByTestId('certs-not-on-file');
    await panel.waitFor();
    await page.getByTestId('certs-visitor-check').click();
    await settled(page);
    expect(await panel.locator('.field-error').allInnerTexts()).toEqual([fr['certs.notOnFile.nameMissing'], fr['certs.notOnFile.idBad']]);
    // The employer of the test above is on file: no "not registered" for that number.
    await page.getByTestId('certs-visitor-name').fill('Ébodé Travaux');
    await page.getByTestId('certs-visitor-id').fill('9990001');
    await page.getByTestId('certs-visitor-check').click();
    await page.getByTestId('certs-visitor-found').waitFor();
    expect(await page.getByTestId('certs-type-non_affiliation').count()).toBe(0);

    await page.getByTestId('certs-visitor-name').fill('Ngo Biyong Marthe');
    await page.getByTestId('certs-visitor-id').fill('cm 7788 9900');
    await page.getByTestId('certs-visitor-check').click();
    await page.getByTestId('certs-visitor-only').waitFor();
    // Only the type whose rule is "not registered" is offered.
    expect(await panel.locator('[data-testid^="certs-type-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(['certs-type-non_affiliation']);
    const before = (await couch(app.url, basicAuth(ADMIN.name, ADMIN.password), 'GET', `/fo_branch_dla/_all_docs?startkey="cert:"&endkey="cert:\uffff"`)).body.rows.length;
    await page.getByTestId('certs-months-non_affiliation').fill('4');
    await page.getByTestId('certs-issue-non_affiliation').click();
    await settled(page);
    expect(await panel.locator('.field-error').innerText()).toBe(fr['certs.error.too_long'].replaceAll('{max}', '3'));
    expect(describeFindings(await axeViolations(page))).toBe('');
    await page.getByTestId('certs-months-non_affiliation').fill('2');
    const { number, text } = await issueAndRead(page, 'non_affiliation');
    expect(text).toContain("Ngo Biyong Marthe, pièce d'identité n° CM77889900, n'est pas immatriculé(e)");
    const stored = await onServer(number);
    expect(stored.person).toBeUndefined();
    expect(stored.certified).toEqual({ rule: 'not_registered', name: 'Ngo Biyong Marthe', idNumber: 'CM77889900' });
    expect(stored.validUntil).toBe(addMonths(day(), 2));
    const after = (await couch(app.url, basicAuth(ADMIN.name, ADMIN.password), 'GET', `/fo_branch_dla/_all_docs?startkey="cert:"&endkey="cert:\uffff"`)).body.rows.length;
    expect(after, 'only the certificate issued, none for the refused validity').toBe(before + 1);
    expect(await verifiedSignedOut(stored.seal)).toBe('valid');
    expect(await cspViolations(page)).toEqual([]);
  }, 240_000);
});
