/**
 * The cash contract on the real server (embedded engine, through the /db/ gateway): what the
 * server takes from a cashier, and what it refuses with a 403 and the contract's reason —
 * whatever the app would have checked first — leaving nothing written. Offline writes arrive as
 * replication does (new_edits: false); what only the set shows, the audit finds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goodDocs } from '../../couch-design/testing/fixtures.ts';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import { cashEntryId } from '../../couch-design/types/cash-entry.ts';
import type { CashSession } from '../../couch-design/types/cash.ts';
import type { PaymentOrder } from '../../couch-design/types/payment-order.ts';
import { paymentOrderId } from '../../couch-design/types/payment-order.ts';
import { uid } from '../../couch-design/ids/uid.ts';
import { cashSettings } from '../../app/cash/config.ts';
import { countSession, openSession, signOff } from '../../app/cash/session.ts';
import { type Built, type Desk, paidOrder, payment, receipt, reversal, voidNumber } from '../../app/cash/entries.ts';
import { verifyChain } from '../../app/cash/chain.ts';
import { audit } from '../../app/cash/audit.ts';
import { dayJournal } from '../../app/cash/reports.ts';
import { couch, signIn, type Session } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

const DAY = '2024-03-05';
const DB = '/fo_branch_dla';
const settings = cashSettings({ currency: 'XAF', currencyDecimals: 0 });
const p = (id: string) => `${DB}/${encodeURIComponent(id)}`;
let server: RunningServer;
let cashier: Session;
let supervisor: Session;
let backoffice: Session;
let counter: Session;

beforeAll(async () => {
  server = await startServer();
  [cashier, supervisor, backoffice, counter] = await Promise.all([
    signIn(server.url, 'cashier.dla', 'demo-cashier'),
    signIn(server.url, 'supervisor.dla', 'demo-supervisor'),
    signIn(server.url, 'backoffice.dla', 'demo-backoffice'),
    signIn(server.url, 'counter.dla', 'demo-counter'),
  ]);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

async function put<T extends { _id: string }>(who: Session, doc: T) {
  return couch(server.url, who, 'PUT', p(doc._id), doc);
}

/** Refused with 403 and the contract's reason, and nothing of it stored. */
async function refused<T extends { _id: string }>(who: Session, doc: T, reason: string | RegExp) {
  const id = String(doc._id);
  const before = await couch(server.url, cashier, 'GET', p(id));
  const r = await put(who, doc);
  expect(r.status, `${id}: ${JSON.stringify(r.body)}`).toBe(403);
  expect(r.body.error).toBe('forbidden');
  // The first problem is the reason; ' (+n more)' counts the others.
  if (typeof reason === 'string') expect(String(r.body.reason).replace(/ \(\+\d+ more\)$/, '')).toBe(reason);
  else expect(r.body.reason).toMatch(reason);
  const after = await couch(server.url, cashier, 'GET', p(id));
  expect(after.body._rev).toBe(before.body._rev);
}

/**
 * A create over a document that exists: 409 conflict and nothing changed, whatever the new
 * content (CouchDB answers it before validate_doc_update; so does the embedded engine).
 */
async function taken<T extends { _id: string }>(who: Session, doc: T) {
  const id = String(doc._id);
  const before = await couch(server.url, cashier, 'GET', p(id));
  const r = await put(who, doc);
  expect(r.status, `${id}: ${JSON.stringify(r.body)}`).toBe(409);
  expect((await couch(server.url, cashier, 'GET', p(id))).body).toEqual(before.body);
}

/** A desk taking entries and writing each to the server as the cashier. */
function desk(session: CashSession) {
  const entries: CashEntry[] = [];
  let minute = 0;
  const d = (): Desk => ({ session, last: entries.at(-1) ?? null, settings, at: new Date(Date.UTC(2024, 2, 5, 9, minute++)).toISOString(), day: DAY });
  const build = (b: (d: Desk) => Built): CashEntry => {
    const r = b(d());
    if (!('entry' in r)) throw new Error(JSON.stringify(r.problems));
    return r.entry;
  };
  const take = async (b: (d: Desk) => Built): Promise<CashEntry> => {
    const e = build(b);
    const r = await put(cashier, e);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    entries.push(e);
    return e;
  };
  const receiptOf = (amount: number, pay: Parameters<typeof receipt>[1]['payment'] = { means: 'cash' }) => (x: Desk) =>
    receipt(x, { person: 'person:415120', account: '415120', periods: ['2013-Q2'], amount, payment: pay });
  return { entries, d, build, take, receiptOf };
}

