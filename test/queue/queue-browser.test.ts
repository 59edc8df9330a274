/**
 * The visit flow in Chromium, several pages at once: kiosk and reception issue, two counters
 * call and serve, the display shows the calls with the announcement text; then a counter
 * goes offline, serves a walk-in, and its work reaches the server when the link returns.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { demoUser } from '../browser/support/demo-users.ts';
import { SignInPage } from '../browser/pages/sign-in-page.ts';
import { Shell } from '../browser/pages/shell.ts';
import { ADMIN, basicAuth, couch } from '../support/couch-http.ts';
import { waitFor } from '../support/wait-for.ts';

const app = useBrowserApp();
const admin = basicAuth(ADMIN.name, ADMIN.password);

async function signedIn(name: string): Promise<Page> {
  const page = await app.page();
  const signIn = await SignInPage.open(page, app.url);
  const user = demoUser(name);
  await signIn.signInAs(user);
  await new Shell(page).waitForScreen(user.screen);
  return page;
}

async function openCounter(page: Page, code: string) {
  await page.getByTestId('counter-code').selectOption(code);
  await page.getByTestId('counter-open').click();
  await page.getByTestId('counter-status').waitFor();
}

describe('queues in the browser', () => {
  it('issue at kiosk and reception, call from two counters, display announces, serve, recall, no-show, transfer, park, back office, offline walk-in', async () => {
    const pages = await Promise.all(['kiosk.dla', 'reception.dla', 'display.dla', 'counter.dla', 'counter.dla'].map(signedIn));
    const [kiosk, reception, display, c1, c2] = pages as [Page, Page, Page, Page, Page];

    await kiosk.getByTestId('kiosk-service-family').click();
    await kiosk.getByTestId('kiosk-take').click();
    const kioskLabel = await kiosk.getByTestId('ticket-label').textContent();
    expect(kioskLabel).toMatch(/^F\d{3}$/);

    await reception.getByTestId('reception-service').selectOption('family');
    await reception.getByTestId('reception-priority').selectOption('elderly');
    await reception.getByTestId('reception-issue').click();
    const recLabel = await reception.getByTestId('ticket-label').textContent();
    expect(recLabel).toMatch(/^F\d{3}$/);
    expect(recLabel).not.toBe(kioskLabel);

    await openCounter(c1, 'C01');
    await openCounter(c2, 'C02');
    await waitFor('both tickets at C01', async () => ((await c1.getByTestId('counter-waiting').getAttribute('data-count')) === '2' ? true : null));
    await c1.getByTestId('counter-call-next').click();
    await c1.getByTestId('counter-current').waitFor();
    // Priority first: the reception's elderly visitor.
    expect(await c1.getByTestId('counter-current').getAttribute('data-label')).toBe(recLabel);
    await c2.getByTestId('counter-call-next').click();
    await c2.getByTestId('counter-current').waitFor();
    expect(await c2.getByTestId('counter-current').getAttribute('data-label')).toBe(kioskLabel);

    const announced = display.getByTestId('display-announcement');
    await waitFor('the announcement', async () => ((await announced.textContent())?.includes('counter 2') ? true : null), 15_000);

    // C01: no-show is refused before a recall (not offered: disabled, with the reason), then allowed.
    expect(await c1.getByTestId('counter-no-show').isDisabled()).toBe(true);
    await c1.getByTestId('counter-no-show-hint').waitFor();
    await c1.getByTestId('counter-recall').click();
    await waitFor('the recall', async () => ((await c1.getByTestId('counter-current').getAttribute('data-recalls')) === '1' ? true : null));
    await c1.getByTestId('counter-no-show').click();
    await c1.getByTestId('counter-current-none').waitFor();

    // C02: serve, park, resume, send to back office (no file: refused plainly), transfer to pension.
    await c2.getByTestId('counter-start').click();
    await waitFor('serving', async () => ((await c2.getByTestId('counter-current').getAttribute('data-state')) === 'serving' ? true : null));
    await c2.getByTestId('counter-park').click();
    await waitFor('parked', async () => ((await c2.getByTestId('counter-current').getAttribute('data-state')) === 'parked' ? true : null));
    await c2.getByTestId('counter-resume').click();
    await waitFor('resumed', async () => ((await c2.getByTestId('counter-current').getAttribute('data-state')) === 'serving' ? true : null));
    await c2.getByTestId('counter-group-transfer').locator('summary').click();
    await c2.getByTestId('counter-transfer-service').selectOption('pension');
    await c2.getByTestId('counter-transfer').click();
    await c2.getByTestId('counter-current-none').waitFor();
    // C01 takes pension: once the transfer has reached it, it gets the transferred ticket.
    await waitFor('the transferred ticket at C01', async () => ((await c1.getByTestId('counter-waiting').getAttribute('data-count')) === '1' ? true : null));
    await c1.getByTestId('counter-call-next').click();
    await c1.getByTestId('counter-current').waitFor();
    expect(await c1.getByTestId('counter-current').getAttribute('data-label')).toBe(kioskLabel);
    await c1.getByTestId('counter-start').click();
    await waitFor('serving', async () => ((await c1.getByTestId('counter-current').getAttribute('data-state')) === 'serving' ? true : null));
    await c1.getByTestId('counter-finish').click();
    await c1.getByTestId('counter-current-none').waitFor();

    // Offline: C02 serves a walk-in, then the link returns and the ticket reaches the server.
    await c2.context().setOffline(true);
    await c2.getByTestId('counter-walkin-service').selectOption('family');
    await c2.getByTestId('counter-walkin').click();
    await c2.getByTestId('counter-current').waitFor();
    const walkIn = await c2.getByTestId('counter-current').getAttribute('data-label');
    await c2.context().setOffline(false);
    await waitFor('the walk-in on the server', async () => {
      const res = await couch(app.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey="ticket:"&endkey="ticket:\uffff"&include_docs=true`);
      return (res.body.rows as { doc: { label: string } }[]).some((r) => r.doc.label === walkIn) ? true : null;
    }, 30_000);
  }, 180_000);
});
