/**
 * The front desk in Chromium against the real server (issue 9): reception, kiosk and the
 * waiting-room display at their target sizes. Double submission (item 1), a clean form for
 * every visitor (item 3), a new kiosk claiming its offline block on the embedded engine
 * (item 4), one wait estimate everywhere and no call left on the TV (item 8), no CSP
 * violation (item 9), kiosk number check and display language/voice (item 11), axe 0; the
 * kiosk's language switch fetches the other language's parts of the dictionary (issue 15).
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { demoUser } from '../browser/support/demo-users.ts';
import { SignInPage } from '../browser/pages/sign-in-page.ts';
import { Shell } from '../browser/pages/shell.ts';
import { ADMIN, basicAuth, couch } from '../support/couch-http.ts';
import { axeViolations, cspViolations, describeFindings, keepScreenshot, watchCsp } from '../support/page-audit.ts';
import { waitFor } from '../support/wait-for.ts';

const app = useBrowserApp();
const admin = basicAuth(ADMIN.name, ADMIN.password);

const RECEPTION = { width: 1280, height: 800 };
const KIOSK = { width: 1080, height: 1920 };
const DISPLAY = { width: 1920, height: 1080 };

interface ServerTicket {
  _id: string;
  label: string;
  service: string;
  state: string;
  personId?: string;
  priority?: string;
  note?: string;
}

async function serverTickets(): Promise<ServerTicket[]> {
  const res = await couch(app.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey="ticket:dla:"&endkey="ticket:dla:\uffff"&include_docs=true`);
  return (res.body.rows as { doc: ServerTicket }[]).map((r) => r.doc);
}

async function signedIn(name: string, viewport: { width: number; height: number }, prepare?: (context: BrowserContext) => Promise<void>): Promise<Page> {
  const context = await app.context({ viewport });
  await watchCsp(context);
  await prepare?.(context);
  const page = await context.newPage();
  const signIn = await SignInPage.open(page, app.url);
  const user = demoUser(name);
  await signIn.signInAs(user);
  await new Shell(page).waitForScreen(user.screen);
  return page;
}

async function audit(page: Page, name: string): Promise<void> {
  expect(await cspViolations(page), `CSP violations on ${name}`).toEqual([]);
  const findings = await axeViolations(page);
  expect(findings, `axe on ${name}:\n${describeFindings(findings)}`).toEqual([]);
  await keepScreenshot(page, name);
}

/** Waits until the kiosk lists its services (they come with the first sync). */
async function kioskReady(kiosk: Page) {
  await kiosk.getByTestId('kiosk-service-family').waitFor({ timeout: 30_000 });
}

async function receptionReady(reception: Page) {
  await reception.locator('[data-testid="reception-service"] option[value="family"]').waitFor({ state: 'attached', timeout: 30_000 });
}

