import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { SignInPage } from '../browser/pages/sign-in-page.ts';
import { Shell } from '../browser/pages/shell.ts';
import { axeViolations, cspViolations, describeFindings, keepScreenshot, watchCsp } from '../support/page-audit.ts';
import { AdminDevicesPage, EnrolPage } from './devices-page.ts';

/* Issue 14, devices, in Chromium against the real server: the admin enrols a kiosk with a code, the kiosk works, the admin revokes it. */
const app = useBrowserApp();
const VIEWPORT = { width: 1280, height: 800 };
const WAIT = { timeout: 60_000 };

async function audit(page: Page, name: string) {
  expect(describeFindings(await axeViolations(page)), `axe on ${name}`).toBe('');
  expect(await cspViolations(page), `CSP on ${name}`).toEqual([]);
}

async function freshPage(): Promise<Page> {
  const context = await app.context({ viewport: VIEWPORT });
  await watchCsp(context);
  return context.newPage();
}

describe('administration: devices', () => {
  it('the admin enrols a kiosk with a code, the kiosk issues a ticket and restarts by itself; revoked, it returns to enrolment', async () => {
    const adminPage = await freshPage();
    await (await SignInPage.open(adminPage, app.url)).signIn('admin.hq', 'demo-admin');
    const admin = new AdminDevicesPage(adminPage);
    await adminPage.getByTestId('screen-admin').waitFor(WAIT);
    await admin.open();
    await audit(adminPage, 'admin devices (empty)');

    // Bad input first: every problem said, no code made.
    await admin.createCode({ branch: '', role: 'kiosk', label: '' });
    await admin.errors.waitFor(WAIT);
    expect(await admin.errors.textContent()).toContain('Choose one of the branches');
    expect(await admin.errors.textContent()).toContain('Give the device a label');
    expect(await admin.code.count()).toBe(0);
    await audit(adminPage, 'admin device code form with errors');
    await adminPage.getByTestId('admin-device-branch').selectOption('dla');
    await adminPage.getByTestId('admin-device-label').fill('Kiosk entrance');
    await adminPage.getByTestId('admin-device-submit').click();

    // The code, once, as text and as a QR of the enrolment address.
    await admin.code.waitFor(WAIT);
    const code = (await admin.code.textContent())!.trim();
    expect(code).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const url = (await admin.url.textContent())!.trim();
    expect(url).toBe(`${app.url}/enrol#${code}`);
    expect(await admin.qr.getAttribute('data-qr')).toBe(url);
    expect(await admin.qr.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    await audit(adminPage, 'admin device code shown');
    await keepScreenshot(adminPage, 'admin-device-code');

    // A new device opens the address: enrolled, it lands on the kiosk screen and issues a ticket.
    const device = await freshPage();
    await device.goto(url);
    const shell = new Shell(device);
    await shell.waitForScreen('kiosk', 60_000);
    expect(new URL(device.url()).hash).toBe('');
    await device.getByTestId('kiosk-service-family').click();
    await device.getByTestId('kiosk-take').click();
    expect(await device.getByTestId('ticket-label').textContent()).toMatch(/^F\d{3}$/);
    await audit(device, 'enrolled kiosk');

    // Restarted: the device signs in by itself, no password form.
    await device.reload();
    await shell.waitForScreen('kiosk', 60_000);
    expect(await device.getByTestId('signin-form').count()).toBe(0);

    // The same code again, from another device: refused, in words.
    const other = await freshPage();
    await other.goto(`${app.url}/signin`);
    await other.getByTestId('signin-enrol-link').click();
    const otherEnrol = new EnrolPage(other);
    await otherEnrol.form.waitFor(WAIT);
    await audit(other, 'enrol screen');
    await otherEnrol.enrol('not a code');
    expect(await otherEnrol.error.textContent()).toContain('does not have the right form');
    await otherEnrol.enrol(code);
    await other.locator('[data-testid="enrol-error"]', { hasText: 'used already' }).waitFor(WAIT);
    await audit(other, 'enrol screen with a used code');

    // The list shows it, with a last contact and its printer.
    await adminPage.getByTestId('admin-device-code-done').click();
    const row = admin.row('Kiosk entrance');
    await row.waitFor(WAIT);
    expect(await row.textContent()).toContain('Kiosk');
    expect(await row.textContent()).toContain('Active');
    const name = (await row.getAttribute('data-testid'))!.slice('admin-device-'.length);
    expect(name).toMatch(/^device\.dla\.kiosk\./);
    await expect.poll(async () => adminPage.getByTestId(`admin-device-${name}-contact`).textContent(), WAIT).not.toBe('Never');
    await audit(adminPage, 'admin devices list');

    // Revoked: the device is sent back to its enrolment screen, and stays there after a restart.
    await adminPage.getByTestId(`admin-device-revoke-${name}`).click();
    await admin.message.filter({ hasText: 'Kiosk entrance is revoked' }).waitFor(WAIT);
    await adminPage.getByTestId(`admin-device-${name}-revoked`).waitFor(WAIT);
    const enrol = new EnrolPage(device);
    await enrol.revoked.waitFor({ timeout: 150_000 });
    expect(new URL(device.url()).pathname).toBe('/enrol');
    expect(await enrol.revoked.textContent()).toContain('revoked by the administrator');
    await audit(device, 'revoked device on the enrolment screen');
    await device.reload();
    await enrol.revoked.waitFor(WAIT);
    expect(await device.evaluate(() => localStorage.getItem('fo.resume'))).toBeNull();
  }, 400_000);
});
