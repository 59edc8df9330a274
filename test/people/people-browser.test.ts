/**
 * People at national scale in Chromium (issue 10, docs/PEOPLE.md): a dla counter tablet finds,
 * online, an insurant of another branch (fetched through the server and kept on the tablet);
 * with the network cut it still finds that one and one of its own branch, saying the search
 * was on the device only, and says plainly that an insurant it never held is not on the device.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { demoUser } from '../browser/support/demo-users.ts';
import { SignInPage } from '../browser/pages/sign-in-page.ts';
import { Shell } from '../browser/pages/shell.ts';
import { ADMIN, basicAuth, couch, signIn } from '../support/couch-http.ts';
import { axeViolations, cspViolations, describeFindings, watchCsp } from '../support/page-audit.ts';
import { waitFor } from '../support/wait-for.ts';
import { issueTicket } from '../../app/queue/ops.ts';
import { branchDay } from '../../app/queue/numbering.ts';
import { fr } from '../../app/i18n/fr.ts';
import type { Person } from '../../couch-design/types/person.ts';
import { actorFor } from '../queue/support/drain.ts';
import { httpQueueStore } from '../queue/support/http-store.ts';

const app = useBrowserApp();
const admin = basicAuth(ADMIN.name, ADMIN.password);

async function insurants(): Promise<Person[]> {
  const res = await couch(app.url, admin, 'GET', `/fo_people/_all_docs?startkey="person:"&endkey="person:\uffff"&include_docs=true`);
  return (res.body.rows as { doc: Person }[]).map((r) => r.doc).filter((p) => p.kind === 'insurant');
}

async function find(page: Page, query: string) {
  await page.getByTestId('desk-find-query').fill(query);
  await page.getByTestId('desk-find-submit').click();
}

describe('a counter tablet searches the whole institution online and its own persons offline', () => {
  it('finds and keeps an insurant of another branch; offline says who is not on the device', async () => {
    const all = await insurants();
    const alone = (p: Person) => all.filter((q) => q.familyName === p.familyName && q.givenName === p.givenName).length === 1;
    const [yde, stranger] = all.filter((p) => p.branch === 'yde' && alone(p));
    const own = all.find((p) => p.branch === 'dla')!;

    const session = await signIn(app.url, 'reception.dla', 'demo-reception');
    const store = httpQueueStore(app.url, session, 'fo_branch_dla', { writes: 0, conflicts: 0, queries: 0 });
    const issued = await issueTicket(store, { day: branchDay(new Date(), 'Africa/Douala'), service: { code: 'family', series: 'F' } }, { used: [], slot: null }, actorFor('dla', 'reception.dla', 'ptest')());
    if (!issued.ok) throw new Error(issued.error);

    const context = await app.context({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    await watchCsp(context);
    const page = await context.newPage();
    const user = demoUser('counter.dla');
    await (await SignInPage.open(page, app.url)).signInAs(user);
    const shell = new Shell(page);
    await shell.waitForScreen(user.screen);
    await page.getByTestId('counter-code').selectOption('C06');
    for (const box of await page.locator('[data-testid^="counter-service-"]').all()) await box.setChecked((await box.getAttribute('data-testid')) === 'counter-service-family');
    await page.getByTestId('counter-open').click();
    await page.locator('[data-testid="counter-waiting"]:not([data-count="0"])').waitFor({ timeout: 60_000 });
    await page.getByTestId('counter-call-next').click();
    await page.locator(`[data-testid="counter-current"][data-label="${issued.value.label}"]`).waitFor({ timeout: 30_000 });
    await waitFor('no action in flight', async () => ((await page.locator('[aria-busy="true"]').count()) === 0 ? true : null));
    await page.getByTestId('counter-start').click();
    await page.getByTestId('desk-finder').waitFor({ timeout: 30_000 });

    // Online: an insurant of Yaoundé, whom this Douala tablet does not replicate.
    await find(page, `${yde!.givenName} ${yde!.familyName}`);
    await page.getByTestId(`desk-pick-${yde!.number}`).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('desk-find-where').count()).toBe(0);
    expect(describeFindings(await axeViolations(page)), 'axe on the results').toBe('');
    // The tablet's own people have arrived before the link is cut (its first sync is over).
    await shell.sync.waitFor('online', 120_000);

    await context.setOffline(true);
    await find(page, yde!.number);
    await page.getByTestId(`desk-pick-${yde!.number}`).waitFor();
    await expect.poll(() => page.getByTestId('desk-find-where').textContent()).toBe(fr['people.deviceOnly']);
    await find(page, `${own.familyName} ${own.givenName}`);
    await page.getByTestId(`desk-pick-${own.number}`).waitFor({ timeout: 30_000 });
    await find(page, stranger!.number);
    await expect.poll(() => page.getByTestId('desk-find-where').textContent()).toBe(fr['people.notOnDevice']);
    expect(await page.locator('[data-testid^="desk-pick-"]').count()).toBe(0);
    expect(describeFindings(await axeViolations(page)), 'axe on the offline answer').toBe('');

    // The kept insurant's file opens offline.
    await find(page, yde!.number);
    await page.getByTestId(`desk-pick-${yde!.number}`).click();
    await page.locator(`[data-testid="counter-person"][data-person="${yde!._id}"]`).waitFor({ timeout: 30_000 });
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  }, 300_000);
});
