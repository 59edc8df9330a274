import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import type { CashSession } from '../../couch-design/types/cash.ts';
import { cashApprovalId, type CashApproval } from '../../couch-design/types/cash-approval.ts';
import { type PaymentOrder, paymentOrderId } from '../../couch-design/types/payment-order.ts';
import { uid } from '../../couch-design/ids/uid.ts';
import { validateForWrite } from '../../couch-design/validate/entry.ts';
import { goodDocs, user } from '../../couch-design/testing/fixtures.ts';
import { cashSettings } from './config.ts';
import { countLines, countSession, openSession, signOff } from './session.ts';
import { type Built, type Desk, paidOrder, payment, receipt, reversal, voidNumber } from './entries.ts';
import { effect, totals } from './totals.ts';
import { dayJournal, xReport, zReport } from './reports.ts';
import { verifyChain } from './chain.ts';
import { audit } from './audit.ts';

const cashier = user(['cashier', 'branch:dla'], 'cashier.dla');
const settings = cashSettings({ currency: 'XAF', currencyDecimals: 0 });
const DAY = '2024-03-05';
const at = (min: number) => new Date(Date.UTC(2024, 2, 5, 8, min)).toISOString();
const order = (): PaymentOrder => goodDocs().payment_order as unknown as PaymentOrder;

function opened(float: number | [number, number][] = 50000, lastOfDesk: CashSession | null = null): CashSession {
  const r = openSession({ branch: 'dla', day: DAY, counter: 'C08', cashier: 'cashier.dla', currency: 'XAF', at: at(0), float, settings, lastOfDesk, openOfCashier: [] });
  if (!('session' in r)) throw new Error(JSON.stringify(r.problems));
  return r.session;
}

/** A desk that keeps its entries, each checked by the contract as the data layer would. */
function desk(session = opened()) {
  const entries: CashEntry[] = [];
  let minute = 1;
  const d = (): Desk => ({ session, last: entries[entries.length - 1] ?? null, settings, at: at(minute++), day: DAY });
  const take = (build: (desk: Desk) => Built): CashEntry => {
    const r = build(d());
    if (!('entry' in r)) throw new Error(JSON.stringify(r.problems));
    expect(validateForWrite(r.entry, null, cashier, 'branch'), r.entry._id).toEqual([]);
    entries.push(r.entry);
    return r.entry;
  };
  const cash = { means: 'cash' } as const;
  const contribution = (amount: number, periods = ['2013-Q2'], payment: Parameters<typeof receipt>[1]['payment'] = cash) =>
    take((x) => receipt(x, { person: 'person:415120', account: '415120', periods, amount, payment }));
  return { session, entries, d, take, contribution, cash };
}

describe('opening and closing a session', () => {
  it('opens the desk’s next session after its last one, counted by denomination', () => {
    const s = opened(countLines(settings.denominations, [4, 2]));
    expect(s).toMatchObject({ _id: 'cashsession:dla:C08:000001', seq: 1, firstNumber: 1, openingFloat: 50000, openingCount: [[10000, 4], [5000, 2]], state: 'open' });
    expect(validateForWrite(s, null, cashier, 'branch')).toEqual([]);
    const closed = countSession(s, [], 50000, at(60));
    const second = opened(10000, { ...closed, lastNumber: 41 });
    expect(second).toMatchObject({ _id: 'cashsession:dla:C08:000002', firstNumber: 42 });
  });
  it('refuses a second open session at the desk or for the cashier', () => {
    const base = { branch: 'dla', day: DAY, counter: 'C07', cashier: 'cashier.dla', currency: 'XAF', at: at(0), float: 0, settings };
    expect(openSession({ ...base, lastOfDesk: opened(), openOfCashier: [] })).toEqual({ problems: [{ field: 'counter', code: 'session_busy' }] });
    expect(openSession({ ...base, lastOfDesk: null, openOfCashier: [opened()] })).toEqual({ problems: [{ field: 'counter', code: 'session_busy' }] });
  });
  it('blind count: closes within the threshold, else waits for a supervisor', () => {
    const t = desk();
    t.contribution(125000);
    t.contribution(30000, ['2013-Q1'], { means: 'cheque', bank: 'SGC', chequeNumber: '778899' });
    // Expected: 50,000 float + 125,000 cash; the cheque is not in the drawer.
    const ok = countSession(t.session, t.entries, 175000 - 800, at(90));
    expect(ok).toMatchObject({ state: 'closed', expectedAmount: 175000, variance: -800, lastNumber: 2, closedBy: 'cashier.dla' });
    expect(validateForWrite(ok, t.session, cashier, 'branch')).toEqual([]);
    const short = countSession(t.session, t.entries, countLines(settings.denominations, [16]), at(90));
    expect(short).toMatchObject({ state: 'counted', countedAmount: 160000, variance: -15000 });
    expect(validateForWrite(short, t.session, cashier, 'branch')).toEqual([]);
    const signed = signOff(short, 'supervisor.dla', at(95));
    expect(validateForWrite(signed, short, user(['supervisor', 'branch:dla'], 'supervisor.dla'), 'branch')).toEqual([]);
    expect(zReport(signed, t.entries)).toMatchObject({ kind: 'Z', counted: 160000, expected: 175000, variance: -15000, signedOffBy: 'supervisor.dla', firstNumber: 1, lastNumber: 2 });
    expect(() => countSession(ok, t.entries, 1, at(99))).toThrow();
  });
});

