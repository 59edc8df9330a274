/**
 * Issuing certificates at the counter, in Chromium against the real server (issue 13): an
 * employer who owes a quarter is refused "good standing" with the reason; the cash desk takes
 * the quarter; the same visit then issues it — the A4 PDF read with pdftotext carries the
 * number and what is certified, and its seal verifies on /verify in a signed-out context. A
 * certificate issued with the tablet's network cut is sealed offline, reaches the server after
 * reconnection and verifies too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { ADMIN, basicAuth, couch, couchAt, engineUrl, signIn } from '../support/couch-http.ts';
import { waitFor } from '../support/wait-for.ts';
import { axeViolations, cspViolations, describeFindings } from '../support/page-audit.ts';
import { PDFTOTEXT, counterTablet, day, issue, serveNext, settled } from '../desk/support/filing-page.ts';
import { cashSettings } from '../../app/cash/config.ts';
import { openSession } from '../../app/cash/session.ts';
import { receipt } from '../../app/cash/entries.ts';
import type { Certificate } from '../../couch-design/types/certificate.ts';

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

/** Presses Issue and returns the number announced and the PDF's text, spaces squeezed. */
async function issueAndRead(page: Page, code: string): Promise<{ number: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(`certs-issue-${code}`).click()]);
  const number = download.suggestedFilename().replace(/\.pdf$/, '');
  const file = join(downloads, `${number}.pdf`);
  await download.saveAs(file);
  await page.getByTestId('certs-issued').waitFor();
  expect(await page.getByTestId('certs-issued').textContent()).toContain(number);
  return { number, text: execFileSync(PDFTOTEXT, ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ') };
}

async function onServer(number: string): Promise<Certificate> {
  return waitFor(`certificate ${number} on the server`, async () => {
    const r = await couch(app.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey="cert:"&endkey="cert:\uffff"&include_docs=true`);
    return (r.body.rows as { doc: Certificate }[]).map((x) => x.doc).find((c) => c.number === number) ?? null;
  }, 60_000);
}

async function verifiedSignedOut(seal: string): Promise<string | null> {
  const page = await app.page();
  await page.goto(`${app.url}/verify#${encodeURIComponent(seal)}`);
  const result = page.getByTestId('verify-result');
  await result.waitFor();
  return result.getAttribute('data-status');
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
    const { number, text } = await issueAndRead(page, 'non_debt');
    expect(number).toMatch(/^ATT-DLA-\d{6}-[A-Z0-9]+-001$/);
    expect(text).toContain(`N° ${number}`);
    expect(text).toContain("l'employeur Ébodé Travaux SARL, compte n° 9990001, est à jour de ses cotisations jusqu'à la période 2TR 2013 incluse");
    const stored = await onServer(number);
    expect(stored).toMatchObject({ certType: 'non_debt', person: EMPLOYER._id, agent: 'counter.dla', locale: 'fr', certified: { rule: 'good_standing', through: '2013-Q2' } });
    expect(await verifiedSignedOut(stored.seal)).toBe('valid');
    expect(await verifiedSignedOut(stored.seal.replace('|9990001|', '|9990002|'))).toBe('altered');

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

    // The network cut: the tablet seals with its certified key, the paper comes out, the server gets it later.
    await context.setOffline(true);
    const offline = await issueAndRead(page, 'affiliation');
    expect(offline.text).toContain('Ébodé Travaux SARL, employeur, est immatriculé(e) sous le numéro 9990001');
    await context.setOffline(false);
    const synced = await onServer(offline.number);
    expect(await verifiedSignedOut(synced.seal)).toBe('valid');
    expect(await cspViolations(page)).toEqual([]);
  }, 240_000);
});
