import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { SignInPage } from '../browser/pages/sign-in-page.ts';
import { axeViolations, cspViolations, describeFindings, keepScreenshot, watchCsp } from '../support/page-audit.ts';
import { ADMIN, basicAuth, couch } from '../support/couch-http.ts';
import { chooseEvent, counterTablet, issue, persons, serveNext } from '../desk/support/filing-page.ts';
import { CataloguePage } from './catalogue-page.ts';

/* Issue 14, the rest of the reference data, in Chromium against the real server: the catalogue live on a counter, the cash settings. */
const app = useBrowserApp();
const WAIT = { timeout: 60_000 };
const server = basicAuth(ADMIN.name, ADMIN.password);

async function audit(page: Page, name: string) {
  expect(describeFindings(await axeViolations(page)), `axe on ${name}`).toBe('');
  expect(await cspViolations(page), `CSP on ${name}`).toEqual([]);
}

async function adminPage(): Promise<CataloguePage> {
  const context = await app.context({ viewport: { width: 1280, height: 800 } });
  await watchCsp(context);
  const page = await context.newPage();
  await (await SignInPage.open(page, app.url)).signIn('admin.hq', 'demo-admin');
  await page.getByTestId('screen-admin').waitFor(WAIT);
  return new CataloguePage(page);
}

const stored = async (id: string) => couch(app.url, server, 'GET', `/fo_ref/${encodeURIComponent(id)}`);

async function changeLog(target: string): Promise<{ by: string; before: unknown; after: Record<string, unknown> | null }[]> {
  const res = await couch(app.url, server, 'GET', `/fo_ref/_all_docs?startkey="refchange:${target}:"&endkey="refchange:${target}:\uffff"&include_docs=true`);
  return res.body.rows.map((r: { doc: never }) => r.doc);
}