describe('entries', () => {
  it('numbers every entry in turn, each naming the previous one’s hash', () => {
    const t = desk();
    t.contribution(47340);
    t.contribution(56080, ['2013-Q1']);
    t.take((x) => voidNumber(x, 'Reçu mal imprimé'));
    t.contribution(107070, ['2013-Q1', '2013-Q2'], { means: 'transfer', reference: 'VIR-2013-0523' });
    expect(t.entries.map((e) => e.number)).toEqual([1, 2, 3, 4]);
    expect(t.entries[3]).toMatchObject({ designation: 'COT 1,2TR 2013', means: 'transfer', reference: 'VIR-2013-0523' });
    expect(verifyChain(t.entries)).toMatchObject({ intact: true, count: 4 });
    expect(voidNumber(t.d(), ' ')).toEqual({ problems: [{ field: 'reason', code: 'required' }] });
  });
  it('refuses a receipt with no open session, and an amount above the ceiling', () => {
    const t = desk();
    const closed = countSession(t.session, [], 50000, at(5));
    expect(receipt({ ...t.d(), session: closed }, { person: 'person:415120', account: '415120', periods: ['2013-Q2'], amount: 10, payment: t.cash })).toEqual({
      problems: [{ field: 'session', code: 'session_not_open' }],
    });
    expect(receipt(t.d(), { person: 'person:415120', account: '415120', periods: ['2013-Q2'], amount: settings.maxAmount + 1, payment: t.cash })).toEqual({
      problems: [{ field: 'amount', code: 'too_large' }],
    });
  });
  it('pays an authorised order once, and only an authorised one', () => {
    const t = desk();
    const p = t.take((x) => payment(x, order(), 'CNI 112233', t.cash));
    expect(p).toMatchObject({ kind: 'payment', category: 'daily_allowance', amount: 87000, order: order()._id, person: 'person:1000123' });
    const paid = paidOrder(order(), p);
    expect(validateForWrite(paid, { ...order(), _rev: '1-a' }, cashier, 'branch')).toEqual([]);
    expect(payment(t.d(), paid, 'CNI 112233', t.cash)).toEqual({ problems: [{ field: 'order', code: 'order_not_payable' }] });
    expect(payment(t.d(), null, 'CNI 112233', t.cash)).toEqual({ problems: [{ field: 'order', code: 'order_not_payable' }] });
  });
  it('reverses once, never a reversal, with a supervisor’s approval above the threshold', () => {
    const t = desk();
    const small = t.contribution(4370);
    const big = t.contribution(250000);
    const r = t.take((x) => reversal(x, { original: small, reversedBy: [], reason: 'Mauvais compte' }));
    expect(r).toMatchObject({ category: 'reversal', kind: 'receipt', amount: 4370, reverses: small._id });
    expect(effect(r)).toBe(-4370);
    expect(reversal(t.d(), { original: small, reversedBy: [r], reason: 'x' })).toEqual({ problems: [{ field: 'reverses', code: 'already_reversed' }] });
    expect(reversal(t.d(), { original: r, reversedBy: [], reason: 'x' })).toEqual({ problems: [{ field: 'reverses', code: 'reversal_of_reversal' }] });
    expect(reversal(t.d(), { original: { ...small, counter: 'C07' }, reversedBy: [], reason: 'x' })).toEqual({ problems: [{ field: 'reverses', code: 'bad_ref' }] });
    expect(reversal(t.d(), { original: big, reversedBy: [], reason: 'x' })).toEqual({ problems: [{ field: 'approval', code: 'approval_required' }] });
    const approval = { ...(goodDocs().cash_approval as unknown as CashApproval), _id: cashApprovalId('dla', 'C08', big.number), entry: big._id, amount: big.amount! };
    const rb = t.take((x) => reversal(x, { original: big, reversedBy: [], reason: 'Chèque rejeté', approval }));
    expect(rb.approval).toBe(approval._id);
    expect(totals(t.entries).net).toBe(0);
  });
});

