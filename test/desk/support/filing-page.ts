/** The counter tablet and the filing form, for the desk's browser tests (see filing-browser.test.ts for the same steps). */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { BrowserApp } from '../../browser/support/browser-app.ts';
import { demoUser } from '../../browser/support/demo-users.ts';
import { SignInPage } from '../../browser/pages/sign-in-page.ts';
import { Shell } from '../../browser/pages/shell.ts';
import { Pwa } from '../../browser/pages/pwa.ts';
import { ADMIN, basicAuth, couch, signIn } from '../../support/couch-http.ts';
import { waitFor } from '../../support/wait-for.ts';
import { watchCsp } from '../../support/page-audit.ts';
import { issueTicket } from '../../../app/queue/ops.ts';
import { branchDay } from '../../../app/queue/numbering.ts';
import type { Ticket } from '../../../couch-design/types/ticket.ts';
import type { Person } from '../../../couch-design/types/person.ts';
import type { Submission } from '../../../couch-design/types/submission.ts';
import { actorFor } from '../../queue/support/drain.ts';
import { httpQueueStore } from '../../queue/support/http-store.ts';

export const PDFTOTEXT = '/usr/bin/pdftotext';
export const day = () => branchDay(new Date(), 'Africa/Douala');
export const shiftDay = (d: string, days: number) => new Date(Date.parse(d + 'T12:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);

/** A counter tablet in French whose printer falls back to a PDF download; installed: its service worker controls the page. */
/**
 * A back-office agent's page (1280×800, French, CSP watched) after its first sync, as the agent
 * works all day: the first-sync banner going away would move the rows up under a click.
 */
export async function backOfficePage(app: BrowserApp, options: { name?: string; acceptDownloads?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.context({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', acceptDownloads: options.acceptDownloads ?? false });
  await watchCsp(context);
  const page = await context.newPage();
  const user = demoUser(options.name ?? 'backoffice.dla');
  await (await SignInPage.open(page, app.url)).signInAs(user);
  const shell = new Shell(page);
  await shell.waitForScreen(user.screen);
  await waitFor('the first sync', async () => ((await shell.firstSync.root.count()) === 0 ? true : null), 60_000);
  return { context, page };
}

export async function counterTablet(app: BrowserApp, installed = false): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.context({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', acceptDownloads: true, ...(installed ? { serviceWorkers: 'allow' as const } : {}) });
  await watchCsp(context);
  await context.addInitScript(() => {
    try {
      if (!localStorage.getItem('fo.printer.settings')) localStorage.setItem('fo.printer.settings', JSON.stringify({ fallback: 'pdf' }));
    } catch {
      // about:blank has no storage
    }
  });
  const page = await context.newPage();
  const user = demoUser('counter.dla');
  const signInPage = await SignInPage.open(page, app.url);
  if (installed) {
    const pwa = new Pwa(page);
    await pwa.activeWorker();
    await page.reload();
    await signInPage.waitUntilShown();
    expect(await pwa.controller()).toBe(`${app.url}/sw.js`);
  }
  await signInPage.signInAs(user);
  await new Shell(page).waitForScreen(user.screen);
  return { context, page };
}

export async function issue(app: BrowserApp, service: string, series: string, personId?: string): Promise<Ticket> {
  const session = await signIn(app.url, 'reception.dla', 'demo-reception');
  const store = httpQueueStore(app.url, session, 'fo_branch_dla', { writes: 0, conflicts: 0, queries: 0 });
  const r = await issueTicket(store, { day: day(), service: { code: service, series }, ...(personId ? { personId } : {}) }, { used: [], slot: null }, actorFor('dla', 'reception.dla', 'stest')());
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

export async function settled(page: Page) {
  await waitFor('no action in flight', async () => ((await page.locator('[aria-busy="true"]').count()) === 0 ? true : null));
}

/** Opens `counter` on one queue alone (family unless said), calls the next ticket and starts serving it. */
export async function serveNext(page: Page, counter: string, label: string, queue = 'family') {
  await page.getByTestId('counter-code').waitFor();
  await page.getByTestId('counter-code').selectOption(counter);
  // The boxes re-render as the replica brings the counter's settings: set them until they hold.
  await waitFor('only the chosen queue ticked', async () => {
    let held = true;
    for (const box of await page.locator('[data-testid^="counter-service-"]').all()) {
      const want = (await box.getAttribute('data-testid'))!.slice('counter-service-'.length) === queue;
      if ((await box.isChecked()) !== want) {
        held = false;
        await box.click();
      }
    }
    return held ? true : null;
  });
  await page.getByTestId('counter-open').click();
  // The ticket reached the tablet's replica before calling.
  await page.locator('[data-testid="counter-waiting"]:not([data-count="0"])').waitFor({ timeout: 30_000 });
  await page.getByTestId('counter-call-next').click();
  await page.locator(`[data-testid="counter-current"][data-label="${label}"]`).waitFor({ timeout: 30_000 });
  await settled(page);
  await page.getByTestId('counter-start').click();
  await page.locator('[data-testid="counter-current"][data-state="serving"]').waitFor();
  await settled(page);
  // The filing form when the ticket names a person, the person finder for a walk-in.
  await page.locator('[data-testid="desk-filing"], [data-testid="desk-finder"]').waitFor();
}

export async function chooseEvent(page: Page, code: string) {
  await page.getByTestId('desk-event').selectOption(code);
  await page.locator(`[data-testid="desk-form"][data-event="${code}"]`).waitFor();
}

export async function tick(page: Page, code: string, edition: string, validity = '', copies = '1') {
  await page.getByTestId(`desk-handed-${code}`).check();
  await page.getByTestId(`desk-edition-${code}`).fill(edition);
  if (validity) await page.getByTestId(`desk-validity-${code}`).fill(validity);
  await page.getByTestId(`desk-copies-${code}`).fill(copies);
}

/** Presses save and returns the receipt's PDF text, lines with runs of spaces collapsed. */
export async function saveAndPrint(page: Page, dir: string, name: string): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('desk-save').click()]);
  const file = join(dir, name);
  await download.saveAs(file);
  const text = execFileSync(PDFTOTEXT, ['-layout', file, '-'], { encoding: 'utf8' });
  return text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

const admin = basicAuth(ADMIN.name, ADMIN.password);

/** The first `count` persons of the demo data, read on the server. */
export async function persons(app: BrowserApp, count: number): Promise<Person[]> {
  const res = await couch(app.url, admin, 'GET', `/fo_people/_all_docs?startkey="person:"&endkey="person:\uffff"&include_docs=true&limit=${count}`);
  return (res.body.rows as { doc: Person }[]).map((r) => r.doc);
}

/** The branch's submissions as the server holds them. */
export async function serverSubmissions(app: BrowserApp): Promise<Submission[]> {
  const res = await couch(app.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey="submission:"&endkey="submission:\uffff"&include_docs=true`);
  return (res.body.rows as { doc: Submission }[]).map((r) => r.doc);
}
