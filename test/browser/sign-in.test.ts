/** Sign-in through the form for every demo role, refusals, the role guard, sign-out, locale. */
import { describe, expect, it } from 'vitest';
import { en } from '../../app/i18n/en.ts';
import { fr } from '../../app/i18n/fr.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { DEMO_USERS, demoUser } from './support/demo-users.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { Shell } from './pages/shell.ts';
import { sessionToken, waitUntilSessionCookieGone } from './support/session.ts';
import { couch } from '../support/couch-http.ts';

const app = useBrowserApp();

describe('sign-in', () => {
  it.each(DEMO_USERS)('$name lands on screen-$screen at $path', async (user) => {
    const page = await app.page();
    const signIn = await SignInPage.open(page, app.url);
    await signIn.signInAs(user);
    const shell = new Shell(page);
    await shell.waitForScreen(user.screen);
    expect(shell.path()).toBe(user.path);
    expect(await signIn.isShown()).toBe(false);
    if (user.screen === 'kiosk' || user.screen === 'display') {
      expect(await shell.headerUser.count(), 'kiosk and display are full-screen, without the header').toBe(0);
    } else {
      expect(await shell.headerUser.textContent()).toBe(en['header.user'].replace('{name}', user.name));
    }
  });

  it('the printer page has a way back to the screen of a single-role user (issue 9 item 11)', async () => {
    const page = await app.page();
    const signIn = await SignInPage.open(page, app.url);
    const user = demoUser('cashier.dla');
    await signIn.signInAs(user);
    const shell = new Shell(page);
    await shell.waitForScreen(user.screen);
    expect(await page.getByTestId('role-nav').count(), 'one role: no role menu').toBe(0);
    // Links and the back button move within the page (app/routing/): no reload, which would forget this mark.
    await page.evaluate(() => Object.assign(window, { foSamePage: true }));
    const samePage = () => page.evaluate(() => 'foSamePage' in window);
    expect(await page.getByTestId('nav-printing').getAttribute('aria-current')).toBeNull();
    await page.getByTestId('nav-printing').click();
    await shell.waitForScreen('printing');
    expect(await page.getByTestId('nav-printing').getAttribute('aria-current')).toBe('page');
    await page.goBack();
    await shell.waitForScreen(user.screen);
    expect(shell.path()).toBe(user.path);
    await page.goForward();
    await shell.waitForScreen('printing');
    expect(await samePage(), 'no reload').toBe(true);
    const back = page.getByTestId('printer-back');
    expect(await back.textContent()).toContain(en['printing.back'].replace('{screen}', en['screen.cashier.title']));
    await back.click();
    await shell.waitForScreen(user.screen);
    expect(shell.path()).toBe(user.path);
  });

  it('refuses a wrong password and stays on the sign-in form', async () => {
    const page = await app.page();
    const signIn = await SignInPage.open(page, app.url);
    await signIn.signIn('counter.dla', 'not-the-password');
    expect(await signIn.errorText()).toBe(en['error.unauthorized']);
    expect(await signIn.isShown()).toBe(true);
    expect(new Shell(page).path()).toBe('/signin');
    expect(await new Shell(page).screen('counter').count()).toBe(0);
  });

  it('sends a counter user who opens /cash back to the counter screen, with a notice', async () => {
    const page = await app.page();
    const signIn = await SignInPage.open(page, app.url);
    await signIn.signInAs(demoUser('counter.dla'));
    const shell = new Shell(page);
    await shell.waitForScreen('counter');
    // The branch by its name, once the reference data has reached the device.
    await expect.poll(() => shell.headerBranch.textContent(), { timeout: 15_000 }).toBe('Douala Centre (DLA)');
    await shell.goTo(app.url, '/cash');
    await shell.waitForScreen('counter');
    expect(shell.path()).toBe('/counter');
    await shell.guardNotice.waitFor();
    expect(await shell.guardNotice.textContent()).toContain(en['screen.cashier.title']);
    expect(await shell.screen('cashier').count()).toBe(0);
  });

  it('gives the cashier the counter controls of the cash queue on the cash desk', async () => {
    const page = await app.page();
    const signIn = await SignInPage.open(page, app.url);
    await signIn.signInAs(demoUser('cashier.dla'));
    const shell = new Shell(page);
    await shell.waitForScreen('cashier');
    await page.getByTestId('counter-code').waitFor();
    // The cash desk itself is there too: no session yet, so opening one is offered.
    expect(await page.getByTestId('cash-open-panel').locator('h2').textContent()).toBe(en['cash.open.title']);
  });

  it('signs out to the sign-in form, and the server session is gone with it', async () => {
    const page = await app.page();
    const signIn = await SignInPage.open(page, app.url);
    await signIn.signInAs(demoUser('reception.dla'));
    const shell = new Shell(page);
    await shell.waitForScreen('reception');
    // A copy of the cookie taken while signed in (as a thief would) must die with the sign-out.
    const copied = await sessionToken(page.context());
    expect(copied).not.toBeNull();
    const after = await shell.signOut();
    expect(shell.path()).toBe('/signin');
    expect(await after.name.inputValue()).toBe('');
    // The form shows at once; the answer to DELETE /_session clears the cookie just after.
    // No replication request may bring it back (the server renews it in every answer).
    await waitUntilSessionCookieGone(page.context());
    const withCopy = { headers: { cookie: `AuthSession=${copied}` } };
    expect((await couch(app.url, withCopy, 'GET', '/_session')).body.userCtx.name).toBeNull();
    expect((await couch(app.url, withCopy, 'GET', '/fo_branch_dla')).status).toBe(401);
    // Opening the app again (another tab of the same browser) must not find a session any more.
    const again = await page.context().newPage();
    await again.goto(`${app.url}/reception`);
    await new SignInPage(again).waitUntilShown();
    expect(new Shell(again).path()).toBe('/signin');
    expect(await new Shell(again).screen('reception').count()).toBe(0);
  });

  it('switches the interface between French and English, and remembers the choice', async () => {
    const page = await app.page();
    const signIn = await SignInPage.open(page, app.url);
    expect(await signIn.heading.textContent()).toBe(en['signin.title']);
    await signIn.chooseLocale('fr');
    await page.getByText(fr['signin.intro']).waitFor();
    expect(await signIn.heading.textContent()).toBe(fr['signin.title']);
    expect(await signIn.submit.textContent()).toBe(fr['signin.submit']);
    await page.reload();
    await signIn.waitUntilShown();
    expect(await signIn.heading.textContent()).toBe(fr['signin.title']);
    await signIn.chooseLocale('en');
    await page.getByText(en['signin.intro']).waitFor();
    expect(await signIn.heading.textContent()).toBe(en['signin.title']);
  });
});
