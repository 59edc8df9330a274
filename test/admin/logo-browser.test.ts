/**
 * The institution's logo (issue 14), in Chromium against the real server: a file that is not an
 * image is refused with its message and changes nothing; the admin's large photo is reduced in
 * the browser, previewed and saved within 100 KB; an open counter page shows it in its header
 * without a reload; removing it (by keyboard) brings the FO mark back there. Axe and CSP clean.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { SignInPage } from '../browser/pages/sign-in-page.ts';
import { axeViolations, cspViolations, describeFindings, keepScreenshot, watchCsp } from '../support/page-audit.ts';
import { ADMIN, basicAuth, couch } from '../support/couch-http.ts';
import { noisyPng } from '../support/png.ts';
import { MAX_LOGO_BYTES } from '../../couch-design/types/institution.ts';

const app = useBrowserApp();
const VIEWPORT = { width: 1280, height: 800 };
const WAIT = { timeout: 60_000 };
const server = basicAuth(ADMIN.name, ADMIN.password);

async function audit(page: Page, name: string) {
  expect(describeFindings(await axeViolations(page)), `axe on ${name}`).toBe('');
  expect(await cspViolations(page), `CSP on ${name}`).toEqual([]);
}

async function signedIn(name: string, password: string): Promise<Page> {
  const context = await app.context({ viewport: VIEWPORT });
  await watchCsp(context);
  const page = await context.newPage();
  await (await SignInPage.open(page, app.url)).signIn(name, password);
  return page;
}

const mark = (page: Page) => page.evaluate(() => ((window as unknown as { logoMark: number }).logoMark = 14));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { logoMark?: number }).logoMark === 14);
const institution = async () => (await couch(app.url, server, 'GET', '/fo_ref/institution')).body as { _rev: string; _attachments?: Record<string, { content_type: string; length: number; digest: string }> };
/** The natural size of the image a test id shows, once decoded. */
const imageSize = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight };
  });

describe("administration: the institution's logo", () => {
  it('reduces a large photo in the browser, saves it within 100 KB, shows it on an open counter page live; removing it brings the mark back', async () => {
    const counter = await signedIn('counter.dla', 'demo-counter');
    await counter.getByTestId('counter-code').waitFor(WAIT);
    await counter.getByTestId('header-mark').waitFor(WAIT);
    await mark(counter);

    const admin = await signedIn('admin.hq', 'demo-admin');
    await admin.getByTestId('screen-admin').waitFor(WAIT);
    await admin.getByTestId('admin-tab-institution').click();
    await admin.getByTestId('ref-institution-logo-shown').filter({ hasText: 'None' }).waitFor(WAIT);
    await admin.getByTestId('ref-institution-edit').click();
    const file = admin.getByTestId('ref-institution-logo-file');
    expect(await admin.getByTestId('ref-institution-logo-remove').isDisabled()).toBe(true);

    // A text file named .png: said on the field, nothing chosen; saved, the institution has no logo.
    await file.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('this is not an image\n') });
    await admin.locator('.field-error').filter({ hasText: 'This image cannot be read: choose another file.' }).waitFor(WAIT);
    expect(await admin.getByTestId('ref-institution-logo-preview').count()).toBe(0);
    await audit(admin, 'institution form, unreadable logo');
    await admin.getByTestId('ref-institution-submit').click();
    await admin.getByTestId('ref-institution-message').waitFor(WAIT);
    expect((await institution())._attachments).toBeUndefined();
    await admin.getByTestId('ref-institution-logo-shown').filter({ hasText: 'None' }).waitFor(WAIT);

    // A large photo (1,600×640 px of noise, about 3 MB as pixels): reduced to 400×160, within 100 KB.
    const photo = noisyPng(1600, 640);
    expect(photo.length).toBeGreaterThan(10 * MAX_LOGO_BYTES);
    await admin.getByTestId('ref-institution-edit').click();
    await admin.getByTestId('ref-institution-logo-file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: photo });
    await admin.getByTestId('ref-institution-logo-preview').waitFor(WAIT);
    expect(await imageSize(admin, 'ref-institution-logo-preview')).toEqual({ width: 400, height: 160 });
    await audit(admin, 'institution form with the logo preview');
    await keepScreenshot(admin, 'admin-logo-preview');
    await admin.getByTestId('ref-institution-submit').click();
    await admin.getByTestId('ref-institution-message').filter({ hasText: 'Institution saved' }).waitFor(WAIT);
    const saved = await institution();
    const logo = saved._attachments!.logo!;
    // Noise does not fit 100 KB as a PNG (about 190 KB at 400×160): the JPEG fallback took it.
    expect(logo.content_type).toBe('image/jpeg');
    expect(logo.length).toBeGreaterThan(1000);
    expect(logo.length).toBeLessThanOrEqual(MAX_LOGO_BYTES);
    // Its change-log entry describes the logo, without its bytes.
    const log = (await couch(app.url, server, 'GET', '/fo_ref/_all_docs?startkey="refchange:institution:"&endkey="refchange:institution:\uffff"&include_docs=true')).body.rows.map(
      (r: { doc: { after: { _attachments?: Record<string, unknown> } } }) => r.doc,
    );
    expect(log.at(-1).after._attachments).toEqual({ logo: { content_type: logo.content_type, length: logo.length, stub: true } });
    await admin.getByTestId('ref-institution-logo-shown').locator('img').waitFor(WAIT);

    // The counter page, open all along, shows it in its header.
    await counter.getByTestId('header-logo').waitFor(WAIT);
    expect(await imageSize(counter, 'header-logo')).toEqual({ width: 400, height: 160 });
    expect(await counter.getByTestId('header-mark').count()).toBe(0);
    expect(await stillMarked(counter)).toBe(true);
    await audit(counter, 'counter header with the logo');
    await keepScreenshot(counter, 'counter-header-logo');

    // Another edit keeps the logo: the form sends its stub, the server keeps the bytes.
    await admin.getByTestId('ref-institution-edit').click();
    await admin.getByTestId('ref-institution-logo-preview').waitFor(WAIT);
    await admin.getByTestId('ref-institution-name').fill('Caisse Nationale de Prévoyance Sociale du Cameroun');
    await admin.getByTestId('ref-institution-submit').click();
    await admin.getByTestId('ref-institution-panel').filter({ hasText: 'du Cameroun' }).waitFor(WAIT);
    const renamed = await institution();
    expect(renamed._attachments!.logo).toEqual(saved._attachments!.logo);
    expect(await counter.getByTestId('header-logo').count()).toBe(1);

    // Removed by keyboard: the mark comes back on the counter page, still without a reload.
    await admin.getByTestId('ref-institution-edit').click();
    await admin.getByTestId('ref-institution-logo-preview').waitFor(WAIT);
    await admin.getByTestId('ref-institution-logo-remove').focus();
    await admin.keyboard.press('Enter');
    await admin.getByTestId('ref-institution-logo-none').filter({ hasText: 'Removed when you save.' }).waitFor(WAIT);
    await admin.getByTestId('ref-institution-submit').focus();
    await admin.keyboard.press('Enter');
    await admin.getByTestId('ref-institution-message').filter({ hasText: 'Institution saved' }).waitFor(WAIT);
    expect((await institution())._attachments).toBeUndefined();
    await counter.getByTestId('header-mark').waitFor(WAIT);
    expect(await counter.getByTestId('header-logo').count()).toBe(0);
    expect(await stillMarked(counter)).toBe(true);
    await audit(admin, 'institution panel without a logo');
  }, 300_000);
});
