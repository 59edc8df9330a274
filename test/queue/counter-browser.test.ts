/**
 * The counter screen in Chromium (issue 9): a double click calls one ticket and finishes once
 * (item 2); the next visit starts clean (item 3); a reload resumes the session, the same agent
 * takes it over from another device, a supervisor forces a counter closed and its ticket goes
 * back to the front of its queue (item 5); the file lists open cases only, in the screen's
 * language (item 11); the buttons follow the ticket's state, with keyboard shortcuts; axe-core
 * and the CSP find nothing at 1280×800.
 *
 * Each test works its own queue and counter (the server is shared by the file), and issues its
 * tickets over HTTP as the reception would.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { demoUser } from '../browser/support/demo-users.ts';
import { SignInPage } from '../browser/pages/sign-in-page.ts';
import { Shell } from '../browser/pages/shell.ts';
import { ADMIN, basicAuth, couch, signIn } from '../support/couch-http.ts';
import { waitFor } from '../support/wait-for.ts';
import { axeViolations, cspViolations, describeFindings, keepScreenshot, watchCsp } from '../support/page-audit.ts';
import { issueTicket } from '../../app/queue/ops.ts';
import { branchDay } from '../../app/queue/numbering.ts';
import type { Ticket, VisitEvent } from '../../couch-design/types/ticket.ts';
import type { CounterState } from '../../couch-design/types/counter-state.ts';
import type { Case } from '../../couch-design/types/case.ts';
import { fr } from '../../app/i18n/fr.ts';
import { actorFor } from './support/drain.ts';
import { httpQueueStore } from './support/http-store.ts';

const app = useBrowserApp();
const admin = basicAuth(ADMIN.name, ADMIN.password);
const TABLET = { width: 1280, height: 800 };
const SERIES: Record<string, string> = { employers: 'E', family: 'F', pension: 'P', work_injury: 'W', cash: 'C' };
const day = () => branchDay(new Date(), 'Africa/Douala');

async function signedIn(name: string, options: BrowserContextOptions = {}, csp = false): Promise<Page> {
  const context = await app.context({ viewport: TABLET, ...options });
  if (csp) await watchCsp(context);
  const page = await context.newPage();
  const user = demoUser(name);
  await (await SignInPage.open(page, app.url)).signInAs(user);
  await new Shell(page).waitForScreen(user.screen);
  return page;
}

/** Tickets issued as the reception does, over HTTP. */
async function issue(service: string, count: number, personId?: string): Promise<Ticket[]> {
  const session = await signIn(app.url, 'reception.dla', 'demo-reception');
  const store = httpQueueStore(app.url, session, 'fo_branch_dla', { writes: 0, conflicts: 0, queries: 0 });
  const actor = actorFor('dla', 'reception.dla', 'rtest');
  const out: Ticket[] = [];
  for (let i = 0; i < count; i++) {
    const r = await issueTicket(store, { day: day(), service: { code: service, series: SERIES[service]! }, ...(personId ? { personId } : {}) }, { used: [], slot: null }, actor());
    if (!r.ok) throw new Error(r.error);
    out.push(r.value);
  }
  return out;
}

async function serverTickets(service: string): Promise<Ticket[]> {
  const prefix = `ticket:dla:${day()}:${SERIES[service]}:`;
  const res = await couch(app.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey="${prefix}"&endkey="${prefix}\uffff"&include_docs=true`);
  return (res.body.rows as { doc: Ticket }[]).map((r) => r.doc);
}

async function serverDoc<T>(id: string): Promise<T> {
  return (await couch(app.url, admin, 'GET', `/fo_branch_dla/${encodeURIComponent(id)}`)).body as T;
}

async function eventsOf(ticket: string): Promise<VisitEvent[]> {
  const res = await couch(app.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey="visit:${day()}:"&endkey="visit:${day()}:\uffff"&include_docs=true`);
  return (res.body.rows as { doc: VisitEvent }[]).map((r) => r.doc).filter((e) => e.ticket === ticket);
}