describe('administration: catalogue and institution', () => {
  it('the admin adds a document type and an event requiring it; a counter filing for a person proposes them without a reload; bad input refused, a required document type not removed', async () => {
    // A counter serving a person, its filing form open all along.
    const [person] = await persons(app, 1);
    const ticket = await issue(app, 'family', 'F', person!._id);
    const { page: counter } = await counterTablet(app);
    await serveNext(counter, 'C01', ticket.label);
    await counter.getByTestId('desk-event').waitFor(WAIT);
    await counter.evaluate(() => ((window as unknown as { catalogueMark: number }).catalogueMark = 14));

    const admin = await adminPage();
    await admin.section('catalogue');
    await admin.row('doctype', '0104').waitFor(WAIT);
    await audit(admin.page, 'document types');

    // Bad input: each field says what to do, nothing written.
    await admin.page.getByTestId('ref-doctype-new').click();
    await admin.fillDocumentType({ code: '991', fr: '', en: 'Life certificate', validity: 'twelve' });
    await admin.page.getByTestId('ref-doctype-submit').click();
    await admin.says('ref-doctype-errors', 'Enter the code as four digits, like 0104.');
    await admin.says('ref-doctype-errors', 'Enter the name in French.');
    await admin.says('ref-doctype-errors', 'Enter the validity as a whole number of months');
    await audit(admin.page, 'document type form with errors');
    await admin.fillDocumentType({ code: '0104', fr: 'Certificat de vie', en: 'Life certificate', validity: '12' });
    await admin.page.getByTestId('ref-doctype-submit').click();
    await admin.says('ref-doctype-errors', 'A document type with this code exists already');
    expect((await stored('doctype:991')).status).toBe(404);

    await admin.fillDocumentType({ code: '9901', fr: 'Certificat de vie', en: 'Life certificate', validity: '12' });
    await admin.page.getByTestId('ref-doctype-submit').click();
    await admin.says('ref-doctypes-message', 'Document type 9901 added');
    await admin.page.getByTestId('ref-doctype-9901-changed').filter({ hasText: 'Changed by admin.hq' }).waitFor(WAIT);
    const doctype = (await stored('doctype:9901')).body;
    expect([doctype.name.fr, doctype.validityMonths, doctype.updatedBy]).toEqual(['Certificat de vie', 12, 'admin.hq']);

    // The event, its documents ticked from the catalogue.
    await admin.tab('events');
    await admin.row('event', 'family_benefits_male').waitFor(WAIT);
    await admin.page.getByTestId('ref-event-new').click();
    await admin.fillEvent({ code: 'Life Certificate!', fr: 'Preuve de vie', en: 'Proof of life', documents: ['9901', '0104'] });
    await admin.page.getByTestId('ref-event-submit').click();
    await admin.says('ref-event-errors', 'Enter a code of lower-case letters, digits and _');
    await admin.page.getByTestId('ref-event-code').fill('proof_of_life');
    await admin.page.getByTestId('ref-event-submit').click();
    await admin.says('ref-events-message', 'Event Proof of life added');
    expect((await stored('event:proof_of_life')).body.requiredDocuments).toEqual(['0104', '9901']);
    await audit(admin.page, 'events');

    // The counter's open filing form offers the event and proposes its documents, no reload.
    await counter.locator('[data-testid="desk-event"] option[value="proof_of_life"]').waitFor({ state: 'attached', timeout: 60_000 });
    await chooseEvent(counter, 'proof_of_life');
    const proposed = await counter.getByTestId('desk-line').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(proposed).toEqual(['0104', '9901']);
    await counter.getByTestId('desk-form').filter({ hasText: 'Certificat de vie' }).waitFor(WAIT);
    expect(await counter.evaluate(() => (window as unknown as { catalogueMark?: number }).catalogueMark)).toBe(14);
    await audit(counter, 'counter filing the new event');

    // A document type an event requires is not removed: the refusal names the event.
    await admin.tab('doctypes');
    await admin.page.getByTestId('ref-doctype-remove-9901').click();
    await admin.says('ref-doctypes-message', 'The document type 9901 is still required by: Proof of life');
    expect((await stored('doctype:9901')).status).toBe(200);
    await keepScreenshot(admin.page, 'admin-catalogue');

    // Versioned: one change-log entry each, by the admin, with the document as written.
    const log = await changeLog('doctype:9901');
    expect(log.map((c) => [c.by, c.before, c.after?.code])).toEqual([['admin.hq', null, '9901']]);
    expect((await changeLog('event:proof_of_life')).map((c) => c.after?.requiredDocuments)).toEqual([['0104', '9901']]);
    await admin.page.getByTestId('ref-doctype-history-9901').click();
    await admin.page.getByTestId('ref-history-entry').filter({ hasText: /^Created by admin\.hq on / }).waitFor(WAIT);
  }, 400_000);

  it('the admin changes the cash variance threshold; bad amounts and bad institution input refused with their message', async () => {
    const admin = await adminPage();
    await admin.section('institution');
    await admin.says('ref-cash-variance-shown', '1,000 XAF');
    await admin.page.getByTestId('ref-cash-edit').click();
    const variance = admin.page.getByTestId('ref-cash-variance');
    await variance.fill('12,5');
    await admin.page.getByTestId('ref-cash-submit').click();
    await admin.says('ref-cash-errors', 'Enter the variance threshold as an amount, like 1 000.');
    await variance.fill('200,000,000');
    await admin.page.getByTestId('ref-cash-submit').click();
    await admin.says('ref-cash-errors', 'Enter a variance threshold no higher than the ceiling of one entry.');
    await audit(admin.page, 'cash settings with errors');
    expect((await stored('institution')).body.cash).toBeUndefined();

    await variance.fill('2,500');
    await admin.page.getByTestId('ref-cash-submit').click();
    await admin.says('ref-institution-message', 'Cash settings saved');
    await admin.says('ref-cash-variance-shown', '2,500 XAF');
    const institution = (await stored('institution')).body;
    expect([institution.cash.varianceThreshold, institution.cash.maxAmount, institution.cash.reversalThreshold, institution.updatedBy]).toEqual([2500, 100_000_000, 100_000, 'admin.hq']);
    expect((await changeLog('institution')).map((c) => [c.by, (c.after?.cash as { varianceThreshold: number }).varianceThreshold])).toEqual([['admin.hq', 2500]]);

    // The institution: a default language it does not offer is refused, nothing written.
    await admin.page.getByTestId('ref-institution-edit').click();
    await admin.page.getByTestId('ref-institution-lang-fr').uncheck();
    await admin.page.getByTestId('ref-institution-submit').click();
    await admin.says('ref-institution-errors', 'Choose a default language among the languages offered.');
    await audit(admin.page, 'institution form with errors');
    expect((await stored('institution')).body.languages).toBeUndefined();
    await admin.page.getByTestId('ref-institution-cancel').click();

    // A branch: a time zone nobody knows is refused; a good one is added.
    await admin.page.getByTestId('ref-branch-new').click();
    await admin.page.getByTestId('ref-branch-code').fill('bfs');
    await admin.page.getByTestId('ref-branch-name').fill('Bafoussam');
    await admin.page.getByTestId('ref-branch-city').fill('Bafoussam');
    await admin.page.getByTestId('ref-branch-zone').fill('Africa/Bafoussam');
    await admin.page.getByTestId('ref-branch-submit').click();
    await admin.says('ref-branch-errors', 'Enter a known time zone, like Africa/Douala.');
    await admin.page.getByTestId('ref-branch-zone').fill('Africa/Douala');
    await admin.page.getByTestId('ref-branch-submit').click();
    await admin.says('ref-branchs-message', 'Branch Bafoussam added.');
    await admin.row('branch', 'bfs').waitFor(WAIT);
    expect((await stored('branch:bfs')).body).toMatchObject({ code: 'bfs', timeZone: 'Africa/Douala', services: [], updatedBy: 'admin.hq' });
    await audit(admin.page, 'institution and branches');
    await keepScreenshot(admin.page, 'admin-institution');
  }, 300_000);
});
