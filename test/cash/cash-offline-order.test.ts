/**
 * One payment order paid by two cash desks that were both offline (issue 12, docs/CASH.md):
 * two devices (PouchDB replicas, as the app's) pull the branch, go offline, each opens its desk
 * and pays the same authorised order (the order's paid revision, then the payment entry, both
 * into the replica through the contract's validator), then sync. The server keeps the first
 * paid revision and refuses the second; both payments arrive; the supervisor's board shows the
 * order paid twice at once, with what to do, in Chromium (axe and CSP clean); once the second
 * desk reverses its payment the finding goes.
 *
 * Both desks are worked by the demo's one cashier of the branch: the server cannot refuse a
 * cashier's second session on another desk (no single document shows it), which the audit
 * reports too — a finding this test expects alongside.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import type { CashSession } from '../../couch-design/types/cash.ts';
import type { PaymentOrder } from '../../couch-design/types/payment-order.ts';
import { putDoc, allDocsByPrefix, type DocBase } from '../../app/data/docs.ts';
import { validateWrite } from '../../app/data/validate.ts';
import { cashSettings } from '../../app/cash/config.ts';
import { openSession } from '../../app/cash/session.ts';
import { paidOrder, payment, reversal } from '../../app/cash/entries.ts';
import { audit } from '../../app/cash/audit.ts';
import { en } from '../../app/i18n/en.ts';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { demoUser } from '../browser/support/demo-users.ts';
import { SignInPage } from '../browser/pages/sign-in-page.ts';
import { Shell } from '../browser/pages/shell.ts';
import { ADMIN, basicAuth, couch, signIn } from '../support/couch-http.ts';
import { axeViolations, cspViolations, describeFindings, watchCsp } from '../support/page-audit.ts';
import { PouchDB, gatewayDb } from '../support/device-pouch.ts';

const app = useBrowserApp();
const admin = basicAuth(ADMIN.name, ADMIN.password);
const CASHIER = { name: 'cashier.dla', roles: ['cashier', 'branch:dla'] };
const settings = cashSettings({ currency: 'XAF', currencyDecimals: 0 });
const devices: PouchDB.Database<{}>[] = [];
afterAll(async () => {
  for (const d of devices) await d.destroy();
});


/** A cash desk device, offline: every write goes into its replica through the contract. */
function desk(db: PouchDB.Database<{}>) {
  const put = <T extends DocBase>(doc: T) => putDoc(db, doc, { validate: validateWrite, context: { db: 'fo_branch_dla', user: CASHIER } });
  return {
    put,
    async open(counter: string, at: string): Promise<CashSession> {
      const r = openSession({ branch: 'dla', day: at.slice(0, 10), counter, cashier: CASHIER.name, currency: 'XAF', at, float: 200000, settings, lastOfDesk: null, openOfCashier: [] });
      if (!('session' in r)) throw new Error(JSON.stringify(r.problems));
      return put(r.session);
    },
    /** As the screen pays (cash-desk.ts `pay`): the order's paid revision, then the entry. */
    async pay(session: CashSession, orderId: string, at: string): Promise<CashEntry> {
      const order = (await db.get(orderId)) as unknown as PaymentOrder;
      const last = (await allDocsByPrefix<CashEntry>(db, `cash:dla:${session.counter}:`)).at(-1) ?? null;
      const built = payment({ session, last, settings, at, day: at.slice(0, 10) }, order, 'CNI 998877', { means: 'cash' });
      if (!('entry' in built)) throw new Error(JSON.stringify(built.problems));
      await put(paidOrder(order, built.entry));
      return put(built.entry);
    },
  };
}