/** Opens `code` taking only `services` (the others of its matrix row unticked). */
async function openCounter(page: Page, code: string, services: string[]) {
  await page.getByTestId('counter-code').selectOption(code);
  for (const box of await page.locator('[data-testid^="counter-service-"]').all()) {
    const service = (await box.getAttribute('data-testid'))!.slice('counter-service-'.length);
    await box.setChecked(services.includes(service));
  }
  await page.getByTestId('counter-open').click();
  await page.getByTestId('counter-status').waitFor();
}

async function waitWaiting(page: Page, count: number) {
  await page.locator(`[data-testid="counter-waiting"][data-count="${count}"]`).waitFor({ timeout: 30_000 });
}

/** The ticket reached `state` and the action that took it there has ended. */
async function waitState(page: Page, state: string) {
  await page.locator(`[data-testid="counter-current"][data-state="${state}"]`).waitFor();
  await settled(page);
}

/** Every action of the screen has ended (the guard marks its buttons busy while one runs). */
async function settled(page: Page) {
  await waitFor('no action in flight', async () => ((await page.locator('[aria-busy="true"]').count()) === 0 ? true : null));
}

const enabled = async (page: Page, testId: string) => (await page.getByTestId(testId).count()) === 1 && (await page.getByTestId(testId).isEnabled());
const shown = async (page: Page, testId: string) => (await page.getByTestId(testId).count()) === 1;

