import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { SignInPage } from '../browser/pages/sign-in-page.ts';
import { axeViolations, cspViolations, describeFindings, watchCsp } from '../support/page-audit.ts';
import { ADMIN, basicAuth, couch } from '../support/couch-http.ts';
import { decodeEscPos, type Printed } from '../../app/printing/virtual-printer.ts';
import { findProfile } from '../../app/printing/profiles.ts';
import { PrintersPage, takePrinted, withFakeUsbPrinter } from './printers-page.ts';

/* Issue 14, printers per device role, in Chromium against the real server: the admin's choice reaches an open kiosk's receipts. */
const app = useBrowserApp();
const VIEWPORT = { width: 1280, height: 800 };
const WAIT = { timeout: 60_000 };
const server = basicAuth(ADMIN.name, ADMIN.password);

async function audit(page: Page, name: string) {
  expect(describeFindings(await axeViolations(page)), `axe on ${name}`).toBe('');
  expect(await cspViolations(page), `CSP on ${name}`).toEqual([]);
}

async function signedIn(name: string, password: string, usb = false): Promise<Page> {
  const context = await app.context({ viewport: VIEWPORT });
  await watchCsp(context);
  if (usb) await withFakeUsbPrinter(context);
  const page = await context.newPage();
  await (await SignInPage.open(page, app.url)).signIn(name, password);
  return page;
}

/** Takes a family-benefits ticket at the kiosk and returns what its USB printer received, read as paper. */
async function kioskTicket(kiosk: Page): Promise<Printed[]> {
  await kiosk.getByTestId('kiosk-service-family').click();
  await kiosk.getByTestId('kiosk-take').click();
  await kiosk.getByTestId('ticket-label').waitFor(WAIT);
  let bytes: Uint8Array = new Uint8Array();
  await expect.poll(async () => (bytes = await takePrinted(kiosk)).length, WAIT).toBeGreaterThan(0);
  await kiosk.getByTestId('kiosk-done').click();
  await kiosk.getByTestId('kiosk-service-family').waitFor(WAIT);
  // Both profiles number their code pages as Epson does: one reading fits either.
  return decodeEscPos(bytes, findProfile('epson-80'));
}

/** The widest line of the receipt, in font-A columns: the paper's width in characters (the rule runs across). */
const widest = (printed: Printed[]) => Math.max(...printed.map((p) => (p.kind === 'line' ? p.columns : 0)));

describe('administration: printers per device role', () => {
  it('the admin sets the kiosks to the 58 mm profile; an open kiosk prints its next tickets on 32 columns, without a reload', async () => {
    const kiosk = await signedIn('kiosk.dla', 'demo-kiosk', true);
    await kiosk.getByTestId('kiosk-service-family').waitFor(WAIT);
    await kiosk.evaluate(() => ((window as unknown as { printerMark: number }).printerMark = 14));
    // The institution's kiosk default (demo: Epson 80 mm) applies: 48 columns.
    expect(widest(await kioskTicket(kiosk))).toBe(48);

    const admin = new PrintersPage(await signedIn('admin.hq', 'demo-admin'));
    await admin.page.getByTestId('screen-admin').waitFor(WAIT);
    await admin.open();
    await admin.row('kiosk').getByTestId('ref-printer-kiosk-paper').filter({ hasText: '80 mm' }).waitFor(WAIT);
    await audit(admin.page, 'printers list');
    await admin.edit('kiosk', { profile: 'generic-58' });
    // Choosing the model sets its paper and code page.
    expect(await admin.page.getByTestId('ref-printer-paper').inputValue()).toBe('58');
    expect(await admin.page.getByTestId('ref-printer-codepage').inputValue()).toBe('cp858');
    expect(await admin.page.getByTestId('ref-printer-drawer').count(), 'a kiosk has no cash drawer').toBe(0);
    await audit(admin.page, 'printer form');
    await admin.page.getByTestId('ref-printer-submit').click();
    await admin.page.getByTestId('ref-printers-message').waitFor(WAIT);
    await admin.row('kiosk').getByTestId('ref-printer-kiosk-paper').filter({ hasText: '58 mm' }).waitFor(WAIT);
    expect(await admin.page.getByTestId('ref-printer-kiosk-changed').textContent()).toContain('admin.hq');
    const stored = (await couch(app.url, server, 'GET', '/fo_ref/printer:kiosk')).body;
    expect(stored).toMatchObject({ profile: 'generic-58', paper: 58, codepage: 'cp858', updatedBy: 'admin.hq' });
    const log = await couch(app.url, server, 'GET', `/fo_ref/_all_docs?startkey="refchange:printer:kiosk:"&endkey="refchange:printer:kiosk:\uffff"&include_docs=true`);
    expect(log.body.rows.map((r: { doc: { by: string; before: { paper: number }; after: { paper: number } } }) => [r.doc.by, r.doc.before.paper, r.doc.after.paper])).toEqual([['admin.hq', 80, 58]]);

    // The kiosk follows once the document has replicated to it: each new ticket is printed with
    // the settings in force, until one comes out on 58 mm paper.
    await expect.poll(async () => widest(await kioskTicket(kiosk)), { timeout: 45_000, interval: 500 }).toBe(32);
    expect(await kiosk.evaluate(() => (window as unknown as { printerMark?: number }).printerMark), 'the kiosk did not reload').toBe(14);
    await audit(kiosk, 'kiosk after the change');
  });

  it('a device that chose its own printer keeps it, and its printer screen says which settings apply', async () => {
    const kiosk = await signedIn('kiosk.dla', 'demo-kiosk', true);
    await kiosk.getByTestId('kiosk-service-family').waitFor(WAIT);
    await kiosk.goto(`${app.url}/printing`);
    const source = kiosk.getByTestId('printer-source');
    await expect.poll(() => source.getAttribute('data-source'), WAIT).toBe('institution');
    expect(await kiosk.getByTestId('printer-paper').inputValue()).toBe('58');
    await kiosk.getByTestId('printer-profile').selectOption('epson-80');
    await expect.poll(() => source.getAttribute('data-source')).toBe('device');
    expect(await source.textContent()).toBe('Settings chosen on this device.');
    await audit(kiosk, 'printer screen, own choice');
    await kiosk.getByTestId('printer-use-default').click();
    await expect.poll(() => source.getAttribute('data-source')).toBe('institution');
    expect(await kiosk.getByTestId('printer-profile').inputValue()).toBe('generic-58');
  });
});
