/** Installable PWA, offline reload through the service worker, offline sign-in and reconnection. */
import { describe, expect, it } from 'vitest';
import { en } from '../../app/i18n/en.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { demoUser } from './support/demo-users.ts';
import { Pwa, controlledPage, pngSize } from './pages/pwa.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { Shell } from './pages/shell.ts';
import { UnlockPage } from './pages/unlock-page.ts';
import { hasSessionCookie, waitUntilSessionCookieGone } from './support/session.ts';

const app = useBrowserApp();
const counter = demoUser('counter.dla');

const controlled = async () => controlledPage(await app.context({ serviceWorkers: 'allow' }), app.url);

describe('installable PWA', () => {
  it('links a manifest with name, 192 and 512 px icons and standalone display', async () => {
    const page = await app.page({ serviceWorkers: 'allow' });
    await SignInPage.open(page, app.url);
    const pwa = new Pwa(page);
    const url = await pwa.manifestUrl();
    expect(url).not.toBeNull();
    const manifest = await pwa.manifest(url!);
    expect(manifest.name).toBe('Front Office');
    expect(manifest.display).toBe('standalone');
    for (const size of [192, 512]) {
      const icon = manifest.icons?.find((i) => i.sizes?.split(' ').includes(`${size}x${size}`) && (i.purpose ?? 'any').includes('any'));
      expect(icon, `a ${size}px icon`).toBeDefined();
      const response = await page.request.get(new URL(icon!.src, url!).href);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('image/png');
      expect(pngSize(await response.body())).toEqual({ width: size, height: size });
    }
  });

  it('has an active service worker that controls the page after a reload', async () => {
    const page = await app.page({ serviceWorkers: 'allow' });
    const signIn = await SignInPage.open(page, app.url);
    const pwa = new Pwa(page);
    const worker = await pwa.activeWorker();
    expect(worker).toEqual({ scope: `${app.url}/`, scriptURL: `${app.url}/sw.js`, state: 'activated' });
    await page.reload();
    await signIn.waitUntilShown();
    expect(await pwa.controller()).toBe(`${app.url}/sw.js`);
  });
});

describe('offline', () => {
  it('reloads offline from the service worker, then signs in a user known on this device', async () => {
    const { page, signIn } = await controlled();
    await signIn.signInAs(counter);
    const shell = new Shell(page);
    await shell.waitForScreen('counter');
    await page.context().setOffline(true);
    await page.reload();
    // No session check can reach the server: the app opens on the unlock of the user signed in
    // here (offline-restart.test.ts); another user asks for the sign-in form, which knows it is offline.
    const unlock = new UnlockPage(page);
    await unlock.waitUntilShown();
    await unlock.other.click();
    await signIn.waitUntilShown();
    await signIn.offlineHint.waitFor();
    await signIn.signInAs(counter);
    await shell.waitForScreen('counter');
    expect(await shell.headerUser.textContent()).toContain(en['header.offlineSession']);
    await shell.sync.waitFor('offline');
  });

  it('without a service worker the same offline reload fails: the offline switch is real', async () => {
    const page = await app.page({ serviceWorkers: 'block' });
    const signIn = await SignInPage.open(page, app.url);
    await page.context().setOffline(true);
    await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    expect(await signIn.isShown()).toBe(false);
  });

  it('signs in offline with the password last used online, refuses others, then reconnects by itself', async () => {
    const page = await app.page();
    const context = page.context();
    const signIn = await SignInPage.open(page, app.url);
    const shell = new Shell(page);
    await signIn.signInAs(counter);
    await shell.waitForScreen('counter');
    await shell.signOut();
    await waitUntilSessionCookieGone(context);

    await context.setOffline(true);
    await signIn.offlineHint.waitFor();
    await signIn.signInAs(counter);
    await shell.waitForScreen('counter');
    expect(await shell.headerUser.textContent()).toContain(en['header.offlineSession']);
    await shell.sync.waitFor('offline');

    await shell.signOut();
    await signIn.signIn(counter.name, 'not-the-password');
    expect(await signIn.errorText()).toBe(en['error.unauthorized']);
    await signIn.signInAs(demoUser('reception.dla'));
    await expect.poll(() => signIn.error.textContent(), { timeout: 10_000 }).toBe(en['error.offline_unknown_user']);
    expect(await signIn.isShown()).toBe(true);

    await signIn.signInAs(counter);
    await shell.waitForScreen('counter');
    expect(await hasSessionCookie(context)).toBe(false);
    await context.setOffline(false);
    // Back online: the app opens a CouchDB session with the password it kept in memory.
    await shell.sync.waitFor('online');
    await expect.poll(() => shell.headerUser.textContent(), { timeout: 10_000 }).toBe(en['header.user'].replace('{name}', counter.name));
    expect(await hasSessionCookie(context)).toBe(true);
    expect(await shell.sync.lastText()).not.toBe(en['sync.never']);
  });
});