describe('counter screen in the browser', () => {
  it('item 2: a double click on "Call next" calls one ticket; a double click on "Finish" finishes it once, without "Another counter has this ticket"', async () => {
    await issue('employers', 3);
    const page = await signedIn('counter.dla');
    await openCounter(page, 'C05', ['employers']);
    await waitWaiting(page, 3);

    await page.getByTestId('counter-call-next').dblclick();
    await page.getByTestId('counter-current').waitFor();
    await settled(page);
    await waitWaiting(page, 2);
    const tickets = await serverTickets('employers');
    expect(tickets.filter((x) => x.state === 'called').map((x) => x.counter)).toEqual(['C05']);
    expect(tickets.filter((x) => x.state === 'waiting')).toHaveLength(2);
    const label = await page.getByTestId('counter-current').getAttribute('data-label');
    const called = tickets.find((x) => x.state === 'called')!;
    expect(called.label).toBe(label);

    await page.getByTestId('counter-start').click();
    await waitState(page, 'serving');
    await page.getByTestId('counter-finish').dblclick();
    await page.getByTestId('counter-current-none').waitFor();
    await settled(page);
    expect(await page.getByTestId('counter-message').count()).toBe(0);
    expect((await serverDoc<Ticket>(called._id)).state).toBe('done');
    // Visit events reach the server by replication: once this device has nothing left to push.
    await waitFor('the done event on the server', async () => ((await eventsOf(called._id)).some((e) => e.action === 'done') ? true : null));
    await new Shell(page).sync.waitFor('online');
    await page.locator('[data-testid="sync-pending"][data-count="0"]').waitFor();
    expect((await eventsOf(called._id)).filter((e) => e.action === 'done')).toHaveLength(1);
    // The counter is free, and says so: nothing else was called behind the agent's back.
    expect((await serverDoc<CounterState>('counterstate:dla:C05')).currentTicket).toBeUndefined();
    expect((await serverTickets('employers')).filter((x) => x.state === 'called')).toHaveLength(0);
  }, 120_000);

  it('item 3 and 11: the next visit starts clean; the file lists only open cases, in French', async () => {
    // A person with open cases and paid, closed or rejected ones.
    const res = await couch(app.url, admin, 'GET', `/fo_people/_all_docs?startkey="case:"&endkey="case:\uffff"&include_docs=true`);
    const byPerson = new Map<string, Case[]>();
    for (const { doc } of res.body.rows as { doc: Case }[]) byPerson.set(doc.person, [...(byPerson.get(doc.person) ?? []), doc]);
    const OPEN = ['open', 'pending_documents', 'in_review', 'approved'];
    const [personId, cases] = [...byPerson].find(([, list]) => list.some((c) => OPEN.includes(c.status)) && list.some((c) => !OPEN.includes(c.status)))!;
    await issue('work_injury', 2, personId);

    const page = await signedIn('counter.dla', { locale: 'fr-FR' });
    await openCounter(page, 'C03', ['work_injury']);
    await waitWaiting(page, 2);
    await page.getByTestId('counter-call-next').click();
    await page.getByTestId('counter-start').click();
    await waitState(page, 'serving');
    const first = await page.getByTestId('counter-current').getAttribute('data-label');

    // Item 11: open cases only, with the French words for their status.
    await page.locator(`[data-testid="counter-person"][data-person="${personId}"]`).waitFor();
    const open = cases.filter((c) => OPEN.includes(c.status));
    await waitFor('the open cases', async () => ((await page.getByTestId('counter-case').count()) === open.length ? true : null));
    const statuses = await page.getByTestId('counter-case').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses.every((s) => OPEN.includes(s!))).toBe(true);
    const text = await page.getByTestId('counter-cases').innerText();
    for (const c of open) expect(text).toContain(fr[`counter.case.status.${c.status}` as keyof typeof fr]);
    expect(text).not.toMatch(/pending_documents|in_review|\bpaid\b|\bclosed\b/);

    // The first visit: an outcome, a transfer note and a back-office subject typed, then finished.
    await page.getByTestId('counter-outcome').selectOption('incomplete');
    await page.getByTestId('counter-group-transfer').locator('summary').click();
    await page.getByTestId('counter-transfer-note').fill('note for the first visitor');
    await page.getByTestId('counter-group-backoffice').locator('summary').click();
    await page.getByTestId('counter-bo-subject').fill('subject of the first visitor');
    await page.getByTestId('counter-finish').click();
    await page.getByTestId('counter-current-none').waitFor();
    await waitFor('the outcome on the server', async () => {
      const done = (await serverTickets('work_injury')).find((x) => x.label === first);
      return done?.state === 'done' ? done : null;
    }).then((done) => expect(done.outcome).toBe('incomplete'));

    // The next visitor: nothing of the first one.
    await page.getByTestId('counter-call-next').click();
    await page.getByTestId('counter-start').click();
    await waitState(page, 'serving');
    expect(await page.getByTestId('counter-current').getAttribute('data-label')).not.toBe(first);
    expect(await page.getByTestId('counter-outcome').inputValue()).toBe('done');
    await page.getByTestId('counter-group-transfer').locator('summary').click();
    expect(await page.getByTestId('counter-transfer-note').inputValue()).toBe('');
    await page.getByTestId('counter-group-backoffice').locator('summary').click();
    expect(await page.getByTestId('counter-bo-subject').inputValue()).toBe('');
    await page.getByTestId('counter-finish').click();
    await page.getByTestId('counter-current-none').waitFor();
  }, 120_000);

  it('item 5: a reload resumes the session with its ticket; the same agent on another device takes it over', async () => {
    await issue('pension', 1);
    const page = await signedIn('counter.dla');
    await openCounter(page, 'C02', ['pension']);
    await waitWaiting(page, 1);
    await page.getByTestId('counter-call-next').click();
    await page.getByTestId('counter-current').waitFor();
    const label = await page.getByTestId('counter-current').getAttribute('data-label');

    await page.reload();
    await page.locator(`[data-testid="counter-current"][data-label="${label}"][data-state="called"]`).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('counter-code').count()).toBe(0);
    await page.getByTestId('counter-start').click();
    await waitState(page, 'serving');

    // Another device (its own browser context), same agent: a clear choice, not a refusal.
    const other = await signedIn('counter.dla');
    await other.getByTestId('counter-elsewhere-C02').waitFor({ timeout: 30_000 });
    await other.getByTestId('counter-elsewhere-C02').getByTestId('counter-take-over').click();
    await other.locator(`[data-testid="counter-current"][data-label="${label}"][data-state="serving"]`).waitFor();
    // The first device leaves it and says why.
    await page.getByTestId('counter-code').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('counter-message').innerText()).toContain('C02');
    // The take-over and the first device's leaving both reach the server by replication: wait
    // for the state they settle on (CI once read it in between, without its ticket).
    const state = await waitFor('the taken-over counter on the server', async () => {
      const s = await serverDoc<CounterState>('counterstate:dla:C02');
      return s.currentTicket !== undefined ? s : null;
    });
    expect(state.status).toBe('open');
    expect(state.currentTicket).toContain(':P:');
    await other.getByTestId('counter-finish').click();
    await other.getByTestId('counter-current-none').waitFor();
    await other.getByTestId('counter-close').click();
    await other.getByTestId('counter-code').waitFor();
  }, 120_000);

  it('item 5: a supervisor forces a counter closed; its called ticket goes back to the front of the queue', async () => {
    const [ticket] = await issue('family', 1);
    const counter = await signedIn('counter.dla');
    await openCounter(counter, 'C01', ['family']);
    await waitWaiting(counter, 1);
    await counter.getByTestId('counter-call-next').click();
    await counter.locator(`[data-testid="counter-current"][data-label="${ticket!.label}"]`).waitFor();

    const sup = await signedIn('supervisor.dla');
    await sup.getByTestId('force-close-ask-C01').click({ timeout: 30_000 });
    await sup.getByTestId('force-close-yes-C01').click();
    await sup.getByTestId('force-close-C01').waitFor({ state: 'detached', timeout: 30_000 });

    // The supervisor's device writes locally first: wait until the close reached the server.
    const state = await waitFor('the forced close on the server', async () => {
      const s = await serverDoc<CounterState>('counterstate:dla:C01');
      return s.status === 'closed' ? s : null;
    });
    expect(state.status).toBe('closed');
    expect(state.currentTicket).toBeUndefined();
    const back = await waitFor('the ticket back in the queue on the server', async () => {
      const x = await serverDoc<Ticket>(ticket!._id);
      return x.state === 'waiting' ? x : null;
    });
    expect(back.state).toBe('waiting');
    expect(back.front).toBe(true);
    expect(back.counter).toBeUndefined();
    // The counter's screen leaves the session and says who closed it.
    await counter.getByTestId('counter-code').waitFor({ timeout: 30_000 });
    expect(await counter.getByTestId('counter-message').innerText()).toContain('supervisor');
    // The visitor is called next by the next counter that calls.
    await openCounter(counter, 'C04', ['family']);
    await counter.getByTestId('counter-call-next').click();
    await counter.locator(`[data-testid="counter-current"][data-label="${ticket!.label}"]`).waitFor();
    await counter.getByTestId('counter-start').click();
    await waitState(counter, 'serving');
    await counter.getByTestId('counter-finish').click();
    await counter.getByTestId('counter-current-none').waitFor();
  }, 120_000);

  it('buttons follow the state, keys press them; axe-core and the CSP find nothing at 1280×800 (cash desk)', async () => {
    const res = await couch(app.url, admin, 'GET', `/fo_people/_all_docs?startkey="case:"&endkey="case:\uffff"&include_docs=true&limit=1`);
    const personId = (res.body.rows as { doc: Case }[])[0]!.doc.person;
    await issue('cash', 1, personId);
    const page = await signedIn('cashier.dla', {}, true);
    await page.getByTestId('screen-cashier').waitFor();
    await openCounter(page, 'C07', ['cash']);
    await waitWaiting(page, 1);
    await settled(page);
    const audit = async (name: string) => {
      expect(describeFindings(await axeViolations(page)), `axe on ${name}`).toBe('');
      expect(await cspViolations(page), `CSP on ${name}`).toEqual([]);
    };

    // Open, nobody at the counter: call next is the main action.
    expect(await enabled(page, 'counter-call-next')).toBe(true);
    expect(await page.getByTestId('counter-call-next').innerText()).toContain('F2');
    for (const id of ['counter-start', 'counter-finish', 'counter-recall', 'counter-resume', 'counter-group-transfer', 'counter-group-backoffice']) expect(await shown(page, id), id).toBe(false);
    expect(await enabled(page, 'counter-pause')).toBe(true);
    expect(await enabled(page, 'counter-close')).toBe(true);
    await audit('the idle counter');

    // F2: called. Start (F4) is the main action; recall; no-show only after a recall; transfer, park.
    await page.keyboard.press('F2');
    await waitState(page, 'called');
    expect(await enabled(page, 'counter-start')).toBe(true);
    expect(await page.getByTestId('counter-start').innerText()).toContain('F4');
    expect(await enabled(page, 'counter-recall')).toBe(true);
    expect(await shown(page, 'counter-no-show')).toBe(true);
    expect(await enabled(page, 'counter-no-show')).toBe(false);
    expect(await enabled(page, 'counter-park')).toBe(true);
    expect(await shown(page, 'counter-group-transfer')).toBe(true);
    for (const id of ['counter-call-next', 'counter-finish', 'counter-resume', 'counter-group-backoffice', 'counter-walkin']) expect(await shown(page, id), id).toBe(false);
    expect(await enabled(page, 'counter-pause')).toBe(false);
    expect(await enabled(page, 'counter-close')).toBe(false);
    await page.keyboard.press('F3');
    await page.locator('[data-testid="counter-current"][data-recalls="1"]').waitFor();
    await waitFor('no-show allowed', async () => ((await enabled(page, 'counter-no-show')) ? true : null));
    await audit('a called ticket');

    // F4: serving. Finish (F9) is the main action; park, transfer, back office; no recall.
    await page.keyboard.press('F4');
    await waitState(page, 'serving');
    expect(await enabled(page, 'counter-finish')).toBe(true);
    expect(await page.getByTestId('counter-finish').innerText()).toContain('F9');
    expect(await enabled(page, 'counter-park')).toBe(true);
    for (const id of ['counter-group-transfer', 'counter-group-backoffice']) expect(await shown(page, id), id).toBe(true);
    for (const id of ['counter-call-next', 'counter-start', 'counter-recall', 'counter-no-show', 'counter-resume']) expect(await shown(page, id), id).toBe(false);
    await page.getByTestId('counter-person').waitFor();
    await page.getByTestId('counter-group-transfer').locator('summary').click();
    await page.getByTestId('counter-group-backoffice').locator('summary').click();
    await audit('a visit in progress, every group open');
    await keepScreenshot(page, 'counter-tablet');
    // The same on a desktop screen.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await audit('a visit in progress on a 1920×1080 desktop');
    await keepScreenshot(page, 'counter-desktop');
    await page.setViewportSize(TABLET);

    // On hold: resume (F8) is the main action; transfer; nothing else.
    await page.getByTestId('counter-park').click();
    await waitState(page, 'parked');
    expect(await enabled(page, 'counter-resume')).toBe(true);
    expect(await shown(page, 'counter-group-transfer')).toBe(true);
    for (const id of ['counter-finish', 'counter-park', 'counter-start', 'counter-group-backoffice']) expect(await shown(page, id), id).toBe(false);
    await page.keyboard.press('F8');
    await waitState(page, 'serving');
    await page.keyboard.press('F9');
    await page.getByTestId('counter-current-none').waitFor();
    await settled(page);
    expect(await enabled(page, 'counter-call-next')).toBe(true);

    // Paused: resuming the counter is the main action, calling is not offered.
    await page.getByTestId('counter-pause').click();
    await page.getByTestId('counter-unpause').waitFor();
    expect(await shown(page, 'counter-call-next')).toBe(false);
    await audit('a paused counter');
    await page.getByTestId('counter-unpause').click();
    await page.getByTestId('counter-call-next').waitFor();
  }, 150_000);
});
