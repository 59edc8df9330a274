import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { SignInPage } from '../browser/pages/sign-in-page.ts';
import { axeViolations, cspViolations, describeFindings, keepScreenshot, watchCsp } from '../support/page-audit.ts';
import { ADMIN, basicAuth, couch } from '../support/couch-http.ts';
import { RefDataPage } from './refdata-page.ts';

/* Issue 14, reference data, in Chromium against the real server: services, counters, the matrix, live on a kiosk and a counter. */
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

/** A mark in the page's memory: gone if the page reloaded. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { refMark: number }).refMark = 14));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { refMark?: number }).refMark === 14);

async function changeLog(target: string): Promise<{ by: string; before: unknown; after: Record<string, unknown> }[]> {
  const res = await couch(app.url, server, 'GET', `/fo_ref/_all_docs?startkey="refchange:${target}:"&endkey="refchange:${target}:\uffff"&include_docs=true`);
  return res.body.rows.map((r: { doc: never }) => r.doc);
}

describe('administration: reference data', () => {
  it('the admin adds a service and a counter and edits the matrix; an open kiosk shows the service and a counter page opens the counter, without a reload', async () => {
    const kiosk = await signedIn('kiosk.dla', 'demo-kiosk');
    await kiosk.getByTestId('kiosk-service-family').waitFor(WAIT);
    const counter = await signedIn('counter.dla', 'demo-counter');
    await counter.getByTestId('counter-code').waitFor(WAIT);
    await mark(kiosk);
    await mark(counter);

    const admin = new RefDataPage(await signedIn('admin.hq', 'demo-admin'));
    await admin.page.getByTestId('screen-admin').waitFor(WAIT);
    await admin.section('services');
    await admin.serviceRow('family').waitFor(WAIT);
    await audit(admin.page, 'services list');

    // A letter another service holds: refused on its field, nothing written.
    await admin.page.getByTestId('ref-service-new').click();
    await admin.fillService({ code: 'early_pension', fr: 'Retraites anticipées', en: 'Early pensions', series: 'f', wait: '25' });
    await admin.page.getByTestId('ref-service-submit').click();
    const errors = admin.page.getByTestId('ref-service-errors');
    await errors.filter({ hasText: 'The letter F is already used by the service Family benefits' }).waitFor(WAIT);
    await audit(admin.page, 'service form with errors');
    expect((await couch(app.url, server, 'GET', '/fo_ref/service:early_pension')).status).toBe(404);

    await admin.page.getByTestId('ref-service-series').fill('R');
    await admin.page.getByTestId('ref-service-submit').click();
    await admin.page.getByTestId('ref-services-message').filter({ hasText: 'Early pensions added' }).waitFor(WAIT);
    await admin.page.getByTestId('ref-service-early_pension-changed').filter({ hasText: 'Changed by admin.hq' }).waitFor(WAIT);
    const stored = (await couch(app.url, server, 'GET', '/fo_ref/service:early_pension')).body;
    expect([stored.series, stored.targetWaitMinutes, stored.updatedBy]).toEqual(['R', 25, 'admin.hq']);

    // The kiosk page, open all along, offers it.
    await kiosk.getByTestId('kiosk-service-early_pension').waitFor(WAIT);

    await admin.section('counters');
    await admin.counterRow('C01').waitFor(WAIT);
    // Nobody serves the new service yet: a warning, not a refusal.
    await admin.page.getByTestId('ref-matrix-unserved').filter({ hasText: 'Early pensions' }).waitFor(WAIT);
    await admin.page.getByTestId('ref-counter-new').click();
    await admin.fillCounter({ code: 'c01', label: 'Guichet 9' });
    await admin.page.getByTestId('ref-counter-submit').click();
    await admin.page.getByTestId('ref-counter-errors').filter({ hasText: 'has a counter with this code already' }).waitFor(WAIT);
    await admin.fillCounter({ code: 'C09', label: 'Guichet 9' });
    await admin.page.getByTestId('ref-counter-submit').click();
    await admin.page.getByTestId('ref-counters-message').filter({ hasText: 'Counter C09 added' }).waitFor(WAIT);
    await admin.counterRow('C09').waitFor(WAIT);

    // The matrix by keyboard: focus the cell, Space ticks it.
    const cell = admin.cell('C09', 'early_pension');
    expect(await cell.getAttribute('aria-label')).toBe('C09 serves Early pensions');
    await cell.focus();
    await admin.page.keyboard.press('Space');
    expect(await cell.isChecked()).toBe(true);
    const box = await admin.page.locator('.ref-cell-target').first().boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(48);
    expect(box!.height).toBeGreaterThanOrEqual(48);
    await admin.page.getByTestId('ref-matrix-unserved').waitFor({ state: 'detached', timeout: 60_000 });
    await admin.page.getByTestId('ref-matrix-save').click();
    await admin.page.getByTestId('ref-matrix-message').filter({ hasText: 'Matrix saved. Counters changed: 1.' }).waitFor(WAIT);
    await audit(admin.page, 'counters and matrix');
    await keepScreenshot(admin.page, 'admin-counters');

    // The history, kept as change-log documents, shown per counter.
    await admin.page.getByTestId('ref-counter-history-C09').click();
    const entries = admin.page.getByTestId('ref-history-entry');
    await entries.nth(1).waitFor(WAIT);
    expect(await entries.nth(0).textContent()).toMatch(/^admin\.hq on .* changed: Services$/);
    expect(await entries.nth(1).textContent()).toMatch(/^Created by admin\.hq on /);
    const log = await changeLog('counter:dla:C09');
    expect(log.map((c) => [c.by, c.before === null, c.after.services])).toEqual([
      ['admin.hq', true, []],
      ['admin.hq', false, ['early_pension']],
    ]);
    expect((await changeLog('service:early_pension')).length).toBe(1);

    // The counter page, open all along, opens the new counter on the new service.
    await counter.locator('[data-testid="counter-code"] option[value="C09"]').waitFor({ state: 'attached', timeout: 60_000 });
    await counter.getByTestId('counter-code').selectOption('C09');
    await counter.getByTestId('counter-service-early_pension').waitFor(WAIT);
    await counter.getByTestId('counter-open').click();
    await counter.getByTestId('counter-status').waitFor(WAIT);

    expect(await stillMarked(kiosk)).toBe(true);
    expect(await stillMarked(counter)).toBe(true);
    await audit(kiosk, 'kiosk with the new service');
    await audit(counter, 'counter open on the new counter');
  }, 400_000);

  it("a supervisor edits its own branch's counters and matrix from the supervisor screen, and no service", async () => {
    const page = await signedIn('supervisor.dla', 'demo-supervisor');
    await page.getByTestId('supervisor-tab-counters').click();
    const ref = new RefDataPage(page);
    await ref.counterRow('C02').waitFor(WAIT);
    expect(await page.getByTestId('ref-counters-branch').count()).toBe(0);
    expect(await page.getByTestId('ref-service-new').count()).toBe(0);
    await page.getByTestId('ref-counter-edit-C02').click();
    await page.getByTestId('ref-counter-label').fill('Guichet deux');
    await page.getByTestId('ref-counter-submit').click();
    await page.getByTestId('ref-counters-message').filter({ hasText: 'Counter C02 saved' }).waitFor(WAIT);
    await page.getByTestId('ref-counter-C02-changed').filter({ hasText: 'Changed by supervisor.dla' }).waitFor(WAIT);
    const c02 = (await couch(app.url, server, 'GET', '/fo_ref/counter:dla:C02')).body;
    expect([c02.label, c02.updatedBy]).toEqual(['Guichet deux', 'supervisor.dla']);
    expect((await changeLog('counter:dla:C02')).map((c) => c.by)).toEqual(['supervisor.dla']);
    await page.getByTestId('ref-counter-history-C02').click();
    await page.getByTestId('ref-history-entry').filter({ hasText: /^supervisor\.dla on .* changed: Label$/ }).waitFor(WAIT);
    await audit(page, 'supervisor counters');

    // Offline, an edit is not queued: the form says the network is needed and nothing changes.
    await page.context().setOffline(true);
    await page.getByTestId('ref-counter-edit-C02').click();
    await page.getByTestId('ref-counter-label').fill('Guichet hors ligne');
    await page.getByTestId('ref-counter-submit').click();
    await page.getByTestId('ref-counter-failure').filter({ hasText: 'editing reference data needs the network' }).waitFor(WAIT);
    await page.context().setOffline(false);
    expect((await couch(app.url, server, 'GET', '/fo_ref/counter:dla:C02')).body.label).toBe('Guichet deux');
    expect((await changeLog('counter:dla:C02')).length).toBe(1);
  }, 300_000);
});
