/**
 * The back office's requests register in Chromium (issue 11): a counter sends a request from a
 * visit; the back office finds it in the team's worklist, takes it and answers it; the counter's
 * file for that person shows the answer among pending matters, and telling the person closes
 * it. A phone request recorded for an authority; bad input (a due date in the past, an answer
 * on a request closed meanwhile) refused with its message and nothing written; the server
 * refuses the same (403), and a counter cannot answer. A letter's answer prints as a PDF. axe
 * and CSP clean at 1280×800.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { ADMIN, basicAuth, couch, signIn } from '../support/couch-http.ts';
import { waitFor } from '../support/wait-for.ts';
import { axeViolations, cspViolations, describeFindings } from '../support/page-audit.ts';
import type { BackofficeRequest } from '../../couch-design/types/backoffice-request.ts';
import { dueDateFor } from '../../app/backoffice/due-dates.ts';
import { PDFTOTEXT, backOfficePage, counterTablet, day, issue, persons, serveNext, settled, shiftDay } from './support/filing-page.ts';
import { personName } from '../../couch-design/types/person.ts';

const app = useBrowserApp();
const admin = basicAuth(ADMIN.name, ADMIN.password);

async function serverRequests(): Promise<BackofficeRequest[]> {
  const res = await couch(app.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey="borequest:"&endkey="borequest:\uffff"&include_docs=true`);
  return (res.body.rows as { doc: BackofficeRequest }[]).map((r) => r.doc);
}
const serverRequest = async (id: string) => (await serverRequests()).find((r) => r._id === id) ?? null;

/** The back office's requests section, after the first sync. */
async function backOffice(): Promise<Page> {
  const { page } = await backOfficePage(app, { acceptDownloads: true });
  await page.getByTestId('bo-tab-requests').click();
  await page.getByTestId('req-filters').waitFor();
  return page;
}

const item = (page: Page, id: string) => page.locator(`[data-testid="req-item"][data-id="${id}"]`);
const detail = (page: Page, status: string) => page.locator(`[data-testid="req-detail-facts"][data-status="${status}"]`).waitFor({ timeout: 30_000 });

async function audit(page: Page, what: string) {
  expect(await cspViolations(page), what).toEqual([]);
  expect(describeFindings(await axeViolations(page)), `axe: ${what}`).toBe('');
}

