/**
 * Issue 12, "Done means": three cash desks cut off from the server take 1,000 entries each
 * (receipts in every means, reversals, voids, a payment), then reconnect. What reaches the
 * server must account for every number of every sequence once, keep each hash chain intact,
 * and add up to what the cashiers typed; an edit of a past entry is refused, a tampered chain
 * and an order paid from two offline desks are found by the audit.
 *
 * Each desk is PouchDB in Node (memory adapter) writing through the app's validator, then
 * replicating through the server's /db/ gateway as its signed-in cashier, as a tablet does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import { cashEntryId } from '../../couch-design/types/cash-entry.ts';
import type { CashSession } from '../../couch-design/types/cash.ts';
import type { PaymentOrder } from '../../couch-design/types/payment-order.ts';
import { goodDocs } from '../../couch-design/testing/fixtures.ts';
import { putDoc } from '../../app/data/docs.ts';
import { validateWrite } from '../../app/data/validate.ts';
import { cashSettings } from '../../app/cash/config.ts';
import { openSession } from '../../app/cash/session.ts';
import { type Built, type Desk, type MeansDetails, paidOrder, payment, receipt, reversal, voidNumber } from '../../app/cash/entries.ts';
import { audit } from '../../app/cash/audit.ts';
import { verifyChain } from '../../app/cash/chain.ts';
import { dayJournal } from '../../app/cash/reports.ts';
import { ADMIN, basicAuth, couch, couchAt, engineUrl, signIn, type Session } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { PouchDB, gatewayDb } from '../support/device-pouch.ts';

const DAY = '2024-03-06';
const ENTRIES = 1000;
const settings = cashSettings({ currency: 'XAF', currencyDecimals: 0 });
const MEANS: MeansDetails[] = [
  { means: 'cash' },
  { means: 'cheque', bank: 'Afriland', chequeNumber: '0012345' },
  { means: 'transfer', reference: 'VIR-2024-0306' },
  { means: 'mobile_money', reference: 'MOMO-88' },
];

interface DeskPlan {
  branch: string;
  counter: string;
  cashier: string;
  password: string;
}

const PLANS: DeskPlan[] = [
  { branch: 'dla', counter: 'C07', cashier: 'cashier.dla', password: 'demo-cashier' },
  // One open session per cashier: the branch's second desk needs a second cashier.
  { branch: 'dla', counter: 'C08', cashier: 'cashier2.dla', password: 'second-cashier-pw' },
  { branch: 'yde', counter: 'C07', cashier: 'cashier.yde', password: 'demo-cashier' },
];

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
  const user = { _id: 'org.couchdb.user:cashier2.dla', name: 'cashier2.dla', type: 'user', roles: ['cashier', 'branch:dla'], password: 'second-cashier-pw' };
  const made = await couchAt(engineUrl(server), basicAuth(ADMIN.name, ADMIN.password), 'PUT', `/_users/${encodeURIComponent(user._id)}`, user);
  expect(made.status, JSON.stringify(made.body)).toBe(201);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});


/** An offline cash desk: its own replica, the app's validator, the cashier's identity. */
function offlineDesk(plan: DeskPlan, index: number) {
  const db = new PouchDB<{}>(`offline-desk-${index}`, { adapter: 'memory' });
  const user = { name: plan.cashier, roles: ['cashier', `branch:${plan.branch}`] };
  const options = { validate: validateWrite, context: { db: `fo_branch_${plan.branch}`, user } };
  const entries: CashEntry[] = [];
  let typed = 0;
  let second = 0;
  let session!: CashSession;
  const at = () => new Date(Date.UTC(2024, 2, 6, 7, 0, second++)).toISOString();
  const desk = (): Desk => ({ session, last: entries.at(-1) ?? null, settings, at: at(), day: DAY });
  const take = async (build: (d: Desk) => Built): Promise<CashEntry> => {
    const built = build(desk());
    if (!('entry' in built)) throw new Error(`${plan.counter}: ${JSON.stringify(built.problems)}`);
    await putDoc(db, built.entry, options);
    entries.push(built.entry);
    return built.entry;
  };
  return {
    plan,
    db,
    entries,
    typed: () => typed,
    async open() {
      const r = openSession({ branch: plan.branch, day: DAY, counter: plan.counter, cashier: plan.cashier, currency: 'XAF', at: at(), float: 20000, settings, lastOfDesk: null, openOfCashier: [] });
      if (!('session' in r)) throw new Error(JSON.stringify(r.problems));
      session = r.session;
      await putDoc(db, session, options);
    },
    /** Receipts in turn by every means; every 25th a void, every 40th a reversal of an earlier receipt. */
    async work(count: number) {
      const open: CashEntry[] = [];
      while (entries.length < count) {
        const n = entries.length + 1;
        if (n % 25 === 0) {
          await take((d) => voidNumber(d, 'Reçu mal imprimé'));
        } else if (n % 40 === 0 && open.length > 0) {
          const original = open.shift()!;
          await take((d) => reversal(d, { original, reversedBy: [], reason: 'Mauvais compte' }));
          typed -= original.amount!;
        } else {
          // Below the reversal threshold so every reversal stays within the cashier's own rights.
          const amount = 1000 + ((n * 7919) % 40) * 500;
          const e = await take((d) => receipt(d, { person: 'person:415120', account: '415120', periods: ['2013-Q2'], amount, payment: MEANS[n % MEANS.length]! }));
          typed += amount;
          open.push(e);
        }
      }
    },
    async pay(order: PaymentOrder) {
      const e = await take((d) => payment(d, order, 'CNI 556677', { means: 'cash' }));
      typed -= e.amount!;
      await putDoc(db, paidOrder(order, e), options);
      return e;
    },
  };
}

