/**
 * Restart while offline (issue 9 item 10): an installed device (service worker in control)
 * reloaded with the network down reopens on its role's screen — a kiosk or a display with
 * nobody typing anything, a staff device after a short unlock — while signing out still
 * ends it, and the server still checks its own session when the link returns.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserApp } from './support/browser-app.ts';
import { demoUser, type DemoUser } from './support/demo-users.ts';
import { hasSessionCookie, waitUntilSessionCookieGone } from './support/session.ts';
import { controlledPage } from './pages/pwa.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { Shell } from './pages/shell.ts';
import { UnlockPage } from './pages/unlock-page.ts';
import { axeViolations, cspViolations, describeFindings, watchCsp } from '../support/page-audit.ts';
import { en } from '../../app/i18n/en.ts';

const app = useBrowserApp();

/** Signed in on a page its service worker controls (the installed app), on the user's screen. */
async function installedAndSignedIn(user: DemoUser): Promise<{ page: Page; shell: Shell }> {
  const context = await app.context({ serviceWorkers: 'allow' });
  await watchCsp(context);
  const { page, signIn } = await controlledPage(context, app.url);
  await signIn.signInAs(user);
  const shell = new Shell(page);
  await shell.waitForScreen(user.screen);
  await shell.sync.waitFor('online');
  return { page, shell };
}

describe('restart while offline', () => {
  it('a kiosk reopens on the kiosk screen by itself, then opens its server session when the link returns', async () => {
    const kiosk = demoUser('kiosk.dla');
    const { page, shell } = await installedAndSignedIn(kiosk);
    await page.locator('[data-testid^="kiosk-service-"]').first().waitFor();
    const context = page.context();

    // Power cut longer than the session cookie, link down.
    await context.setOffline(true);
    await context.clearCookies();
    await page.reload();
    await shell.waitForScreen('kiosk');
    expect(shell.path()).toBe('/kiosk');
    expect(await new SignInPage(page).isShown()).toBe(false);
    await page.locator('[data-testid^="kiosk-service-"]').first().waitFor();
    await shell.sync.waitFor('offline');
    expect(await cspViolations(page)).toEqual([]);

    // The link returns: a new server session, opened by the device itself.
    expect(await hasSessionCookie(context)).toBe(false);
    await context.setOffline(false);
    await shell.sync.waitFor('online');
    await expect.poll(() => hasSessionCookie(context), { timeout: 15_000 }).toBe(true);
  }, 90_000);

  it('a display reopens on the display screen with nobody typing anything', async () => {
    const display = demoUser('display.dla');
    const { page, shell } = await installedAndSignedIn(display);
    await page.context().setOffline(true);
    await page.reload();
    await shell.waitForScreen('display');
    expect(shell.path()).toBe('/display');
    expect(await cspViolations(page)).toEqual([]);
  }, 60_000);

  it('a staff device within the working day: password only, back on the same screen, reconnects with the link', async () => {
    const counter = demoUser('counter.dla');
    const { page, shell } = await installedAndSignedIn(counter);
    const context = page.context();
    await context.setOffline(true);
    await page.reload();

    const unlock = new UnlockPage(page);
    await unlock.waitUntilShown();
    expect(shell.path()).toBe('/counter');
    expect(await unlock.user.textContent()).toContain(counter.name);
    expect(await new SignInPage(page).isShown()).toBe(false);
    expect(describeFindings(await axeViolations(page))).toBe('');

    await unlock.unlock('not-the-password');
    expect(await unlock.error.textContent()).toBe(en['error.unauthorized']);
    await unlock.unlock(counter.password);
    await shell.waitForScreen('counter');
    expect(shell.path()).toBe('/counter');
    expect(await shell.headerUser.textContent()).toContain(en['header.offlineSession']);
    expect(await cspViolations(page)).toEqual([]);

    await context.clearCookies();
    await context.setOffline(false);
    await expect.poll(() => shell.headerUser.textContent(), { timeout: 30_000 }).toBe(en['header.user'].replace('{name}', counter.name));
    expect(await hasSessionCookie(context)).toBe(true);
  }, 90_000);

  it('after sign-out, an offline reload lands on the sign-in form (no resume, no unlock)', async () => {
    const counter = demoUser('counter.dla');
    const { page, shell } = await installedAndSignedIn(counter);
    const signIn = await shell.signOut();
    await waitUntilSessionCookieGone(page.context());
    await page.context().setOffline(true);
    await page.goto(`${app.url}/counter`);
    await signIn.waitUntilShown();
    expect(shell.path()).toBe('/signin');
    expect(await new UnlockPage(page).form.count()).toBe(0);
    expect(await shell.screen('counter').count()).toBe(0);
  }, 60_000);
});