describe('front desk in the browser', () => {
  it('reception: a double click issues one ticket, the next visitor starts clean (items 1, 3), axe and CSP clean at 1280×800', async () => {
    const reception = await signedIn('reception.dla', RECEPTION);
    await receptionReady(reception);
    await audit(reception, 'reception');
    const before = (await serverTickets()).length;

    // Item 3: a visitor with a file, a priority and a note.
    await reception.getByTestId('reception-search').fill('415120');
    await reception.getByTestId('reception-search-submit').click();
    await reception.getByTestId('reception-person-415120').click();
    await reception.getByTestId('reception-person').waitFor();
    await reception.getByTestId('reception-service').selectOption('family');
    await reception.getByTestId('reception-priority').selectOption('elderly');
    await reception.getByTestId('reception-note').fill('wheelchair');
    // Item 1: double click on the main action.
    await reception.getByTestId('reception-issue').dblclick();
    const first = reception.getByTestId('ticket-label');
    await first.waitFor();
    const firstLabel = (await first.textContent())!;
    expect(firstLabel).toMatch(/^F\d{3}$/);
    await audit(reception, 'reception-issued');

    // The form is the next visitor's: nothing of the previous one.
    await waitFor('the form for the next visitor', async () => ((await reception.getByTestId('reception-service').inputValue()) === '' ? true : null));
    expect(await reception.getByTestId('reception-person').count()).toBe(0);
    expect(await reception.getByTestId('reception-priority').inputValue()).toBe('');
    expect(await reception.getByTestId('reception-note').inputValue()).toBe('');
    expect(await reception.getByTestId('reception-search').inputValue()).toBe('');

    // The next visitor, without file or priority: their ticket carries nothing of the first.
    await reception.getByTestId('reception-service').selectOption('pension');
    await reception.getByTestId('reception-issue').click();
    await waitFor('the second ticket', async () => ((await reception.getByTestId('ticket-label').textContent())?.startsWith('P') ? true : null));
    const tickets = (await serverTickets()).slice(before);
    // Exactly two tickets: the double click issued one.
    expect(tickets.map((t) => t.label).sort()).toEqual([firstLabel, (await reception.getByTestId('ticket-label').textContent())!].sort());
    const family = tickets.find((t) => t.label === firstLabel)!;
    expect(family).toMatchObject({ personId: 'person:415120', priority: 'elderly', note: 'wheelchair' });
    const pension = tickets.find((t) => t.service === 'pension')!;
    expect(pension.personId).toBeUndefined();
    expect(pension.priority).toBeUndefined();
    expect(pension.note).toBeUndefined();
  }, 120_000);

  it('kiosk: one ticket per double tap, only well-formed numbers, axe and CSP clean at 1080×1920 (items 1, 9, 11)', async () => {
    const kiosk = await signedIn('kiosk.dla', KIOSK);
    await kioskReady(kiosk);
    await audit(kiosk, 'kiosk');
    const before = (await serverTickets()).length;

    await kiosk.getByTestId('kiosk-service-work_injury').click();
    for (const k of '12') await kiosk.getByTestId(`kiosk-key-${k}`).click();
    await kiosk.getByTestId('kiosk-take').click();
    const error = kiosk.getByTestId('kiosk-number-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('4 to 20 digits');
    await audit(kiosk, 'kiosk-number');
    expect((await serverTickets()).length).toBe(before);

    await kiosk.getByTestId('kiosk-key-clear').click();
    for (const k of '1512345678') await kiosk.getByTestId(`kiosk-key-${k}`).click();
    expect(await kiosk.getByTestId('kiosk-number').textContent()).toBe('1512345678');
    expect(await error.count()).toBe(0);
    await kiosk.getByTestId('kiosk-take').dblclick();
    await kiosk.getByTestId('ticket-label').waitFor();
    const label = (await kiosk.getByTestId('ticket-label').textContent())!;
    await audit(kiosk, 'kiosk-ticket');

    // The next visitor at the kiosk: one more ticket, numbered right after (no ghost ticket between).
    await kiosk.getByTestId('kiosk-done').click();
    await kiosk.getByTestId('kiosk-service-work_injury').click();
    expect(await kiosk.getByTestId('kiosk-number').textContent()).toBe('');
    await kiosk.getByTestId('kiosk-take').click();
    await kiosk.getByTestId('ticket-label').waitFor();
    const next = (await kiosk.getByTestId('ticket-label').textContent())!;
    expect(Number(next.slice(1))).toBe(Number(label.slice(1)) + 1);
    const mine = (await serverTickets()).slice(before);
    expect(mine.map((t) => t.label)).toEqual([label, next]);
    expect(mine[0]!.personId).toBe('person:1512345678');
    expect(mine[1]!.personId).toBeUndefined();

    // The visitor's language: the kiosk's own strings (its part of the dictionary) come in French
    // on the switch, and back in English (a string shown before its part fails the test: browser-app.ts).
    await kiosk.getByTestId('kiosk-done').click();
    await kiosk.getByTestId('kiosk-locale').click();
    await kiosk.getByRole('heading', { name: 'Touchez un service' }).waitFor();
    await kiosk.getByTestId('kiosk-service-work_injury').click();
    expect(await kiosk.getByTestId('kiosk-take').textContent()).toBe('Sans numéro');
    await kiosk.getByTestId('kiosk-locale').click();
    await kiosk.getByTestId('kiosk-take').getByText('No number').waitFor();
  }, 120_000);

  it('a new kiosk claims its offline block (409 = taken, as on CouchDB) and issues offline (item 4)', async () => {
    // Slot 1 is taken by the reception desk.
    await signedIn('reception.dla', RECEPTION);
    await waitFor('slot 1 on the server', async () => ((await couch(app.url, admin, 'GET', '/fo_branch_dla/device:dla:1')).status === 200 ? true : null), 30_000);

    // A brand-new kiosk whose replica has not pulled the branch yet when it claims a slot, as on
    // a first sign-in: its replication waits until the server answered its first slot claim.
    const claims: number[] = [];
    let release!: () => void;
    const claimed = new Promise<void>((resolve) => (release = resolve));
    const kiosk = await signedIn('kiosk.dla', KIOSK, async (context) => {
      await context.route('**/db/fo_branch_dla/**', async (route) => {
        const url = route.request().url();
        if (route.request().method() === 'PUT' && decodeURIComponent(url).includes('/device:dla:')) {
          const response = await route.fetch();
          claims.push(response.status());
          await route.fulfill({ response });
          release();
          return;
        }
        await claimed;
        await route.continue().catch(() => undefined);
      });
    });
    await kioskReady(kiosk);
    await waitFor('the kiosk slot', async () => ((await kiosk.evaluate(() => localStorage.getItem('fo.deviceSlot.dla'))) ? true : null), 30_000);
    // The engine refused slot 1 with 409, as CouchDB does (a create over a live document); the kiosk took the next.
    expect(claims[0]).toBe(409);
    expect(claims.at(-1)).toBe(201);

    await kiosk.context().setOffline(true);
    await kiosk.getByTestId('kiosk-service-family').click();
    await kiosk.getByTestId('kiosk-take').click();
    await kiosk.getByTestId('ticket-offline').waitFor();
    const slot = Number(await kiosk.evaluate(() => localStorage.getItem('fo.deviceSlot.dla')));
    expect(slot).toBeGreaterThan(1);
    const seq = Number((await kiosk.getByTestId('ticket-label').textContent())!.slice(1));
    expect(seq).toBeGreaterThan(slot * 1000);
    expect(seq).toBeLessThan(slot * 1000 + 1000);
  }, 120_000);

  it('one wait estimate on kiosk, ticket, reception and display; no call left on the TV; display language and voice per device (items 8, 9, 11)', async () => {
    const display = await signedIn('display.dla', DISPLAY, (context) => context.clock.install());
    const kiosk = await signedIn('kiosk.dla', KIOSK);
    const reception = await signedIn('reception.dla', RECEPTION);
    await Promise.all([kioskReady(kiosk), receptionReady(reception), display.getByTestId('display-waiting-pension').waitFor({ timeout: 30_000 })]);

    const waits = async (service: string) => ({
      kiosk: await kiosk.getByTestId(`kiosk-wait-${service}`).getAttribute('data-wait'),
      kioskText: await kiosk.getByTestId(`kiosk-wait-${service}`).textContent(),
      reception: await reception.getByTestId(`reception-queue-${service}`).getAttribute('data-wait'),
      receptionText: await reception.getByTestId(`reception-queue-${service}`).textContent(),
      display: await display.getByTestId(`display-waiting-${service}`).getAttribute('data-wait'),
      displayText: await display.getByTestId(`display-wait-${service}`).textContent(),
    });
    // No counter open for employers: every screen says so, in the same words.
    await waitFor('no counter everywhere', async () => {
      const w = await waits('employers');
      return w.kiosk === 'no_counter' && w.reception === 'no_counter' && w.display === 'no_counter' ? w : null;
    });
    const closed = await waits('employers');
    expect(closed.kioskText).toContain('No counter open for this service');
    expect(closed.receptionText).toContain('No counter open for this service');
    expect(closed.displayText).toBe('No counter open for this service');

    // A counter opens for employers: an empty queue is "No wait" everywhere (not "≈ 6 min").
    const counter = await signedIn('counter.dla', RECEPTION);
    // C05 takes the employers' queue only (demo service matrix).
    await counter.getByTestId('counter-code').selectOption('C05');
    await counter.getByTestId('counter-open').click();
    await counter.getByTestId('counter-status').waitFor();
    const service = 'employers';
    await waitFor('no wait everywhere', async () => {
      const w = await waits(service);
      return w.kiosk === 'none' && w.reception === 'none' && w.display === 'none' ? w : null;
    }, 30_000);
    expect((await waits(service)).displayText).toBe('No wait');

    // A visitor takes a ticket at the kiosk: the ticket's wait is the one the kiosk showed.
    await kiosk.getByTestId(`kiosk-service-${service}`).click();
    await kiosk.getByTestId('kiosk-take').click();
    await kiosk.getByTestId('ticket-wait').waitFor();
    expect(await kiosk.getByTestId('ticket-wait').getAttribute('data-wait')).toBe('none');
    expect(await kiosk.getByTestId('ticket-wait').textContent()).toBe('No wait');
    const label = (await kiosk.getByTestId('ticket-label').textContent())!;
    // The next visitor would have one person ahead: the same minutes on the three screens.
    await waitFor('one ahead everywhere', async () => {
      const w = await waits(service);
      return w.kiosk === 'minutes' && w.reception === 'minutes' && w.display === 'minutes' ? w : null;
    }, 30_000);
    const one = await waits(service);
    const minutes = one.displayText!;
    expect(minutes).toMatch(/^\d+ min$/);
    expect(one.kioskText).toContain(minutes);
    expect(one.receptionText).toContain(minutes);

    // The counter calls it, then its session goes away with the ticket left "called".
    await counter.getByTestId('counter-call-next').click();
    await counter.getByTestId('counter-current').waitFor();
    const call = display.locator(`[data-testid="display-call"][data-label="${label}"]`);
    await call.waitFor({ timeout: 30_000 });
    expect(await display.locator('[data-testid="display-call"]').first().getAttribute('data-label')).toBe(label);
    await audit(display, 'display');
    await counter.context().close();
    // Ten minutes on, nobody answered the call: the TV no longer shows it.
    await display.clock.fastForward('11:00');
    await display.getByTestId('display-none').waitFor({ timeout: 30_000 });
    expect(await call.count()).toBe(0);

    // Per-device language and voice, from the small settings control.
    await display.getByTestId('display-settings-open').click();
    await display.getByTestId('display-settings').waitFor();
    await audit(display, 'display-settings');
    await display.getByTestId('display-lang-fr').check();
    await display.getByTestId('display-voice').uncheck();
    await display.getByTestId('display-settings-close').click();
    await display.reload();
    await display.getByTestId('screen-display').waitFor({ timeout: 30_000 });
    expect(await display.getByTestId('screen-display').getAttribute('data-voice')).toBe('off');
    expect(await display.locator('html').getAttribute('lang')).toBe('fr');
    await display.getByTestId(`display-wait-${service}`).waitFor({ timeout: 30_000 });
    expect(await display.locator('.display-side-title').textContent()).toBe('En attente');
    expect(await cspViolations(display)).toEqual([]);
  }, 180_000);
});
