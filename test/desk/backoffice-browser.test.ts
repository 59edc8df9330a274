/**
 * The back office's "Delivered documents & certificates" in Chromium (issue 11): documents a
 * counter filed for three visits are listed grouped like the brief's screen; three validated
 * with the tick boxes (keyboard included), one refused with a reason; the counter's file then
 * shows the refusal among pending matters and the case "documents complete". The same with the
 * network cut; a correction kept in the row's history; bad input refused, nothing written, and
 * the server refuses the same.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { backOfficePage } from './support/filing-page.ts';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { demoUser } from '../browser/support/demo-users.ts';
import { SignInPage } from '../browser/pages/sign-in-page.ts';
import { Shell } from '../browser/pages/shell.ts';
import { ADMIN, basicAuth, couch, signIn, type Session } from '../support/couch-http.ts';
import { waitFor } from '../support/wait-for.ts';
import { axeViolations, cspViolations, describeFindings, keepScreenshot, watchCsp } from '../support/page-audit.ts';
import { issueTicket } from '../../app/queue/ops.ts';
import { branchDay } from '../../app/queue/numbering.ts';
import { uid } from '../../couch-design/ids/uid.ts';
import type { Ticket } from '../../couch-design/types/ticket.ts';
import type { Person } from '../../couch-design/types/person.ts';
import type { Submission, SubmissionReview } from '../../couch-design/types/submission.ts';
import type { Case } from '../../couch-design/types/case.ts';
import { actorFor } from '../queue/support/drain.ts';
import { httpQueueStore } from '../queue/support/http-store.ts';

const app = useBrowserApp();
const admin = basicAuth(ADMIN.name, ADMIN.password);
const TABLET = { width: 1280, height: 800 };
const day = () => branchDay(new Date(), 'Africa/Douala');
const shiftDay = (d: string, days: number) => new Date(Date.parse(d + 'T12:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
const OPEN = ['open', 'pending_documents', 'in_review', 'approved'];

async function issue(service: string, series: string, personId?: string): Promise<Ticket> {
  const session = await signIn(app.url, 'reception.dla', 'demo-reception');
  const store = httpQueueStore(app.url, session, 'fo_branch_dla', { writes: 0, conflicts: 0, queries: 0 });
  const r = await issueTicket(store, { day: day(), service: { code: service, series }, ...(personId ? { personId } : {}) }, { used: [], slot: null }, actorFor('dla', 'reception.dla', 'botest')());
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

async function allOf<T>(prefix: string): Promise<T[]> {
  const res = await couch(app.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey="${prefix}"&endkey="${prefix}\uffff"&include_docs=true`);
  return (res.body.rows as { doc: T }[]).map((r) => r.doc);
}
const serverReviews = () => allOf<SubmissionReview>('review:');

let seq = 0;
/** A visit's filing as the counter's form writes it, by the counter agent through the server. */
async function file(counter: Session, ticket: Ticket | null, person: string, event: string, codes: [code: string, designation: string][]): Promise<Submission> {
  const today = day();
  const id = `submission:${today}:${uid(Date.now(), 'botest', ++seq)}`;
  const doc = {
    _id: id, type: 'submission', branch: 'dla', day: today, person, ...(ticket ? { ticket: ticket._id } : {}), event,
    documents: codes.map(([code, designation], i) => ({ code, designation, edition: shiftDay(today, -30 - i), ...(i === 0 ? { validity: shiftDay(today, 300) } : {}), copies: i + 1 })),
    receiptNumber: `DLA-000000-BOTEST-${String(seq).padStart(3, '0')}`, agent: 'counter.dla', counter: 'C05', at: new Date().toISOString(),
  };
  const put = await couch(app.url, counter, 'PUT', `/fo_branch_dla/${encodeURIComponent(id)}`, doc);
  expect(put.status, JSON.stringify(put.body)).toBe(201);
  return doc as Submission;
}

async function backOffice(name = 'backoffice.dla'): Promise<{ page: Page; context: BrowserContext }> {
  const opened = await backOfficePage(app, { name });
  await opened.page.getByTestId('bo-filters').waitFor();
  return opened;
}

