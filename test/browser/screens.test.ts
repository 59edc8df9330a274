/**
 * Every role's main screen at the size of the device it runs on: no Content-Security-Policy
 * violation, no axe-core WCAG 2.1 AA violation, no rule of the build that matches the page left
 * in a stylesheet it did not load, and a screenshot kept in docs/screens/ when
 * SCREENS_DIR is set (`npm run screens`). Each screen is audited once its device has finished
 * its first sync, as staff see it all day.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../../app/i18n/en.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { demoUser } from './support/demo-users.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { Shell } from './pages/shell.ts';
import { axeViolations, cspViolations, describeFindings, keepScreenshot, watchCsp } from '../support/page-audit.ts';
import { builtRules, lostRules } from '../support/css-coverage.ts';
import { DIST } from '../../bench/shell-size-node.ts';
import { waitFor } from '../support/wait-for.ts';
import { seedHistory } from '../stats/support/seed-history.ts';
import { SupervisorPage } from '../stats/support/supervisor-page.ts';

const app = useBrowserApp();
const RULES = builtRules(DIST);

type Size = { width: number; height: number };
const DESKTOP: Size = { width: 1280, height: 800 };
const FULL_HD: Size = { width: 1920, height: 1080 };
const KIOSK: Size = { width: 1080, height: 1920 };

async function pageAt(size: Size): Promise<Page> {
  const context = await app.context({ viewport: size });
  await watchCsp(context);
  return context.newPage();
}

/** Signed in as `name` on a device of `size`, on the landing screen after the first sync. */
async function screenOf(name: string, size: Size): Promise<Page> {
  const page = await pageAt(size);
  const user = demoUser(name);
  await (await SignInPage.open(page, app.url)).signInAs(user);
  const shell = new Shell(page);
  await shell.waitForScreen(user.screen);
  await waitFor(
    'the first sync and the link',
    async () => ((await shell.firstSync.root.count()) === 0 && (await shell.sync.state()) === 'online' ? true : null),
    60_000,
  );
  return page;
}

/** Screenshot first (kept even when a check fails), then the checks, each reported. */
async function audit(page: Page, screenshot: string | null): Promise<void> {
  if (screenshot) await keepScreenshot(page, screenshot);
  expect.soft(await cspViolations(page), 'CSP violations').toEqual([]);
  expect.soft(await lostRules(page, RULES), 'rules of stylesheets this screen did not load (test/support/css-coverage.ts)').toEqual([]);
  const findings = await axeViolations(page);
  expect.soft(findings, `axe-core WCAG 2.1 AA:\n${describeFindings(findings)}`).toEqual([]);
}

describe('every main screen: CSP, WCAG 2.1 AA, screenshot', () => {
  it('sign-in at 1280×800', async () => {
    const page = await pageAt(DESKTOP);
    const signIn = await SignInPage.open(page, app.url);
    await audit(page, 'sign-in');
    // Nothing typed: said at the top and on each field, still accessible.
    await signIn.submit.click();
    expect(await signIn.errorText()).toBe(en['signin.missing']);
    expect(await page.locator('.field-error').allTextContents()).toEqual([en['signin.nameMissing'], en['signin.passwordMissing']]);
    expect(await signIn.name.getAttribute('aria-invalid')).toBe('true');
    await audit(page, null);
    // The refusal, as a user who mistyped sees it: still accessible.
    await signIn.signIn('counter.dla', 'not-the-password');
    await signIn.errorText();
    await audit(page, 'sign-in-refused');
  });

  it('kiosk at 1080×1920 (21-inch portrait)', async () => {
    await audit(await screenOf('kiosk.dla', KIOSK), 'kiosk');
  });

  it('reception at 1280×800', async () => {
    await audit(await screenOf('reception.dla', DESKTOP), 'reception');
  });

  it('display at 1920×1080 (waiting-room TV)', async () => {
    await audit(await screenOf('display.dla', FULL_HD), 'display');
  });

  it('cash desk at 1280×800, before its session opens', async () => {
    const page = await screenOf('cashier.dla', DESKTOP);
    await page.getByTestId('cash-open-panel').waitFor();
    await audit(page, 'cash-desk');
  });

  it('counter at 1280×800 (10-inch tablet) and 1920×1080 (desktop)', async () => {
    await audit(await screenOf('counter.dla', DESKTOP), 'counter-1280');
    await audit(await screenOf('counter.dla', FULL_HD), 'counter-1920');
  });

  it('back office at 1280×800: delivered documents & certificates', async () => {
    const page = await screenOf('backoffice.dla', DESKTOP);
    await page.getByTestId('bo-filters').waitFor();
    await audit(page, 'backoffice');
  });

  // Seeds 800 visits and builds their statistics: 40 s alone, more on a loaded CI machine.
  it('supervisor at 1280×800: live board, then a report with its charts and tables', { timeout: 180_000 }, async () => {
    const days = await seedHistory(app.url, 800);
    const page = await screenOf('supervisor.dla', DESKTOP);
    const sup = new SupervisorPage(page);
    await sup.board.waitFor();
    await audit(page, 'supervisor-board');
    await sup.openReports();
    await sup.runCustomReport(days[0]!, days[days.length - 1]!);
    await page.getByTestId('chart-day').waitFor();
    // The report itself in the picture (the filters are above it).
    await page.getByTestId('report').evaluate((report) => report.scrollIntoView());
    await audit(page, 'supervisor-reports');
  });
});
