/**
 * Issue 12: reversing an entry above the session's threshold needs a supervisor's approval.
 * In Chromium against the real server: the cashier's reversal of a large receipt is refused
 * with the reason and writes nothing; the supervisor approves it from their board in their own
 * name; the cashier's reversal then goes through and names the approval.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { demoUser } from '../browser/support/demo-users.ts';
import { SignInPage } from '../browser/pages/sign-in-page.ts';
import { Shell } from '../browser/pages/shell.ts';
import { ADMIN, basicAuth, couch, signIn } from '../support/couch-http.ts';
import { axeViolations, cspViolations, describeFindings, watchCsp } from '../support/page-audit.ts';
import { waitFor } from '../support/wait-for.ts';
import { en } from '../../app/i18n/en.ts';
import { cashSettings } from '../../app/cash/config.ts';
import { openSession } from '../../app/cash/session.ts';
import { receipt } from '../../app/cash/entries.ts';
import { branchDay } from '../../app/queue/numbering.ts';
import { cashApprovalId } from '../../couch-design/types/cash-approval.ts';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';

const app = useBrowserApp();
const admin = basicAuth(ADMIN.name, ADMIN.password);

async function serverEntries(): Promise<CashEntry[]> {
  const res = await couch(app.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey="cash:dla:C08:"&endkey="cash:dla:C08:\uffff"&include_docs=true`);
  return (res.body.rows as { doc: CashEntry }[]).map((r) => r.doc);
}

describe('a large reversal (issue 12)', () => {
  it('is refused until a supervisor approves it on their board, then names the approval', async () => {
    // The cashier's session at C08 with one large receipt, as the cash desk writes them.
    const cashier = await signIn(app.url, 'cashier.dla', 'demo-cashier');
    const settings = cashSettings({ currency: 'XAF', currencyDecimals: 0 });
    const day = branchDay(new Date(), 'Africa/Douala');
    const at = new Date().toISOString();
    const opened = openSession({ branch: 'dla', day, counter: 'C08', cashier: 'cashier.dla', currency: 'XAF', at, float: 0, settings, lastOfDesk: null, openOfCashier: [] });
    if (!('session' in opened)) throw new Error(JSON.stringify(opened.problems));
    const large = receipt({ session: opened.session, last: null, settings, at, day }, { person: 'person:415120', account: '415120', periods: ['2013-Q2'], amount: settings.reversalThreshold + 50_000, payment: { means: 'cash' } });
    if (!('entry' in large)) throw new Error(JSON.stringify(large.problems));
    for (const doc of [opened.session, large.entry]) expect((await couch(app.url, cashier, 'PUT', `/fo_branch_dla/${encodeURIComponent(doc._id)}`, doc)).status).toBe(201);

    const desk = await app.page({ viewport: { width: 1280, height: 800 } });
    await watchCsp(desk.context());
    await (await SignInPage.open(desk, app.url)).signInAs(demoUser('cashier.dla'));
    await new Shell(desk).waitForScreen('cashier');
    const reverse = desk.getByTestId('cash-reverse-1');
    await reverse.waitFor({ timeout: 60_000 });
    await reverse.click();
    await desk.getByTestId('cash-reverse-reason').fill('Wrong employer');
    await desk.getByTestId('cash-reverse-confirm').click();
    await expect.poll(() => desk.getByTestId('cash-reverse-panel').textContent()).toContain(en['cash.problem.approval_required']);
    expect((await serverEntries()).map((e) => e.number)).toEqual([1]);

    // The supervisor, on their own board.
    const sup = await app.page({ viewport: { width: 1280, height: 800 } });
    await watchCsp(sup.context());
    await (await SignInPage.open(sup, app.url)).signInAs(demoUser('supervisor.dla'));
    await new Shell(sup).waitForScreen('supervisor');
    await sup.getByTestId('cash-approve').waitFor();
    await sup.getByTestId('cash-approve-desk').selectOption('C08');
    await sup.getByTestId('cash-approve-number').fill('1');
    await waitFor('the entry on the supervisor’s replica', async () => {
      await sup.getByTestId('cash-approve-find').click();
      return (await sup.getByTestId('cash-approve-entry').count()) > 0 ? true : null;
    }, 60_000);
    await sup.getByTestId('cash-approve-confirm').click();
    await expect.poll(() => sup.getByTestId('cash-approve-error').textContent()).toBe(en['cash.approve.needReason']);
    await sup.getByTestId('cash-approve-reason').fill('Receipt made out to the wrong employer');
    await sup.getByTestId('cash-approve-confirm').click();
    await sup.getByTestId('cash-approve-done').waitFor();
    const approval = (await couch(app.url, admin, 'GET', `/fo_branch_dla/${encodeURIComponent(cashApprovalId('dla', 'C08', 1))}`)).body;
    expect(approval).toMatchObject({ supervisor: 'supervisor.dla', entry: large.entry._id, amount: large.entry.amount });
    expect(describeFindings(await axeViolations(sup))).toBe('');

    // Back at the desk: the approval has reached the tablet; the same reversal now goes through.
    await waitFor('the reversal, once the approval reached the desk', async () => {
      // The form closes once the reversal is taken; until then, try again.
      if ((await desk.getByTestId('cash-reverse-panel').count()) > 0) await desk.getByTestId('cash-reverse-confirm').click();
      return (await serverEntries()).length === 2 ? true : null;
    }, 60_000);
    const [, reversal] = await serverEntries();
    expect(reversal).toMatchObject({ number: 2, category: 'reversal', reverses: large.entry._id, approval: cashApprovalId('dla', 'C08', 1), reason: 'Wrong employer' });
    expect(await cspViolations(desk)).toEqual([]);
    expect(await cspViolations(sup)).toEqual([]);
  }, 240_000);
});