const row = (page: Page, s: Submission, code: string) => page.locator(`[data-testid="bo-row"][data-submission="${s._id}"][data-code="${code}"]`);
const settled = (page: Page) => waitFor('no action in flight', async () => ((await page.locator('[aria-busy="true"]').count()) === 0 ? true : null));

async function showPerson(page: Page, person: string, status = 'non_validated') {
  await page.getByTestId('bo-filter-status').selectOption(status);
  await page.getByTestId('bo-filter-person').fill(person.slice('person:'.length));
  await page.getByTestId('bo-filter-person').press('Tab');
}

describe('back office: delivered documents & certificates', () => {
  it('lists three visits grouped like the brief; validates three with the tick boxes, refuses one with a reason; the counter shows the refusal and "documents complete"', async () => {
    const people = await couch(app.url, admin, 'GET', `/fo_people/_all_docs?startkey="case:"&endkey="case:\uffff"&include_docs=true`);
    const FAMILY = ['0104', '0215', '0228'];
    const kase = (people.body.rows as { doc: Case }[]).map((r) => r.doc).find((c) => OPEN.includes(c.status) && c.missingDocuments.length > 0 && c.missingDocuments.every((m) => FAMILY.includes(m)))!;
    expect(kase, 'a demo case missing family-benefit documents').toBeTruthy();
    const other = ((await couch(app.url, admin, 'GET', `/fo_people/_all_docs?startkey="person:"&endkey="person:\uffff"&include_docs=true&limit=5`)).body.rows as { doc: Person }[])
      .map((r) => r.doc).find((p) => p._id !== kase.person)!;
    const counter = await signIn(app.url, 'counter.dla', 'demo-counter');
    // Three visits on the pension queue (the family queue stays for the counter's check below).
    const [t1, t2, t3] = [await issue('pension', 'P', kase.person), await issue('pension', 'P', other._id), await issue('pension', 'P', kase.person)];
    const v1 = await file(counter, t1, kase.person, 'family_benefits_male', [['0104', 'Acte de naissance'], ['0215', 'Autorisation de perception (légalisée)'], ['0228', 'Actes de naissance des enfants']]);
    const v2 = await file(counter, t2, other._id, 'daily_allowance', [['0309', 'Certificat de prolongation d’incapacité'], ['0310', 'Certificat de guérison']]);
    const v3 = await file(counter, t3, kase.person, 'old_age_pension', [['0101', "Copie de la carte nationale d'identité"]]);

    const { page } = await backOffice();
    await row(page, v3, '0101').waitFor({ timeout: 60_000 });
    // Grouped by ticket date and number, newest visit first; the event on each visit's first row only.
    const ours = new Set([v1._id, v2._id, v3._id]);
    const listed = (await page.getByTestId('bo-row').evaluateAll((els) => els.map((e) => ({
      s: e.getAttribute('data-submission'), code: e.getAttribute('data-code'), ticket: e.getAttribute('data-ticket'), status: e.getAttribute('data-status'),
      cells: [...e.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim()),
    })))).filter((r) => ours.has(r.s!));
    expect(listed.map((r) => [r.s, r.code, r.ticket])).toEqual([
      [v3._id, '0101', t3.label], [v2._id, '0309', t2.label], [v2._id, '0310', t2.label],
      [v1._id, '0104', t1.label], [v1._id, '0215', t1.label], [v1._id, '0228', t1.label],
    ]);
    const today = day().split('-').reverse().join('/');
    expect(listed[3]!.cells.slice(1, 10)).toEqual([today, t1.label, 'Prestations familiales (assuré homme)', '0104', 'Acte de naissance', shiftDay(day(), -30).split('-').reverse().join('/'), shiftDay(day(), 300).split('-').reverse().join('/'), '1', 'Non validée']);
    expect(listed[4]!.cells.slice(1, 10)).toEqual(['', '', '', '0215', 'Autorisation de perception (légalisée)', shiftDay(day(), -31).split('-').reverse().join('/'), '', '2', 'Non validée']);
    expect(listed.every((r) => r.status === 'non_validated')).toBe(true);
    expect(await cspViolations(page)).toEqual([]);
    expect(describeFindings(await axeViolations(page)), 'axe on the list').toBe('');
    await keepScreenshot(page, 'backoffice-documents');

    // Validate three: a click, then the keyboard (arrow down, space), then F6 applies.
    await row(page, v1, '0104').locator('input').check();
    await page.keyboard.press('ArrowDown');
    expect(await row(page, v1, '0215').locator('input').evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    expect(await page.locator('[data-testid="bo-row"] input:checked').count()).toBe(3);
    await page.keyboard.press('F6');
    await settled(page);
    await row(page, v1, '0104').waitFor({ state: 'detached' });

    // Refuse one: without a reason it is refused, nothing written; with one it is saved.
    await row(page, v3, '0101').locator('input').check();
    await page.getByTestId('bo-choice-refused').check();
    await page.getByTestId('bo-apply').click();
    await settled(page);
    expect(await page.locator('.field-invalid .field-error').innerText()).toBe('Choisissez un motif de refus ou écrivez-le.');
    expect(describeFindings(await axeViolations(page)), 'axe with the reason error').toBe('');
    await page.getByTestId('bo-reason').selectOption('expired');
    await page.getByTestId('bo-reason-text').fill('datée de 2019');
    await page.getByTestId('bo-apply').click();
    await settled(page);
    await row(page, v3, '0101').waitFor({ state: 'detached' });

    // Pushed in the order written: once the refusal is on the server, anything the reason-less
    // attempt had written would be there too. Exactly four: it wrote nothing.
    await waitFor('the refusal on the server', async () => ((await serverReviews()).some((r) => r.submission === v3._id) ? true : null), 60_000);
    const reviews = (await serverReviews()).filter((r) => ours.has(r.submission));
    expect(reviews.map((r) => [r.submission, r.documentCode, r.decision, r.reason ?? null, r.agent]).sort()).toEqual([
      [v1._id, '0104', 'validated', null, 'backoffice.dla'], [v1._id, '0215', 'validated', null, 'backoffice.dla'], [v1._id, '0228', 'validated', null, 'backoffice.dla'],
      [v3._id, '0101', 'refused', 'expired — datée de 2019', 'backoffice.dla'],
    ].sort());

    // The visit's documents are complete in the back office too.
    await page.getByTestId('bo-filter-status').selectOption('validated');
    await row(page, v1, '0104').getByTestId('bo-complete').waitFor();
    expect(await row(page, v1, '0104').getByTestId('bo-status').innerText()).toBe('Validée');

    // At the counter: the refusal among the person's pending matters, with its reason; the case complete.
    const ticket = await issue('family', 'F', kase.person);
    const tablet = await app.context({ viewport: TABLET, locale: 'fr-FR' });
    await watchCsp(tablet);
    const cp = await tablet.newPage();
    const cu = demoUser('counter.dla');
    await (await SignInPage.open(cp, app.url)).signInAs(cu);
    await new Shell(cp).waitForScreen(cu.screen);
    await cp.getByTestId('counter-code').selectOption('C01');
    for (const box of await cp.locator('[data-testid^="counter-service-"]').all()) await box.setChecked((await box.getAttribute('data-testid')) === 'counter-service-family');
    await cp.getByTestId('counter-open').click();
    await cp.locator('[data-testid="counter-waiting"]:not([data-count="0"])').waitFor({ timeout: 30_000 });
    await cp.getByTestId('counter-call-next').click();
    await cp.locator(`[data-testid="counter-current"][data-label="${ticket.label}"]`).waitFor({ timeout: 30_000 });
    await cp.locator(`[data-testid="counter-person"][data-person="${kase.person}"]`).waitFor();
    const refused = cp.locator('[data-testid="desk-pending-item"][data-kind="refused"][data-code="0101"]');
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.innerText()).toContain('(Périmée — datée de 2019)');
    await cp.locator(`[data-testid="counter-case"]:has-text("${kase.caseNo}") [data-testid="counter-case-complete"]`).waitFor();
    expect(await cp.locator('[data-testid="desk-pending-item"][data-kind="missing"]').count()).toBe(0);
    expect(await cspViolations(cp)).toEqual([]);
    expect(describeFindings(await axeViolations(cp)), 'axe on the counter file').toBe('');
  }, 240_000);

  it('decisions taken with the network cut reach the server after reconnection; a correction keeps both reviews in the row\'s history', async () => {
    const person = ((await couch(app.url, admin, 'GET', `/fo_people/_all_docs?startkey="person:"&endkey="person:\uffff"&include_docs=true&limit=12`)).body.rows as { doc: Person }[]).map((r) => r.doc)[10]!;
    const counter = await signIn(app.url, 'counter.dla', 'demo-counter');
    const v = await file(counter, await issue('work_injury', 'W', person._id), person._id, 'work_accident', [['0101', "Copie de la carte nationale d'identité"], ['0402', "Déclaration d'accident du travail"], ['0314', 'Certificat de première constatation']]);
    const { page, context } = await backOffice();
    await showPerson(page, person._id);
    await row(page, v, '0314').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('bo-row').count()).toBe(3);

    await context.setOffline(true);
    await page.getByTestId('bo-tick-all').check();
    await page.getByTestId('bo-apply').click();
    await settled(page);
    await page.getByTestId('bo-empty').waitFor();
    expect((await serverReviews()).filter((r) => r.submission === v._id)).toEqual([]);
    await context.setOffline(false);
    await waitFor('three reviews after reconnection', async () => ((await serverReviews()).filter((r) => r.submission === v._id).length === 3 ? true : null), 60_000);

    // A mistaken validation corrected by a refusal: both reviews kept, the second names the first.
    await showPerson(page, person._id, 'validated');
    await row(page, v, '0402').locator('input').check();
    await page.getByTestId('bo-choice-refused').check();
    await page.getByTestId('bo-reason').selectOption('illegible');
    await page.getByTestId('bo-apply').click();
    await settled(page);
    await page.getByTestId('bo-filter-status').selectOption('');
    await row(page, v, '0402').click();
    await page.locator('[data-testid="bo-history-entry"]').nth(1).waitFor();
    expect(await page.getByTestId('bo-history-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-decision')))).toEqual(['validated', 'refused']);
    expect(await page.getByTestId('bo-history-entry').nth(1).innerText()).toContain('Illisible');
    const mine = await waitFor('the correction on the server', async () => {
      const all = (await serverReviews()).filter((r) => r.submission === v._id && r.documentCode === '0402');
      return all.length === 2 ? all : null;
    });
    const [first, second] = [...mine].sort((a, b) => (a.at < b.at ? -1 : 1));
    expect([first!.decision, second!.decision, second!.corrects]).toEqual(['validated', 'refused', first!._id]);
    expect(await cspViolations(page)).toEqual([]);
    expect(describeFindings(await axeViolations(page)), 'axe with the history').toBe('');
  }, 240_000);

  it('bad input: a stale selection is refused with its message and nothing written; the server refuses a counter\'s review and a refusal without reason', async () => {
    const person = ((await couch(app.url, admin, 'GET', `/fo_people/_all_docs?startkey="person:"&endkey="person:\uffff"&include_docs=true&limit=14`)).body.rows as { doc: Person }[]).map((r) => r.doc)[13]!;
    const counter = await signIn(app.url, 'counter.dla', 'demo-counter');
    const v = await file(counter, null, person._id, 'daily_allowance', [['0309', 'Certificat de prolongation d’incapacité']]);
    // Agent B ticks the row; agent A (another device) validates it meanwhile.
    const b = await backOffice();
    await showPerson(b.page, person._id);
    await row(b.page, v, '0309').locator('input').check();
    const a = await backOffice();
    await showPerson(a.page, person._id);
    await row(a.page, v, '0309').locator('input').check();
    await a.page.getByTestId('bo-apply').click();
    await settled(a.page);
    await waitFor('A\'s review on the server', async () => ((await serverReviews()).some((r) => r.submission === v._id) ? true : null), 60_000);
    // B's device has received it: the row left B's non-validated list, B's tick is now stale.
    await row(b.page, v, '0309').waitFor({ state: 'detached', timeout: 60_000 });
    await b.page.getByTestId('bo-choice-refused').check();
    await b.page.getByTestId('bo-reason').selectOption('other');
    await b.page.getByTestId('bo-apply').click();
    await settled(b.page);
    const error = b.page.locator('[data-testid="bo-error"][data-code="stale"]');
    await error.waitFor();
    expect(await error.innerText()).toBe('La décision sur 0309 a changé depuis votre affichage : relisez ces lignes et cochez-les à nouveau. Rien n’a été enregistré.');
    expect(describeFindings(await axeViolations(b.page)), 'axe with the stale error').toBe('');
    expect((await serverReviews()).filter((r) => r.submission === v._id)).toHaveLength(1);

    // The server: a counter cannot write a review; the back office cannot refuse without a reason.
    const today = day();
    const review = { type: 'submission_review', branch: 'dla', day: today, submission: v._id, documentCode: '0309', decision: 'validated', at: new Date().toISOString() };
    const put = (session: Session, doc: object) => {
      const id = `review:${today}:${uid(Date.now(), 'botest', ++seq)}`;
      return couch(app.url, session, 'PUT', `/fo_branch_dla/${encodeURIComponent(id)}`, { ...doc, _id: id });
    };
    const byCounter = await put(counter, { ...review, agent: 'counter.dla' });
    expect([byCounter.status, byCounter.body.reason]).toEqual([403, expect.stringContaining('forbidden_role')]);
    const bo = await signIn(app.url, 'backoffice.dla', 'demo-backoffice');
    const noReason = await put(bo, { ...review, decision: 'refused', agent: 'backoffice.dla' });
    expect([noReason.status, noReason.body.reason]).toEqual([403, expect.stringContaining('reason')]);
    expect((await serverReviews()).filter((r) => r.submission === v._id)).toHaveLength(1);
    // The same review with its reason is accepted: the refusals were about the writer and the reason.
    expect((await put(bo, { ...review, decision: 'refused', reason: 'other', agent: 'backoffice.dla' })).status).toBe(201);
  }, 240_000);

  it('thousands of rows: only the rows in view are in the page; End reaches the last one by keyboard; tick all ticks every row shown', async () => {
    const counter = await signIn(app.url, 'counter.dla', 'demo-counter');
    const today = day();
    const docs = Array.from({ length: 2000 }, (_, i) => ({
      _id: `submission:${today}:${uid(Date.now(), 'bulk', i + 1)}`, type: 'submission', branch: 'dla', day: today, person: `person:${1000000 + (i % 50)}`, event: 'family_benefits_male',
      documents: [{ code: '0104', designation: 'Acte de naissance', copies: 1 }, { code: '0228', designation: 'Actes de naissance des enfants', copies: 1 }],
      receiptNumber: `DLA-000000-BULK-${i}`, agent: 'counter.dla', counter: 'C06', at: new Date().toISOString(),
    }));
    const put = await couch(app.url, counter, 'POST', '/fo_branch_dla/_bulk_docs', { docs });
    expect((put.body as { ok?: boolean }[]).filter((r) => r.ok)).toHaveLength(2000);
    const { page } = await backOffice();
    await page.getByTestId('bo-filter-counter').selectOption('C06').catch(async () => {
      // The counter list comes from the rows: wait until the replica holds them.
      await page.locator('[data-testid="bo-filter-counter"] option[value="C06"]').waitFor({ state: 'attached', timeout: 60_000 });
      await page.getByTestId('bo-filter-counter').selectOption('C06');
    });
    await page.locator('[data-testid="bo-list"][data-count="4000"]').waitFor({ timeout: 90_000 });
    const rendered = await page.getByTestId('bo-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    await page.getByTestId('bo-tick').first().focus();
    await page.keyboard.press('End');
    const last = page.locator('[data-testid="bo-row"][data-index="3999"]');
    await last.waitFor();
    expect(await last.locator('input').evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await page.getByTestId('bo-row').count()).toBeLessThan(60);
    await page.keyboard.press('Home');
    await page.locator('[data-testid="bo-row"][data-index="0"] input:focus').waitFor();
    await page.getByTestId('bo-tick-all').check();
    expect(await page.getByTestId('bo-summary').innerText()).toMatch(/^4\s000 pièces affichées, 4\s000 cochées/);
    expect(await cspViolations(page)).toEqual([]);
    expect(describeFindings(await axeViolations(page)), 'axe on 4,000 rows').toBe('');
  }, 240_000);
});
