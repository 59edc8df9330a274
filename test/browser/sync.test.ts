/** The sync indicator: offline and back, last sync, first-sync progress, and a write the server refuses. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../../app/i18n/en.ts';
import { counterStateId } from '../../couch-design/types/counter-state.ts';
import { validateDocUpdate, validateForWrite } from '../../couch-design/validate/entry.ts';
import { generateBranchOperationalDocs } from '../../server/demo-data/generate.ts';
import { ADMIN, basicAuth, couch, couchAt, engineUrl } from '../support/couch-http.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { demoUser, type DemoUser } from './support/demo-users.ts';
import { LocalReplica } from './support/local-replica.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { Shell } from './pages/shell.ts';

const app = useBrowserApp();
LocalReplica.prepare();
const admin = basicAuth(ADMIN.name, ADMIN.password);

async function signedIn(page: Page, user: DemoUser): Promise<Shell> {
  const signIn = await SignInPage.open(page, app.url);
  await signIn.signInAs(user);
  const shell = new Shell(page);
  await shell.waitForScreen(user.screen);
  return shell;
}

/** id -> rev of every document of a server database. */
async function serverRevs(db: string): Promise<Map<string, string>> {
  const res = await couch(app.url, admin, 'GET', `/${db}/_all_docs`);
  expect(res.status).toBe(200);
  return new Map((res.body.rows as { id: string; value: { rev: string } }[]).map((r) => [r.id, r.value.rev]));
}

async function serverIds(db: string): Promise<string[]> {
  const res = await couch(app.url, admin, 'GET', `/${db}/_all_docs`);
  expect(res.status).toBe(200);
  return (res.body.rows as { id: string }[]).map((r) => r.id);
}