describe('reports and the day journal', () => {
  it('lays out the brief’s journal: numbers in order, the reversal negative, a void with its reason, totals', () => {
    const t = desk();
    for (const a of [47340, 56080, 50980, 57610]) t.contribution(a);
    const wrong = t.contribution(43700);
    t.take((x) => reversal(x, { original: wrong, reversedBy: [], reason: 'Double saisie' }));
    t.take((x) => voidNumber(x, 'Bourrage imprimante'));
    t.contribution(332950, ['2013-05'], { means: 'mobile_money', reference: 'MP130530.1111' });
    t.take((x) => payment(x, order(), 'CNI 112233', t.cash));
    const j = dayJournal(DAY, 'dla', 'C08', t.entries);
    expect(j.rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(j.rows[5]).toMatchObject({ amount: -43700, designation: 'COT 2TR 2013', account: '415120', reverses: 5, reason: 'Double saisie' });
    expect(j.rows[6]).toMatchObject({ kind: 'void', amount: 0, designation: '', reason: 'Bourrage imprimante' });
    expect(j.rows[7]).toMatchObject({ designation: 'COT MAI 2013', amount: 332950 });
    expect(j.rows[8]).toMatchObject({ amount: -87000, account: '' });
    expect(j.total).toBe(47340 + 56080 + 50980 + 57610 + 332950 - 87000);
    expect(j.byMeans).toEqual({ cash: 47340 + 56080 + 50980 + 57610 - 87000, cheque: 0, transfer: 0, mobile_money: 332950 });
    expect(j.byCategory).toMatchObject({ contribution: 47340 + 56080 + 50980 + 57610 + 43700 + 332950, reversal: -43700, daily_allowance: -87000 });
    expect(j).toMatchObject({ voids: 1, gaps: [], cashiers: ['cashier.dla'] });
    const x = xReport(t.session, t.entries, at(120));
    expect(x).toMatchObject({ kind: 'X', firstNumber: 1, lastNumber: 9 });
    expect(x).not.toHaveProperty('expected');
  });
  it('journal total = sum of the entries typed, reversals included; a reversed entry nets to zero', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: fc.integer({ min: 1, max: 5_000_000 }), op: fc.constantFrom('cash', 'cheque', 'void', 'reverse', 'pay') }), { minLength: 1, maxLength: 40 }),
        (ops) => {
          const t = desk();
          let typed = 0;
          for (const { amount, op } of ops) {
            if (op === 'void') t.take((x) => voidNumber(x, 'annulé'));
            else if (op === 'pay') {
              t.take((x) => payment(x, { ...order(), _id: paymentOrderId('dla', uid(Date.UTC(2024, 2, 5), 'b1', t.entries.length)), amount }, 'CNI 1', t.cash));
              typed -= amount;
            } else if (op === 'reverse') {
              const reversed = new Set(t.entries.map((e) => e.reverses));
              const target = [...t.entries].reverse().find((e) => e.kind !== 'void' && e.category !== 'reversal' && !reversed.has(e._id) && e.amount! <= settings.reversalThreshold);
              if (!target) continue;
              const r = t.take((x) => reversal(x, { original: target, reversedBy: [], reason: 'erreur' }));
              expect(effect(r) + effect(target)).toBe(0);
              typed += effect(r);
            } else {
              t.contribution(amount, ['2013-Q2'], op === 'cash' ? t.cash : { means: 'cheque', bank: 'B', chequeNumber: '1' });
              typed += amount;
            }
          }
          const j = dayJournal(DAY, 'dla', 'C08', t.entries);
          expect(j.total).toBe(typed);
          expect(j.total).toBe(j.rows.reduce((s, r) => s + r.amount, 0));
          expect(Object.values(j.byMeans).reduce((a, b) => a + b, 0)).toBe(typed);
          expect(j.rows.map((r) => r.number)).toEqual(t.entries.map((_, i) => i + 1));
          expect(verifyChain(t.entries).intact).toBe(true);
          expect(audit({ sessions: [t.session], entries: t.entries })).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('audit of what arrived', () => {
  it('finds gaps, conflicts, a broken chain, a reversal of a reversal and an order paid twice', () => {
    const a = desk();
    a.contribution(1000);
    a.contribution(2000);
    const p1 = a.take((x) => payment(x, order(), 'CNI 1', a.cash));
    const p2 = { ...p1, _id: 'cash:dla:C07:00000001', counter: 'C07', number: 1 } as CashEntry;
    const rev = a.take((x) => reversal(x, { original: a.entries[0]!, reversedBy: [], reason: 'x' }));
    const revOfRev = { ...rev, _id: 'cash:dla:C08:00000006', number: 6, reverses: rev._id } as CashEntry;
    const forged = a.entries.map((e, i) => (i === 1 ? { ...e, amount: 1 } : e));
    const findings = audit({ sessions: [a.session], entries: [...forged, revOfRev, p2], conflicts: [a.entries[2]!._id] });
    expect(findings).toEqual(
      expect.arrayContaining([
        { kind: 'missing_number', counter: 'C08', number: 5 },
        { kind: 'number_conflict', counter: 'C08', number: 3 },
        { kind: 'chain_broken', counter: 'C08', number: 3, problem: 'broken_link' },
        { kind: 'reversal_invalid', counter: 'C08', number: 6, why: 'reversal_of_reversal' },
        { kind: 'order_paid_twice', order: order()._id, entries: [p1._id, p2._id] },
      ]),
    );
  });
  it('finds two sessions of one desk opened offline and a cashier open at two desks', () => {
    const s1 = opened();
    const s2 = { ...opened(), _id: 'cashsession:dla:C07:000001', counter: 'C07' };
    expect(audit({ sessions: [s1, s2], entries: [], conflicts: [s1._id] })).toEqual([
      { kind: 'session_conflict', counter: 'C08', seq: 1 },
      { kind: 'cashier_two_sessions', cashier: 'cashier.dla', sessions: [s1._id, s2._id] },
    ]);
  });
});