function opened(counter: string, lastOfDesk: CashSession | null = null): CashSession {
  const r = openSession({ branch: 'dla', day: DAY, counter, cashier: 'cashier.dla', currency: 'XAF', at: `${DAY}T08:00:00.000Z`, float: 50000, settings, lastOfDesk, openOfCashier: [] });
  if (!('session' in r)) throw new Error(JSON.stringify(r.problems));
  return r.session;
}

describe('cash contract on the real server', () => {
  let session: CashSession;
  let t: ReturnType<typeof desk>;

  it('opens one session per desk: a second opening of the same desk is refused', async () => {
    session = opened('C08');
    expect((await put(cashier, session)).status).toBe(201);
    // The same id again, the same document or another: a conflict, nothing written.
    await taken(cashier, session);
    await taken(cashier, { ...session, openedAt: `${DAY}T08:05:00.000Z`, openingFloat: 0 });
    t = desk(session);
  });

  it('takes receipts in cash, by cheque and by transfer, a payment of an order, a void and a reversal, numbered in turn', async () => {
    await t.take(t.receiptOf(125000));
    await t.take(t.receiptOf(56080, { means: 'cheque', bank: 'Afriland', chequeNumber: '0012345' }));
    const transfer = await t.take(t.receiptOf(9000, { means: 'transfer', reference: 'VIR-2024-0305' }));
    const order = goodDocs().payment_order as unknown as PaymentOrder;
    const created = await put(backoffice, order);
    expect(created.status).toBe(201);
    const paid = await t.take((x) => payment(x, order, 'CNI 112233', { means: 'cash' }));
    expect((await put(cashier, { ...paidOrder(order, paid), _rev: created.body.rev })).status).toBe(201);
    // Another desk paying the same order online, from the revision it had: the engine judges it against the paid one.
    const other = { ...paidOrder(order, { ...paid, _id: cashEntryId('dla', 'C07', 1), counter: 'C07' }), _rev: created.body.rev };
    await refused(cashier, other, 'state: immutable');
    await t.take((x) => voidNumber(x, 'Reçu mal imprimé'));
    await t.take((x) => reversal(x, { original: transfer, reversedBy: [], reason: 'Mauvais compte' }));
    expect(t.entries.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6]);
    // A number is written once: the same id again is refused, not a second entry.
    await taken(cashier, t.entries[0]!);
    await taken(cashier, { ...t.entries[0]!, designation: 'COT 3TR 2013' });
    const stored = await couch(server.url, cashier, 'GET', `${DB}/_all_docs?include_docs=true&startkey=%22cash:dla:C08:%22&endkey=%22cash:dla:C08:%EF%BF%BF%22`);
    const docs = stored.body.rows.map((r: { doc: CashEntry }) => r.doc) as CashEntry[];
    expect(verifyChain(docs)).toMatchObject({ intact: true, count: 6 });
    expect(dayJournal(DAY, 'dla', 'C08', docs).total).toBe(125000 + 56080 + 9000 - 87000 - 9000);
  });

  it('refuses bad amounts, a forged author, a payment without an order, a void with money, and other roles (403, nothing written)', async () => {
    const next = t.build(t.receiptOf(1000));
    await refused(cashier, { ...next, amount: 0 }, 'amount: not_positive');
    await refused(cashier, { ...next, amount: -500 }, 'amount: not_positive');
    await refused(cashier, { ...next, amount: 12.5 }, 'amount: not_integer');
    await refused(cashier, { ...next, amount: 'abc' }, 'amount: not_integer');
    await refused(cashier, { ...next, amount: 1e12 + 1 }, 'amount: too_large');
    await refused(cashier, { ...next, means: 'cheque' }, 'bank: required');
    await refused(cashier, { ...next, agent: 'cashier.b' }, 'agent: not_author');
    await refused(counter, { ...next, agent: 'counter.dla' }, '_id: forbidden_role');
    await refused(cashier, { ...next, number: 8 }, '_id: bad_id');
    const { account: _a, periods: _p, ...noAccount } = next;
    await refused(cashier, { ...noAccount, kind: 'payment', category: 'daily_allowance', idDocument: 'CNI 1' }, 'order: required');
    await refused(cashier, { ...t.build((x) => voidNumber(x, 'x')), amount: 10 }, 'amount: bad_value');
  });

  it('refuses a reversal of another desk’s entry, of a later number, and with another entry’s approval', async () => {
    const base = t.build((x) => reversal(x, { original: t.entries[0]!, reversedBy: [], reason: 'x', approval: { _id: 'cashapproval:dla:C08:00000001', entry: t.entries[0]!._id, amount: 125000 } as never }));
    await refused(cashier, { ...base, reverses: cashEntryId('dla', 'C07', 1) }, 'reverses: bad_ref');
    await refused(cashier, { ...base, reverses: cashEntryId('dla', 'C08', 9) }, 'reverses: bad_ref');
    await refused(cashier, { ...base, approval: 'cashapproval:dla:C08:00000002' }, 'approval: bad_ref');
  });

  it('never lets an entry change or go, not even for the server admin’s engine rules', async () => {
    const e = t.entries[1]!;
    const { body } = await couch(server.url, cashier, 'GET', p(e._id));
    await refused(cashier, { ...body, amount: 1 }, '_id: immutable');
    await refused(supervisor, { ...body, designation: 'COT 1TR 2013' }, '_id: forbidden_role');
    const del = await couch(server.url, cashier, 'DELETE', `${p(e._id)}?rev=${body._rev}`);
    expect(del.status).toBe(403);
    expect((await couch(server.url, cashier, 'GET', p(e._id))).body._rev).toBe(body._rev);
  });

  it('closes with a blind count: a large variance waits for a supervisor, then the session is frozen', async () => {
    const { body: open } = await couch(server.url, cashier, 'GET', p(session._id));
    const counted = countSession(open as CashSession, t.entries, 100000, `${DAY}T17:00:00.000Z`);
    expect(counted).toMatchObject({ state: 'counted', expectedAmount: 50000 + 125000 - 87000, variance: 100000 - 88000 });
    await refused(cashier, { ...counted, state: 'closed', closedAt: `${DAY}T17:00:00.000Z` }, 'signedOffBy: required');
    const c = await put(cashier, counted);
    expect(c.status).toBe(201);
    const withRev = { ...counted, _rev: c.body.rev } as CashSession;
    await refused(cashier, { ...signOff(withRev, 'cashier.dla', `${DAY}T17:10:00.000Z`) }, 'signedOffBy: bad_value');
    await refused(supervisor, { ...withRev, countedAmount: 110000, variance: 22000 }, 'countedAmount: immutable');
    const signed = signOff(withRev, 'supervisor.dla', `${DAY}T17:10:00.000Z`);
    const s = await put(supervisor, signed);
    expect(s.status).toBe(201);
    await refused(cashier, { ...signed, _rev: s.body.rev, closedAt: `${DAY}T18:00:00.000Z` }, 'state: immutable');
    const del = await couch(server.url, cashier, 'DELETE', `${p(session._id)}?rev=${s.body.rev}`);
    expect(del.status).toBe(403);
    // A receipt on the closed session would have been caught before writing (session_not_open); the audit sees none.
    expect(audit({ sessions: [{ ...signed, _rev: s.body.rev }], entries: t.entries })).toEqual([]);
  });
});