async function findingsOnServer(): Promise<ReturnType<typeof audit>> {
  const all = async <T,>(prefix: string) =>
    ((await couch(app.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey="${prefix}"&endkey="${prefix}\uffff"&include_docs=true`)).body.rows as { doc: T }[]).map((r) => r.doc);
  return audit({ entries: await all<CashEntry>('cash:dla:'), sessions: await all<CashSession>('cashsession:dla:'), approvals: (await all<{ _id: string }>('cashapproval:dla:')).map((a) => a._id) });
}

describe('a payment order paid by two offline desks', () => {
  it('keeps both payments, refuses the second paid revision, and shows the supervisor the order paid twice until one is reversed', async () => {
    const remote = gatewayDb(app.url, 'fo_branch_dla', await signIn(app.url, CASHIER.name, 'demo-cashier'));
    const orders = (await couch(app.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey="payorder:dla:"&endkey="payorder:dla:\uffff"&include_docs=true`)).body.rows as { doc: PaymentOrder }[];
    const order = orders.map((r) => r.doc).find((o) => o.state === 'authorised' && o.kind === 'daily_allowance')!;
    expect(order.amount, 'below the reversal threshold: no approval needed to recover').toBeLessThan(settings.reversalThreshold);

    // Both devices hold the branch, then lose the network.
    const [a, b] = [0, 1].map((i) => new PouchDB<{}>(`offline-cash-desk-${i}`, { adapter: 'memory' }));
    devices.push(a!, b!);
    for (const d of devices) await d.replicate.from(remote);
    const deskA = desk(a!);
    const deskB = desk(b!);
    const now = new Date().toISOString();
    const sA = await deskA.open('C07', now);
    const sB = await deskB.open('C08', now);
    const payA = await deskA.pay(sA, order._id, now);
    const payB = await deskB.pay(sB, order._id, now);
    expect([payA._id, payB._id]).toEqual(['cash:dla:C07:00000001', 'cash:dla:C08:00000001']);

    // They sync, one after the other: the second desk's paid revision of the order is refused.
    const first = await a!.replicate.to(remote);
    expect(first.doc_write_failures).toBe(0);
    const second = await b!.replicate.to(remote);
    expect(second.doc_write_failures).toBe(1);
    const onServer = (await couch(app.url, admin, 'GET', `/fo_branch_dla/${encodeURIComponent(order._id)}?conflicts=true`)).body as PaymentOrder & { _conflicts?: string[] };
    expect(onServer).toMatchObject({ state: 'paid', entry: payA._id, counter: 'C07' });
    expect(onServer._conflicts).toBeUndefined();
    for (const id of [payA._id, payB._id]) expect((await couch(app.url, admin, 'GET', `/fo_branch_dla/${encodeURIComponent(id)}`)).body).toMatchObject({ kind: 'payment', order: order._id });
    const findings = await findingsOnServer();
    expect(findings).toContainEqual({ kind: 'order_paid_twice', order: order._id, entries: [payA._id, payB._id] });
    expect(findings).toContainEqual({ kind: 'cashier_two_sessions', cashier: CASHIER.name, sessions: [sA._id, sB._id] });

    // The supervisor sees it at once on the board, with what to do.
    const context = await app.context({ viewport: { width: 1280, height: 800 } });
    await watchCsp(context);
    const sup = await context.newPage();
    await (await SignInPage.open(sup, app.url)).signInAs(demoUser('supervisor.dla'));
    await new Shell(sup).waitForScreen('supervisor');
    const finding = sup.getByTestId('cash-finding-order_paid_twice');
    await finding.waitFor({ timeout: 60_000 });
    const text = (await finding.textContent())!;
    expect(text).toContain(order._id.slice('payorder:dla:'.length));
    expect(text).toContain('C07 00000001');
    expect(text).toContain('C08 00000001');
    expect(text).toContain(en['cash.findings.todo.order_paid_twice']);
    expect(describeFindings(await axeViolations(sup))).toBe('');
    expect(await cspViolations(sup)).toEqual([]);

    // The beneficiary gives the second payment back: desk C08 reverses it (back online), the finding goes.
    await b!.replicate.from(remote);
    const rev = reversal(
      { session: sB, last: payB, settings, at: new Date().toISOString(), day: now.slice(0, 10) },
      { original: payB, reversedBy: [], reason: 'Paid twice offline: money given back' },
    );
    if (!('entry' in rev)) throw new Error(JSON.stringify(rev.problems));
    await deskB.put(rev.entry);
    // The device still holds its refused revision of the order and offers it again on each push
    // (refused again); the reversal itself goes through.
    const recovery = await b!.replicate.to(remote);
    expect(recovery.errors.map((e) => (e as { id?: string }).id)).toEqual(recovery.doc_write_failures ? [order._id] : []);
    expect((await couch(app.url, admin, 'GET', `/fo_branch_dla/${encodeURIComponent(rev.entry._id)}`)).body).toMatchObject({ category: 'reversal', reverses: payB._id });
    expect((await findingsOnServer()).filter((f) => f.kind === 'order_paid_twice')).toEqual([]);
    await finding.waitFor({ state: 'detached', timeout: 60_000 });
  }, 240_000);
});
