import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { SignInPage } from '../browser/pages/sign-in-page.ts';
import { Shell } from '../browser/pages/shell.ts';
import { axeViolations, cspViolations, describeFindings, keepScreenshot, watchCsp } from '../support/page-audit.ts';
import { AdminUsersPage, ChangePasswordPage } from './admin-users-page.ts';

/* Issue 14, users, in Chromium against the real server: the administrator's screen, the forced password change, disabling. */
const app = useBrowserApp();
const VIEWPORT = { width: 1280, height: 800 };
const WAIT = { timeout: 60_000 };

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

async function adminScreen(): Promise<AdminUsersPage> {
  const page = await signedIn('admin.hq', 'demo-admin');
  const admin = new AdminUsersPage(page);
  await admin.screen.waitFor(WAIT);
  await admin.row('counter.dla').waitFor(WAIT);
  return admin;
}

describe('administration: users', () => {
  it('the admin creates a cashier, refusing bad input first; the cashier must change the password before reaching the cash desk', async () => {
    const admin = await adminScreen();
    await audit(admin.page, 'admin users list');
    await keepScreenshot(admin.page, 'admin-users');

    // Nothing filled: every problem is said, nothing is sent.
    await admin.openCreate();
    await admin.submitCreate();
    await admin.createErrors.waitFor(WAIT);
    const empty = await admin.createErrors.textContent();
    expect(empty).toContain('Enter a user name');
    expect(empty).toContain('Tick at least one job role');
    expect(empty).toContain('Choose head office or one of the branches');
    expect(empty).toContain('Choose a stronger password');
    await audit(admin.page, 'admin create form with errors');

    // A name that exists: the form's rules pass, the server refuses it (409), nothing is written.
    await admin.fillCreate({ name: 'counter.dla', roles: ['cashier'], place: 'dla', password: 'first-day-at-work' });
    await admin.submitCreate();
    await admin.page.locator('[data-testid="admin-create-errors"]', { hasText: 'exists already' }).waitFor(WAIT);
    await admin.page.getByTestId('admin-create-name').fill('cashier.new');
    await admin.page.getByTestId('admin-create-password').fill('cashier');
    await admin.submitCreate();
    await admin.page.locator('[data-testid="admin-create-errors"]', { hasText: 'Choose a stronger password' }).waitFor(WAIT);
    expect(await admin.row('cashier.new').count()).toBe(0);

    await admin.page.getByTestId('admin-create-password').fill('first-day-at-work');
    await admin.submitCreate();
    await admin.message.filter({ hasText: 'cashier.new created' }).waitFor(WAIT);
    await admin.row('cashier.new').filter({ hasText: 'Must change password' }).waitFor(WAIT);
    // A new form starts empty.
    await admin.openCreate();
    expect(await admin.page.getByTestId('admin-create-name').inputValue()).toBe('');
    await admin.page.getByTestId('admin-create-cancel').click();

    const cashier = await signedIn('cashier.new', 'first-day-at-work');
    const change = new ChangePasswordPage(cashier);
    await change.form.waitFor(WAIT);
    expect(await new Shell(cashier).screen('cashier').count()).toBe(0);
    await audit(cashier, 'forced password change');
    await change.submit('first-day-at-work', 'my own good secret', 'my own good secrets');
    expect(await change.error.textContent()).toContain('differ');
    await change.submit('first-day-at-work', 'my own good secret', 'my own good secret');
    await new Shell(cashier).waitForScreen('cashier', 60_000);
    expect(new URL(cashier.url()).pathname).toBe('/cash');

    // The list follows: no more "must change", a last sign-in.
    await admin.page.reload();
    await admin.row('cashier.new').waitFor(WAIT);
    await expect.poll(async () => admin.row('cashier.new').textContent(), WAIT).not.toContain('Must change password');
    expect(await admin.row('cashier.new').textContent()).not.toContain('Never');
  }, 300_000);

  it('the admin disables a user who then cannot sign in, online nor offline on a device that synced since', async () => {
    // A shared device where counter.dla signed in before: it holds counter.dla's offline verifier.
    const device = await signedIn('counter.dla', 'demo-counter');
    const shell = new Shell(device);
    await shell.waitForScreen('counter', 60_000);
    await shell.signOut();
    expect(await device.evaluate(() => localStorage.getItem('fo.verifier.counter.dla'))).not.toBeNull();

    const admin = await adminScreen();
    await admin.filter('counter.dla');
    await admin.toggle('counter.dla');
    await admin.page.getByTestId('admin-user-counter.dla-disabled').waitFor(WAIT);
    await audit(admin.page, 'admin users list after disabling');

    // Online: refused, and said so.
    const elsewhere = await app.page({ viewport: VIEWPORT });
    const form = await SignInPage.open(elsewhere, app.url);
    await form.signIn('counter.dla', 'demo-counter');
    expect(await form.errorText()).toContain('disabled');

    // The device's next sync (another user's online session) forgets counter.dla's verifier...
    await (await SignInPage.open(device, app.url)).signIn('reception.dla', 'demo-reception');
    await shell.waitForScreen('reception', 60_000);
    await device.waitForFunction(() => localStorage.getItem('fo.verifier.counter.dla') === null, undefined, WAIT);
    await shell.signOut();
    // ... so offline, the old password no longer opens it.
    await device.context().setOffline(true);
    const offline = new SignInPage(device);
    await offline.signIn('counter.dla', 'demo-counter');
    expect(await offline.errorText()).toContain('never signed in on this device');
    await device.context().setOffline(false);

    // Re-enabled: signs in again.
    await admin.toggle('counter.dla');
    await admin.row('counter.dla').filter({ hasText: 'Active' }).waitFor(WAIT);
    const back = await signedIn('counter.dla', 'demo-counter');
    await new Shell(back).waitForScreen('counter', 60_000);
  }, 300_000);
});
