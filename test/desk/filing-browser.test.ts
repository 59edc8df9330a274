/**
 * Document filing at the counter in Chromium (issue 10, first increment): a counter serves a
 * ticket issued with a person, files documents for an event from the person's file, the
 * submission reaches the server linked to ticket and person, and the receipt comes out of the
 * PDF fallback with its number, the codes and what is still missing (read by pdftotext); the
 * same with the network cut; bad input refused with its message and nothing written, and the
 * server refuses the same documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { ADMIN, basicAuth, couch, signIn } from '../support/couch-http.ts';
import { waitFor } from '../support/wait-for.ts';
import { axeViolations, cspViolations, describeFindings, keepScreenshot } from '../support/page-audit.ts';
import { uid } from '../../couch-design/ids/uid.ts';
import type { Case } from '../../couch-design/types/case.ts';
import { PDFTOTEXT, chooseEvent, counterTablet, day, issue, persons, saveAndPrint, serveNext, serverSubmissions, settled, shiftDay, tick } from './support/filing-page.ts';

const app = useBrowserApp();
const admin = basicAuth(ADMIN.name, ADMIN.password);
let downloads = '';

beforeAll(() => {
  if (!existsSync(PDFTOTEXT)) throw new Error(`${PDFTOTEXT} missing: apt-get install -y poppler-utils`);
  downloads = mkdtempSync(join(tmpdir(), 'fo-desk-'));
});
afterAll(() => {
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});




describe('document filing at the counter', () => {
  it('steps 1–3: files documents from the file of the called ticket’s person; one submission linked to ticket and person; the receipt prints with number, codes and what is missing', async () => {
    const [person] = await persons(app, 1);
    const ticket = await issue(app, 'family', 'F', person!._id);
    const { page } = await counterTablet(app);
    await serveNext(page, 'C01', ticket.label);
    await page.locator(`[data-testid="counter-person"][data-person="${person!._id}"]`).waitFor();

    await chooseEvent(page, 'family_benefits_male');
    const proposed = await page.getByTestId('desk-line').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(proposed).toEqual(['0104', '0215', '0228']);
    await tick(page, '0104', shiftDay(day(), -400));
    await tick(page, '0215', shiftDay(day(), -30), shiftDay(day(), 300), '2');
    expect(describeFindings(await axeViolations(page)), 'axe on the filing form').toBe('');
    await keepScreenshot(page, 'desk-filing-form');

    const text = await saveAndPrint(page, downloads, 'receipt.pdf');
    const number = await page.getByTestId('desk-receipt-number').getAttribute('data-number');
    expect(number).toMatch(/^DLA-\d{6}-[A-Z0-9]+-001$/);
    expect(await page.getByTestId('desk-missing').getAttribute('data-missing')).toBe('0228');
    expect(await page.getByTestId('desk-unprinted').count(), 'the receipt went out through the PDF fallback').toBe(0);
    const joined = text.join('\n');
    expect(joined).toContain('ACCUSÉ DE RÉCEPTION');
    expect(joined).toContain(number!);
    expect(joined).toContain(person!.number);
    expect(joined).toContain('Prestations familiales (assuré homme)');
    expect(text.some((l) => l.startsWith('0104 Acte de naissance'))).toBe(true);
    expect(text.some((l) => l.startsWith('0215 Autorisation de perception'))).toBe(true);
    expect(joined).toContain('Pièces encore à fournir');
    expect(text.some((l) => l.startsWith('0228 Actes de naissance des enfants'))).toBe(true);
    expect(joined).toContain('C01');
    expect(joined).toContain('counter.dla');
    expect(joined).toContain('Douala Centre');
    expect(await cspViolations(page)).toEqual([]);
    expect(describeFindings(await axeViolations(page)), 'axe after saving').toBe('');

    // One immutable submission on the server, linked to the ticket and the person.
    const sub = await waitFor('the submission on the server', async () => (await serverSubmissions(app)).find((s) => s.receiptNumber === number) ?? null);
    expect(sub).toMatchObject({ person: person!._id, ticket: ticket._id, event: 'family_benefits_male', counter: 'C01', agent: 'counter.dla', branch: 'dla', day: day() });
    expect(sub.documents).toEqual([
      { code: '0104', designation: 'Acte de naissance', edition: shiftDay(day(), -400), copies: 1 },
      { code: '0215', designation: 'Autorisation de perception (légalisée)', edition: shiftDay(day(), -30), validity: shiftDay(day(), 300), copies: 2 },
    ]);
    // The file lists it among earlier filings; a new filing starts clean and numbers on.
    await page.locator(`[data-testid="desk-history-item"][data-receipt="${number}"]`).waitFor();
    await page.getByTestId('desk-another').click();
    await page.locator('[data-testid="desk-form"][data-event="family_benefits_male"]').waitFor();
    expect(await page.getByTestId('desk-handed-0104').isChecked()).toBe(false);
    await tick(page, '0228', shiftDay(day(), -10));
    await saveAndPrint(page, downloads, 'receipt2.pdf');
    expect(await page.getByTestId('desk-receipt-number').getAttribute('data-number')).toBe(number!.replace(/001$/, '002'));
  }, 150_000);

  it('step 1 offline: with the network cut the filing is saved on the tablet and the receipt prints; the submission reaches the server after reconnection', async () => {
    const [, person] = await persons(app, 2);
    const ticket = await issue(app, 'family', 'F', person!._id);
    const { context, page } = await counterTablet(app, true);
    await serveNext(page, 'C02', ticket.label);
    await chooseEvent(page, 'family_benefits_female');
    await context.setOffline(true);
    await tick(page, '0101', shiftDay(day(), -1000));
    const text = await saveAndPrint(page, downloads, 'offline.pdf');
    const number = (await page.getByTestId('desk-receipt-number').getAttribute('data-number'))!;
    expect(text.join('\n')).toContain(number);
    expect(text.some((l) => l.startsWith('0101 '))).toBe(true);
    expect((await serverSubmissions(app)).some((s) => s.receiptNumber === number)).toBe(false);
    await context.setOffline(false);
    const sub = await waitFor('the submission after reconnection', async () => (await serverSubmissions(app)).find((s) => s.receiptNumber === number) ?? null, 60_000);
    expect(sub).toMatchObject({ person: person!._id, ticket: ticket._id, event: 'family_benefits_female' });
  }, 150_000);

  it('step 1 walk-in: a ticket without a person; the agent finds them by name, accents and case aside, and files from their file', async () => {
    const person = (await persons(app, 50)).find((p) => p.kind === 'insurant' && p.familyName && p.givenName)!;
    const ticket = await issue(app, 'family', 'F');
    const { page } = await counterTablet(app);
    await serveNext(page, 'C06', ticket.label);
    await page.getByTestId('desk-finder').waitFor();
    expect(await page.getByTestId('desk-filing').count()).toBe(0);
    const query = `${person.givenName!.toUpperCase()} ${person.familyName!.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().slice(0, 4)}`;
    await page.getByTestId('desk-find-query').fill(query);
    await page.getByTestId('desk-find-submit').click();
    await page.getByTestId(`desk-pick-${person.number}`).click();
    await page.locator(`[data-testid="counter-person"][data-person="${person._id}"]`).waitFor();
    expect(describeFindings(await axeViolations(page)), 'axe on the found file').toBe('');
    await chooseEvent(page, 'family_benefits_male');
    await tick(page, '0104', shiftDay(day(), -50));
    await saveAndPrint(page, downloads, 'walk-in.pdf');
    const number = (await page.getByTestId('desk-receipt-number').getAttribute('data-number'))!;
    const sub = await waitFor('the walk-in submission on the server', async () => (await serverSubmissions(app)).find((s) => s.receiptNumber === number) ?? null);
    expect(sub).toMatchObject({ person: person._id, ticket: ticket._id });
  }, 150_000);

  it('step 5: the file opens with pending matters first: documents an open case misses, and a refused document to bring again', async () => {
    // A person with an open case missing documents, who has none of our submissions yet.
    const res = await couch(app.url, admin, 'GET', `/fo_people/_all_docs?startkey="case:"&endkey="case:\uffff"&include_docs=true`);
    const OPEN = ['open', 'pending_documents', 'in_review', 'approved'];
    const taken = new Set((await serverSubmissions(app)).map((x) => x.person));
    const kase = (res.body.rows as { doc: Case }[]).map((r) => r.doc).find((c) => OPEN.includes(c.status) && c.missingDocuments.length > 0 && !taken.has(c.person))!;
    const today = day();
    // An earlier filing of this person, one document of which the back office refused.
    const counterSession = await signIn(app.url, 'counter.dla', 'demo-counter');
    const subId = `submission:${today}:${uid(Date.now() - 60_000, 'pmtest', 1)}`;
    const put1 = await couch(app.url, counterSession, 'PUT', `/fo_branch_dla/${encodeURIComponent(subId)}`, {
      type: 'submission', branch: 'dla', day: today, person: kase.person, event: 'daily_allowance',
      documents: [{ code: '0309', designation: 'Certificat de prolongation d’incapacité', edition: shiftDay(today, -5), copies: 1 }],
      receiptNumber: 'DLA-000000-PMTEST-001', agent: 'counter.dla', counter: 'C01', at: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(put1.status).toBe(201);
    const bo = await signIn(app.url, 'backoffice.dla', 'demo-backoffice');
    const reviewId = `review:${today}:${uid(Date.now(), 'pmtest', 2)}`;
    const put2 = await couch(app.url, bo, 'PUT', `/fo_branch_dla/${encodeURIComponent(reviewId)}`, {
      type: 'submission_review', branch: 'dla', day: today, submission: subId, documentCode: '0309', decision: 'refused', reason: 'illisible', agent: 'backoffice.dla', at: new Date().toISOString(),
    });
    expect(put2.status).toBe(201);
    // Issued last: when the tablet sees the ticket, its replica holds the filing and the review.
    // Each test has a counter of its own (an open session holds it): C03, on the pension queue.
    const ticket = await issue(app, 'pension', 'P', kase.person);
    const { page } = await counterTablet(app);
    await serveNext(page, 'C03', ticket.label, 'pension');
    await page.getByTestId('desk-pending').waitFor();
    const items = await page.getByTestId('desk-pending-item').evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), e.getAttribute('data-code')]));
    const expected = [...new Set(kase.missingDocuments.filter((c) => c !== '0309'))].map((c) => ['missing', c]);
    expect(items.filter(([k]) => k === 'missing').map(([, c]) => c).sort()).toEqual(expected.map(([, c]) => c).sort());
    expect(items).toContainEqual(['refused', '0309']);
    const refusedText = await page.locator('[data-testid="desk-pending-item"][data-kind="refused"]').innerText();
    expect(refusedText).toContain('DLA-000000-PMTEST-001');
    expect(refusedText).toContain('illisible');
    // The earlier filing is listed with its decision.
    await page.locator('[data-testid="desk-history-item"][data-receipt="DLA-000000-PMTEST-001"]').waitFor();
    expect(await page.locator('[data-testid="desk-history-item"][data-receipt="DLA-000000-PMTEST-001"]').innerText()).toContain('Refusée');
    expect(describeFindings(await axeViolations(page)), 'axe with pending matters').toBe('');
    await keepScreenshot(page, 'desk-pending-matters');
  }, 150_000);

  it('step 4: each bad input is refused with its message and nothing is written; the server refuses the same', async () => {
    const [, , person] = await persons(app, 3);
    const ticket = await issue(app, 'family', 'F', person!._id);
    const { page } = await counterTablet(app);
    await serveNext(page, 'C04', ticket.label);
    const before = (await serverSubmissions(app)).length;

    const refused = async (code: string, doc: string, text: string) => {
      await page.getByTestId('desk-save').click();
      await settled(page);
      const item = page.locator(`[data-testid="desk-error"][data-code="${code}"][data-doc="${doc}"]`);
      await item.waitFor();
      expect(await item.innerText()).toBe(text);
      expect(await page.getByTestId('desk-done').count()).toBe(0);
    };
    await chooseEvent(page, 'family_benefits_male');
    await refused('no_document', '', 'Cochez au moins une pièce remise.');
    await tick(page, '0104', shiftDay(day(), 1));
    await refused('edition_future', '0104', 'Pièce 0104 : la date d’édition ne peut pas être dans le futur.');
    await tick(page, '0104', shiftDay(day(), -10), shiftDay(day(), -20));
    await refused('validity_before_edition', '0104', 'Pièce 0104 : la date de validité doit suivre la date d’édition.');
    await tick(page, '0104', shiftDay(day(), -10), shiftDay(day(), 20), '0');
    await refused('copies', '0104', 'Pièce 0104 : saisissez le nombre d’exemplaires, 1 ou plus.');
    // The field says it too, next to the control.
    expect(await page.locator('.field-invalid .field-error').first().innerText()).toBe('Pièce 0104 : saisissez le nombre d’exemplaires, 1 ou plus.');
    expect(describeFindings(await axeViolations(page)), 'axe with errors shown').toBe('');
    expect(await cspViolations(page)).toEqual([]);
    await keepScreenshot(page, 'desk-filing-errors');

    // Nothing written: corrected, the form saves this device's first receipt of the day (the
    // sequence is read from the tablet's replica), and the server gains exactly that one.
    expect(await page.getByTestId('desk-history-none').count()).toBe(1);
    await page.getByTestId('desk-copies-0104').fill('1');
    await saveAndPrint(page, downloads, 'corrected.pdf');
    const number = (await page.getByTestId('desk-receipt-number').getAttribute('data-number'))!;
    expect(number).toMatch(/-001$/);
    await waitFor('the corrected submission on the server', async () => ((await serverSubmissions(app)).some((s) => s.receiptNumber === number) ? true : null));
    expect((await serverSubmissions(app)).length).toBe(before + 1);

    // The server refuses the same documents from a counter agent (validate_doc_update).
    const session = await signIn(app.url, 'counter.dla', 'demo-counter');
    const today = day();
    const good = {
      type: 'submission',
      branch: 'dla',
      day: today,
      person: person!._id,
      event: 'family_benefits_male',
      documents: [{ code: '0104', designation: 'Acte de naissance', edition: shiftDay(today, -10), validity: shiftDay(today, 20), copies: 1 }],
      receiptNumber: 'DLA-000000-TEST-001',
      agent: 'counter.dla',
      counter: 'C01',
      at: new Date().toISOString(),
    };
    let seq = 0;
    const put = (documents: object[]) => {
      const id = `submission:${today}:${uid(Date.now(), 'srvtest', ++seq)}`;
      return couch(app.url, session, 'PUT', `/fo_branch_dla/${encodeURIComponent(id)}`, { ...good, _id: id, documents });
    };
    const d0 = good.documents[0]!;
    const future = await put([{ ...d0, edition: shiftDay(today, 1) }]);
    expect([future.status, future.body.reason]).toEqual([403, expect.stringContaining('documents.0.edition')]);
    const before_ = await put([{ ...d0, validity: shiftDay(today, -20) }]);
    expect([before_.status, before_.body.reason]).toEqual([403, expect.stringContaining('documents.0.validity')]);
    const zero = await put([{ ...d0, copies: 0 }]);
    expect([zero.status, zero.body.reason]).toEqual([403, expect.stringContaining('documents.0.copies')]);
    expect((await serverSubmissions(app)).length).toBe(before + 1);
    // The same document without the faults is accepted: the refusals were about them.
    expect((await put([d0])).status).toBe(201);
  }, 150_000);
});