async function serverDocs<T>(branch: string, who: Session, prefix: string): Promise<T[]> {
  const range = `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(prefix + '\ufff0'))}`;
  const r = await couch(server.url, who, 'GET', `/fo_branch_${branch}/_all_docs?include_docs=true&conflicts=true&${range}`);
  expect(r.status).toBe(200);
  return r.body.rows.map((row: { doc: T }) => row.doc);
}

describe('three cash desks offline, 1,000 entries each, then reconnected', () => {
  const desks = PLANS.map(offlineDesk);
  const sessions: Session[] = [];
  let order: PaymentOrder;

  it('each desk works offline from its replica, with the order every desk was given before the cut', async () => {
    for (const plan of PLANS) sessions.push(await signIn(server.url, plan.cashier, plan.password));
    const backoffice = await signIn(server.url, 'backoffice.dla', 'demo-backoffice');
    order = goodDocs().payment_order as unknown as PaymentOrder;
    const created = await couch(server.url, backoffice, 'PUT', `/fo_branch_dla/${encodeURIComponent(order._id)}`, order);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Both dla desks pulled the authorised order while online; then the link went down.
    for (const [i, d] of desks.entries()) if (d.plan.branch === 'dla') await d.db.replicate.from(gatewayDb(server.url, 'fo_branch_dla', sessions[i]!), { doc_ids: [order._id] });
    const known = (await desks[0]!.db.get(order._id)) as unknown as PaymentOrder;

    for (const d of desks) await d.open();
    // Both dla desks pay the same order while cut off: nothing can arbitrate that offline.
    await desks[0]!.pay(known);
    await desks[1]!.pay((await desks[1]!.db.get(order._id)) as unknown as PaymentOrder);
    for (const d of desks) await d.work(ENTRIES);
    for (const d of desks) expect(d.entries).toHaveLength(ENTRIES);
  }, 300_000);

  it('reconnected: every number of every sequence on the server once, chains intact, totals equal to what was typed', async () => {
    const refused: string[] = [];
    for (const [i, d] of desks.entries()) {
      const result = await d.db.replicate.to(gatewayDb(server.url, `fo_branch_${d.plan.branch}`, sessions[i]!), { batch_size: 100 });
      // The only write the server may refuse: the second desk's "paid" revision of the order.
      for (const e of result.errors as unknown as { id?: string; name?: string }[]) refused.push(`${d.plan.counter}:${e.id}:${e.name}`);
      expect(result.docs_written).toBeGreaterThanOrEqual(ENTRIES + 1);
    }
    // The order: paid once on the server, by the desk that pushed first; the other's "paid"
    // revision refused (state: immutable), not kept as a conflicting revision.
    expect(refused).toEqual([`C08:${order._id}:forbidden`]);
    const { body: stored } = await couch(server.url, sessions[0]!, 'GET', `/fo_branch_dla/${encodeURIComponent(order._id)}?conflicts=true`);
    expect(stored).toMatchObject({ state: 'paid', entry: cashEntryId('dla', 'C07', 1) });
    expect(stored._conflicts).toBeUndefined();

    for (const [i, d] of desks.entries()) {
      const { branch, counter } = d.plan;
      const stored = await serverDocs<CashEntry & { _conflicts?: string[] }>(branch, sessions[i]!, `cash:${branch}:${counter}:`);
      expect(stored.map((e) => e.number)).toEqual(Array.from({ length: ENTRIES }, (_, k) => k + 1));
      expect(stored.filter((e) => e._conflicts)).toEqual([]);
      expect(verifyChain(stored)).toMatchObject({ intact: true, count: ENTRIES });
      const journal = dayJournal(DAY, branch, counter, stored);
      expect(journal.gaps).toEqual([]);
      expect(journal.total).toBe(d.typed());
      // Every void is a row of its own with its reason: no number is unexplained.
      expect(journal.rows.filter((r) => r.kind === 'void').every((r) => r.reason === 'Reçu mal imprimé')).toBe(true);
      expect(journal.voids).toBe(Math.floor(ENTRIES / 25));
    }
  }, 600_000);

  it('finds the order paid from both offline desks, and nothing else wrong', async () => {
    const branchEntries = await serverDocs<CashEntry>('dla', sessions[0]!, 'cash:dla:');
    const branchSessions = await serverDocs<CashSession>('dla', sessions[0]!, 'cashsession:dla:');
    const findings = audit({ sessions: branchSessions, entries: branchEntries });
    expect(findings).toEqual([{ kind: 'order_paid_twice', order: order._id, entries: [cashEntryId('dla', 'C07', 1), cashEntryId('dla', 'C08', 1)] }]);
    const yde = audit({ sessions: await serverDocs<CashSession>('yde', sessions[2]!, 'cashsession:yde:'), entries: await serverDocs<CashEntry>('yde', sessions[2]!, 'cash:yde:') });
    expect(yde).toEqual([]);
  }, 120_000);

  it('refuses an edit of a past entry (403, nothing changed) and finds a tampered chain where it breaks', async () => {
    const who = sessions[2]!;
    const path = `/fo_branch_yde/${encodeURIComponent(cashEntryId('yde', 'C07', 500))}`;
    const { body: past } = await couch(server.url, who, 'GET', path);
    const edit = await couch(server.url, who, 'PUT', path, { ...past, amount: past.amount + 1 });
    expect(edit.status).toBe(403);
    expect(edit.body.error).toBe('forbidden');
    expect((await couch(server.url, who, 'GET', path)).body._rev).toBe(past._rev);

    // A device that rewrote its own history before pushing: entry 1001 links to a forged 1000.
    const d = desks[2]!;
    const forgedLast: CashEntry = { ...d.entries.at(-1)!, reason: 'rewritten' };
    const session = (await d.db.get(d.entries[0]!.session)) as unknown as CashSession;
    const built = receipt({ session, last: forgedLast, settings, at: new Date(Date.UTC(2024, 2, 6, 18)).toISOString(), day: DAY }, { person: 'person:415120', account: '415120', periods: ['2013-Q2'], amount: 5000, payment: { means: 'cash' } });
    if (!('entry' in built)) throw new Error(JSON.stringify(built.problems));
    expect((await couch(server.url, who, 'PUT', `/fo_branch_yde/${encodeURIComponent(built.entry._id)}`, built.entry)).status).toBe(201);
    const stored = await serverDocs<CashEntry>('yde', who, 'cash:yde:C07:');
    expect(verifyChain(stored)).toMatchObject({ intact: false, number: ENTRIES + 1, problem: 'broken_link' });
    expect(audit({ sessions: await serverDocs<CashSession>('yde', who, 'cashsession:yde:'), entries: stored })).toContainEqual({ kind: 'chain_broken', counter: 'C07', number: ENTRIES + 1, problem: 'broken_link' });
  }, 120_000);
});