describe('back office: requests register', () => {
  it('a counter sends a request from a visit; the back office takes and answers it; the counter shows the answer and closes it once told', async () => {
    const person = (await persons(app, 14))[13]!;
    const first = await issue(app, 'family', 'F', person._id);
    const { page: counter } = await counterTablet(app);
    await serveNext(counter, 'C01', first.label);

    // Sent from the visit, through the counter's UI.
    await counter.getByTestId('counter-group-backoffice').locator('summary').click();
    await counter.getByTestId('counter-bo-subject').fill('Pension non versée');
    await counter.getByTestId('counter-bo-message').fill('La pension de mars n’est pas arrivée.');
    await counter.getByTestId('counter-backoffice').click();
    await settled(counter);
    const sent = await waitFor('the request on the server', async () => (await serverRequests()).find((r) => r.ticket === first._id) ?? null, 60_000);
    expect(sent).toMatchObject({ channel: 'counter', requester: 'person', person: person._id, status: 'new', subject: 'Pension non versée', requestedBy: 'counter.dla', counter: 'C01', dueDate: dueDateFor('counter', day()), dueSetOn: day() });

    // The back office finds it in the team's worklist, by due date, not overdue.
    const bo = await backOffice();
    await item(bo, sent._id).waitFor({ timeout: 60_000 });
    expect(await item(bo, sent._id).getAttribute('data-overdue')).toBe('false');
    expect(await item(bo, sent._id).getByTestId('req-item-status').innerText()).toBe('Nouvelle');
    const dues = await bo.getByTestId('req-item').evaluateAll((els) => els.map((e) => e.querySelector('.req-item-due')!.textContent!.slice(-10).split('/').reverse().join('-')));
    expect(dues).toEqual([...dues].sort());
    await audit(bo, 'the team worklist');

    // Taken: assigned to me and in progress; it is now in "mine".
    await item(bo, sent._id).click();
    await bo.getByTestId('req-take').click();
    await detail(bo, 'in_progress');
    expect(await bo.getByTestId('req-detail-assignee').innerText()).toBe('Attribuée à backoffice.dla');
    await bo.getByTestId('req-filter-who').selectOption('mine');
    await item(bo, sent._id).waitFor();
    // A note, then the answer.
    await bo.getByTestId('req-note-text').fill('Virement rejeté par la banque.');
    await bo.getByTestId('req-note-add').click();
    await bo.getByTestId('req-note').first().waitFor();
    await bo.getByTestId('req-answer-text').fill('Le virement a été relancé le 5 ; il arrive sous 3 jours.');
    await bo.getByTestId('req-answer-submit').click();
    await detail(bo, 'answered');
    await audit(bo, 'an answered request');
    const answered = await waitFor('the answer on the server', async () => {
      const r = await serverRequest(sent._id);
      return r?.status === 'answered' ? r : null;
    }, 60_000);
    expect(answered).toMatchObject({ assignee: 'backoffice.dla', answer: 'Le virement a été relancé le 5 ; il arrive sous 3 jours.', answeredBy: 'backoffice.dla', notes: [{ by: 'backoffice.dla', text: 'Virement rejeté par la banque.' }] });

    // At the counter, at the person's next visit: the answer among pending matters.
    await counter.getByTestId('counter-finish').click();
    await counter.locator('[data-testid="counter-current"]').waitFor({ state: 'detached', timeout: 30_000 });
    await settled(counter);
    const second = await issue(app, 'family', 'F', person._id);
    await counter.locator('[data-testid="counter-waiting"]:not([data-count="0"])').waitFor({ timeout: 30_000 });
    await counter.getByTestId('counter-call-next').click();
    await counter.locator(`[data-testid="counter-current"][data-label="${second.label}"]`).waitFor({ timeout: 30_000 });
    const pending = counter.locator(`[data-testid="desk-pending-item"][data-kind="answered"][data-request="${sent._id}"]`);
    await pending.waitFor({ timeout: 60_000 });
    expect(await pending.innerText()).toContain('Réponse du back-office à « Pension non versée » : Le virement a été relancé le 5 ; il arrive sous 3 jours.');
    await audit(counter, 'the counter file with an answer');
    await settled(counter);
    await pending.getByTestId('desk-answer-told').click();
    await pending.waitFor({ state: 'detached', timeout: 30_000 });
    const closed = await waitFor('the closing on the server', async () => {
      const r = await serverRequest(sent._id);
      return r?.status === 'closed' ? r : null;
    }, 60_000);
    expect(closed).toMatchObject({ closedBy: 'counter.dla', answer: answered.answer });
  }, 300_000);

  it('a phone request for an authority; a due date in the past and an answer on a request closed meanwhile are refused with their message; the server refuses the same', async () => {
    const bo = await backOffice();
    const before = (await serverRequests()).length;
    await bo.getByTestId('req-new').click();
    await bo.getByTestId('req-channel-phone').check();
    // The due date follows the channel: 3 working days for a phone call.
    expect(await bo.getByTestId('req-due').inputValue()).toBe(dueDateFor('phone', day()));
    await bo.getByTestId('req-requester-authority').check();
    await bo.getByTestId('req-authority').fill('Tribunal de Douala');
    await bo.getByTestId('req-subject').fill('Situation d’un assuré');
    await bo.getByTestId('req-message').fill('Le greffe demande la situation du dossier 2026/114.');

    // A due date in the past: the message, nothing written.
    await bo.getByTestId('req-due').fill(shiftDay(day(), -1));
    await bo.getByTestId('req-form-submit').click();
    await settled(bo);
    expect(await bo.getByTestId('req-form-error').innerText()).toBe("L'échéance ne peut pas être passée : choisissez aujourd'hui ou une date à venir. Rien n’a été enregistré.");
    expect(await bo.locator('.field-invalid .field-error').innerText()).toContain("L'échéance ne peut pas être passée");
    await audit(bo, 'the form with an error');

    await bo.getByTestId('req-due').fill(shiftDay(day(), 10));
    await bo.getByTestId('req-form-submit').click();
    await settled(bo);
    await bo.getByTestId('req-form').waitFor({ state: 'detached' });
    const phone = await waitFor('the phone request on the server', async () => (await serverRequests()).find((r) => r.authority === 'Tribunal de Douala') ?? null, 60_000);
    // Only the valid request was written.
    expect((await serverRequests()).length).toBe(before + 1);
    expect(phone).toMatchObject({ channel: 'phone', requester: 'authority', status: 'new', dueDate: shiftDay(day(), 10), requestedBy: 'backoffice.dla' });
    expect(phone.person).toBeUndefined();
    await detail(bo, 'new');
    expect(await bo.getByTestId('req-detail-facts').innerText()).toContain('Demandeur : Tribunal de Douala');

    // The detail refuses a due date moved into the past too.
    await bo.getByTestId('req-due-change').fill(shiftDay(day(), -2));
    await bo.getByTestId('req-due-apply').click();
    await settled(bo);
    expect(await bo.locator('.field-invalid .field-error').innerText()).toContain("L'échéance ne peut pas être passée");

    // A supervisor closes it while the agent writes the answer: the answer is refused, nothing written.
    await bo.getByTestId('req-answer-text').fill('Le dossier est en cours.');
    const supervisor = await signIn(app.url, 'supervisor.dla', 'demo-supervisor');
    const at = new Date().toISOString();
    const closing = await couch(app.url, supervisor, 'PUT', `/fo_branch_dla/${encodeURIComponent(phone._id)}`, { ...phone, status: 'closed', closedBy: 'supervisor.dla', closedAt: at, updatedAt: at });
    expect(closing.status, JSON.stringify(closing.body)).toBe(201);
    await detail(bo, 'closed');
    await bo.getByTestId('req-answer-submit').click();
    await settled(bo);
    expect(await bo.locator('.field-invalid .field-error').innerText()).toBe('Cette demande est close : on n’y répond plus. Rien n’a été enregistré.');
    await audit(bo, 'an answer refused on a closed request');
    const after = await serverRequest(phone._id);
    expect(after).toMatchObject({ status: 'closed', _rev: closing.body.rev });
    expect(after!.answer).toBeUndefined();

    // The server refuses the same writes (403), and a counter cannot answer.
    const backoffice = await signIn(app.url, 'backoffice.dla', 'demo-backoffice');
    const counter = await signIn(app.url, 'counter.dla', 'demo-counter');
    const put = (session: typeof counter, doc: Record<string, unknown>) => couch(app.url, session, 'PUT', `/fo_branch_dla/${encodeURIComponent(String(doc._id))}`, doc);
    const lateAnswer = await put(backoffice, { ...after, answer: 'Trop tard', answeredBy: 'backoffice.dla', answeredAt: at });
    expect([lateAnswer.status, lateAnswer.body.reason]).toEqual([403, 'answer: immutable']);
    const id = `borequest:${day()}:${'m'.repeat(9)}-test-0001`;
    const past = await put(backoffice, { ...phone, _id: id, _rev: undefined, dueDate: shiftDay(day(), -1) });
    expect([past.status, past.body.reason]).toEqual([403, 'dueDate: too_small']);
    const fresh = await put(backoffice, { ...phone, _id: id, _rev: undefined });
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(201);
    const byCounter = await put(counter, { ...phone, _id: id, _rev: fresh.body.rev, status: 'answered', answer: 'Oui', answeredBy: 'counter.dla', answeredAt: at });
    expect([byCounter.status, byCounter.body.reason]).toEqual([403, 'status: forbidden_role']);
  }, 300_000);

  it('a letter from a person found by number, answered: the answer letter prints as a PDF', async () => {
    const person = (await persons(app, 16))[15]!;
    const bo = await backOffice();
    await bo.getByTestId('req-new').click();
    // Letter is the default channel: 15 working days.
    expect(await bo.getByTestId('req-due').inputValue()).toBe(dueDateFor('letter', day()));
    await bo.getByTestId('req-person-query').fill(person.number);
    await bo.getByTestId('req-person-find').click();
    await bo.getByTestId(`req-person-${person.number}`).click();
    await bo.locator(`[data-testid="req-person-picked"][data-person="${person._id}"]`).waitFor();
    await bo.getByTestId('req-subject').fill('Relevé de carrière');
    await bo.getByTestId('req-message').fill('Je souhaite recevoir mon relevé de carrière.');
    await bo.getByTestId('req-form-submit').click();
    await settled(bo);
    await detail(bo, 'new');
    await audit(bo, 'a new letter request');
    await bo.getByTestId('req-answer-text').fill('Votre relevé de carrière est joint à ce courrier.');
    await bo.getByTestId('req-answer-submit').click();
    await detail(bo, 'answered');
    const dir = mkdtempSync(join(tmpdir(), 'fo-req-'));
    try {
      await bo.getByTestId('req-letter').waitFor();
      const [download] = await Promise.all([bo.waitForEvent('download', { timeout: 60_000 }), bo.getByTestId('req-letter').click()]);
      const file = join(dir, 'letter.pdf');
      await download.saveAs(file);
      const text = execFileSync(PDFTOTEXT, ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const part of [personName(person), 'Objet : réponse à votre demande du', 'Relevé de carrière', 'Madame, Monsieur,', 'Votre relevé de carrière est joint à ce courrier.', 'Pour le back-office : backoffice.dla'])
        expect(text, part).toContain(part);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const stored = await waitFor('the letter request answered on the server', async () => (await serverRequests()).find((r) => r.person === person._id && r.status === 'answered') ?? null, 60_000);
    expect(stored).toMatchObject({ channel: 'letter', requester: 'person', subject: 'Relevé de carrière', dueDate: dueDateFor('letter', day()) });
  }, 300_000);
});