/** Test-side record of the first-sync panel: every `data-done` it showed, even briefly. */
declare global {
  interface Window {
    firstSyncSeen?: { shown: boolean; done: number[] };
  }
}
function recordFirstSync() {
  const seen = { shown: false, done: [] as number[] };
  window.firstSyncSeen = seen;
  const note = (value: string | null) => value !== null && seen.done.push(Number(value));
  new MutationObserver((records) => {
    if (document.querySelector('[data-testid="first-sync"]')) seen.shown = true;
    for (const r of records) if (r.type === 'attributes') note(r.oldValue);
    note(document.querySelector('[data-testid="first-sync-count"]')?.getAttribute('data-done') ?? null);
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-done'], attributeOldValue: true });
}

/** Test-side record of the "Preparing this device…" panel, and whether a screen was ever shown beside it. */
declare global {
  interface Window {
    prepareSeen?: { panel: boolean; both: boolean };
  }
}
function recordPrepare() {
  const seen = { panel: false, both: false };
  window.prepareSeen = seen;
  new MutationObserver(() => {
    const panel = document.querySelector('[data-testid="prepare-device"]') !== null;
    const screen = document.querySelector('[data-testid^="screen-"]') !== null;
    seen.panel ||= panel;
    seen.both ||= panel && screen;
  }).observe(document, { subtree: true, childList: true });
}

describe('first sign-in on a device (issue 9 item 6)', () => {
  it('shows "Preparing this device…" instead of an empty screen, then the screen with its services', async () => {
    const context = await app.context();
    await context.addInitScript(recordPrepare);
    const page = await context.newPage();
    const signIn = await SignInPage.open(page, app.url);
    await signIn.signInAs(demoUser('kiosk.dla'));
    const shell = new Shell(page);
    await shell.waitForScreen('kiosk');
    // The services come from the local reference replica, already pulled when the screen opens
    // (before: they appeared at the screen's next 15 s refresh).
    await page.locator('[data-testid^="kiosk-service-"]').first().waitFor({ timeout: 10_000 });
    const seen = await page.evaluate(() => window.prepareSeen!);
    expect(seen.panel, 'the "Preparing this device…" panel was shown').toBe(true);
    expect(seen.both, 'the panel stands in for the screen, never beside it').toBe(false);
    expect(await page.getByTestId('prepare-device').count()).toBe(0);

    // A second sign-in on the same device does not prepare it again.
    await page.evaluate(() => (window.prepareSeen = { panel: false, both: false }));
    await page.reload();
    await shell.waitForScreen('kiosk');
    expect((await page.evaluate(() => window.prepareSeen!)).panel).toBe(false);
  }, 60_000);
});

describe('sync indicator', () => {
  it('goes offline with the link and back online when it returns, with the last sync time', async () => {
    const page = await app.page();
    const shell = await signedIn(page, demoUser('counter.dla'));
    await shell.sync.waitFor('online');
    expect(await shell.sync.root.textContent()).toContain(en['sync.online']);
    expect(await shell.sync.lastText()).toMatch(new RegExp(`^${en['sync.last'].replace('{time}', '')}\\d{1,2}:\\d{2}`));

    await page.context().setOffline(true);
    await shell.sync.waitFor('offline');
    expect(await shell.sync.root.textContent()).toContain(en['sync.offline']);

    await page.context().setOffline(false);
    await shell.sync.waitFor('online');
    expect(await shell.sync.error.count()).toBe(0);
  });

  it('counts the writes waiting offline (issue 9 item 7), and 0 once they reached the server', async () => {
    const page = await app.page();
    const shell = await signedIn(page, demoUser('counter.dla'));
    await shell.sync.waitFor('online');
    await page.getByTestId('counter-code').selectOption('C03');
    await page.getByTestId('counter-open').click();
    await page.getByTestId('counter-status').waitFor();
    await expect.poll(() => shell.sync.pending.getAttribute('data-count'), { timeout: 15_000 }).toBe('0');
    await shell.sync.waitFor('online');
    const before = await serverRevs('fo_branch_dla');

    // Offline, the counter serves a walk-in: the queue screens write through their own
    // handle on the branch replica (app/data/remote-write.ts), not through the data layer.
    await page.context().setOffline(true);
    await shell.sync.waitFor('offline');
    await page.getByTestId('counter-walkin-service').selectOption('family');
    await page.getByTestId('counter-walkin').click();
    await page.getByTestId('counter-current').waitFor();
    // The walk-in's writes (ticket, counter state, visit) land one after another: read the
    // count once it has stopped moving, not at its first step.
    let shown = 0;
    await expect
      .poll(
        async () => {
          const seen = Number(await shell.sync.pending.getAttribute('data-count'));
          const settled = seen > 0 && seen === shown;
          shown = seen;
          return settled;
        },
        { timeout: 10_000, interval: 1000 },
      )
      .toBe(true);
    expect(await shell.sync.pending.textContent()).toBe(en['sync.pending'].replace('{count}', String(shown)));

    // The truth: what reaches the server once the link returns, new documents and new revisions.
    await page.context().setOffline(false);
    await shell.sync.waitFor('online');
    await expect.poll(() => shell.sync.pending.getAttribute('data-count'), { timeout: 15_000 }).toBe('0');
    const after = await serverRevs('fo_branch_dla');
    const pushed = [...after].filter(([id, rev]) => before.get(id) !== rev).map(([id]) => id);
    expect(pushed.length, `pushed: ${pushed.join(', ')}`).toBe(shown);
  }, 60_000);

  it('shows the first sync progressing, then holds every branch document locally', async () => {
    // The demo branch databases start empty: give the branch a few days of tickets first.
    const seeded = generateBranchOperationalDocs('dla', 40);
    const written = await couch(app.url, admin, 'POST', '/fo_branch_dla/_bulk_docs', { docs: seeded });
    expect(written.status).toBe(201);
    expect((written.body as { error?: string }[]).filter((r) => r.error)).toEqual([]);

    const context = await app.context();
    await context.addInitScript(recordFirstSync);
    const page = await context.newPage();
    const user = demoUser('counter.dla');
    const shell = await signedIn(page, user);
    await shell.firstSync.root.waitFor({ state: 'detached', timeout: 45_000 });
    await shell.sync.waitFor('online');
    const seen = await page.evaluate(() => window.firstSyncSeen!);
    expect(seen.shown).toBe(true);
    expect(Math.max(0, ...seen.done)).toBeGreaterThan(0);

    const replica = await LocalReplica.open(context, app.url);
    for (const db of ['fo_ref', 'fo_branch_dla']) {
      const local = await replica.ids(user.name, db);
      expect(local, db).toEqual(await serverIds(db));
    }
    // fo_people: the share of the device's branch only (docs/PEOPLE.md), every document of it.
    const people = await couch(app.url, admin, 'GET', '/fo_people/_all_docs?include_docs=true');
    const dla = (people.body.rows as { id: string; doc: { branch?: string } }[]).filter((r) => r.doc.branch === 'dla').map((r) => r.id);
    expect(dla.length).toBeGreaterThan(100);
    expect(await replica.ids(user.name, 'fo_people'), 'fo_people').toEqual(dla);
    expect(await replica.ids(user.name, 'fo_branch_dla')).toEqual(expect.arrayContaining(seeded.map((d) => d._id)));
  }, 90_000);

  it('shows a write the server refuses (the role was withdrawn after sign-in)', async () => {
    const context = await app.context();
    const page = await context.newPage();
    const user = demoUser('counter.yde');
    const shell = await signedIn(page, user);
    await shell.sync.waitFor('online');

    // Head office withdraws the counter role; the device still has the roles of its sign-in.
    const userPath = `/_users/${encodeURIComponent(`org.couchdb.user:${user.name}`)}`;
    const engine = engineUrl(app.server);
    const record = await couchAt(engine, admin, 'GET', userPath);
    expect(record.body.roles).toEqual(['counter', 'branch:yde']);
    const withdrawn = ['reception', 'branch:yde'];
    expect((await couchAt(engine, admin, 'PUT', userPath, { ...record.body, roles: withdrawn })).status).toBe(201);

    // A counter opening its desk: the app's validator accepts it with the sign-in roles, the server's now refuses it.
    const doc = { _id: counterStateId('yde', 'C01'), type: 'counter_state', branch: 'yde', counter: 'C01', status: 'open', agent: user.name, updatedAt: new Date().toISOString() };
    expect(validateForWrite(doc, null, { name: user.name, roles: ['counter', 'branch:yde'] }, 'branch')).toEqual([]);
    expect(validateDocUpdate(doc, null, { name: user.name, roles: withdrawn }, 'branch')).toContainEqual({ field: '_id', code: 'forbidden_role' });
    const docPath = `/fo_branch_yde/${encodeURIComponent(doc._id)}`;
    expect((await couch(app.url, admin, 'GET', docPath)).status).toBe(404);

    const replica = await LocalReplica.open(context, app.url);
    await replica.put(user.name, 'fo_branch_yde', doc);

    await shell.sync.waitFor('error');
    const shown = await shell.sync.errorText();
    expect(shown).toContain(en['sync.denied'].replace('{id}', doc._id).replace(/\{reason\}.*/, ''));
    // The contract's reason code reaches the user translated, not as a code.
    expect(shown).toContain(en['problem.forbidden_role'].replace('{field}', '_id'));
    expect((await couch(app.url, admin, 'GET', docPath)).status).toBe(404);

    await shell.sync.dismissError();
    await shell.sync.error.waitFor({ state: 'detached' });
    await shell.sync.waitFor('online');
  });
});