describe('offline desks reconnecting', () => {
  it('one order paid by two offline desks: the second desk’s revision is refused at sync, both payments arrive, the audit reports the order paid twice', async () => {
    const s7 = opened('C07');
    const s6 = opened('C06');
    expect((await put(cashier, s7)).status).toBe(201);
    expect((await put(cashier, s6)).status).toBe(201);
    const order = { ...(goodDocs().payment_order as unknown as PaymentOrder), _id: paymentOrderId('dla', uid(Date.UTC(2024, 2, 5, 7), 'b1', 9)) };
    const created = await put(backoffice, order);
    expect(created.status).toBe(201);
    const a = desk(s7);
    const b = desk(s6);
    const pa = a.build((x) => payment(x, order, 'CNI 1', { means: 'cash' }));
    const pb = b.build((x) => payment(x, order, 'CNI 1', { means: 'cash' }));
    const [, rev1] = String(created.body.rev).split('-');
    // What each desk's PouchDB pushes on reconnection: its entry, and its own revision 2 of the order.
    const push = (docs: object[]) => couch(server.url, cashier, 'POST', `${DB}/_bulk_docs`, { new_edits: false, docs });
    const rev2 = (hash: string, doc: object) => ({ ...doc, _rev: `2-${hash}`, _revisions: { start: 2, ids: [hash, rev1] } });
    const one = (hash: string, doc: object) => ({ ...doc, _rev: `1-${hash}`, _revisions: { start: 1, ids: [hash] } });
    expect((await push([one('a'.repeat(32), pa), rev2('a'.repeat(32), paidOrder(order, pa))])).body).toEqual([]);
    const second = await push([one('b'.repeat(32), pb), rev2('b'.repeat(32), paidOrder(order, pb))]);
    // The engine judges the second revision 2 against the stored paid one: the order stays paid by desk C07.
    expect(second.body).toEqual([{ id: order._id, error: 'forbidden', reason: 'state: immutable' }]);
    const stored = (await couch(server.url, cashier, 'GET', `${p(order._id)}?conflicts=true`)).body;
    expect(stored).toMatchObject({ state: 'paid', entry: pa._id });
    expect(stored._conflicts ?? []).toEqual([]);
    // Both payment entries are on the server: the money went out twice, and the audit says so.
    const entries = [(await couch(server.url, cashier, 'GET', p(pa._id))).body, (await couch(server.url, cashier, 'GET', p(pb._id))).body] as CashEntry[];
    expect(audit({ sessions: [s7, s6], entries })).toEqual(expect.arrayContaining([
      { kind: 'order_paid_twice', order: order._id, entries: [pa._id, pb._id] },
      { kind: 'cashier_two_sessions', cashier: 'cashier.dla', sessions: [s7._id, s6._id] },
    ]));
  });

  it('one number written by two offline devices of a desk: the first to arrive stands, the other is refused, a forged past entry too', async () => {
    const s5 = opened('C05');
    expect((await put(cashier, s5)).status).toBe(201);
    const a = desk(s5);
    const n1 = a.build(a.receiptOf(1000));
    const twin = { ...n1, at: `${DAY}T09:59:00.000Z`, amount: 2000 };
    const push = (docs: object[]) => couch(server.url, cashier, 'POST', `${DB}/_bulk_docs`, { new_edits: false, docs });
    const one = (hash: string, doc: object) => ({ ...doc, _rev: `1-${hash}`, _revisions: { start: 1, ids: [hash] } });
    expect((await push([one('c'.repeat(32), n1)])).body).toEqual([]);
    expect((await push([one('d'.repeat(32), twin)])).body).toEqual([{ id: n1._id, error: 'forbidden', reason: '_id: immutable' }]);
    const forged = await push([{ ...n1, amount: 1, _rev: '2-' + 'e'.repeat(32), _revisions: { start: 2, ids: ['e'.repeat(32), 'c'.repeat(32)] } }]);
    expect(forged.body).toEqual([{ id: n1._id, error: 'forbidden', reason: '_id: immutable' }]);
    const stored = (await couch(server.url, cashier, 'GET', `${p(n1._id)}?conflicts=true`)).body;
    expect(stored).toMatchObject({ amount: 1000, _rev: '1-' + 'c'.repeat(32) });
    expect(stored._conflicts ?? []).toEqual([]);
    expect(verifyChain([stored])).toMatchObject({ intact: true });
  });
});
