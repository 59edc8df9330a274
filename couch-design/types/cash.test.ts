import { describe, expect, it } from 'vitest';
import { SERVER_ADMIN, goodDocs, user } from '../testing/fixtures.ts';
import { validateStructure } from '../validate/structure.ts';
import { validateDocUpdate, validateForWrite } from '../validate/entry.ts';
import { cashSessionId, countTotal, parseCashSessionId } from './cash.ts';
import { GENESIS_HASH, cashEntryId, parseCashEntryId } from './cash-entry.ts';
import { cashApprovalId } from './cash-approval.ts';
import { validDenominations } from './cash-config.ts';

type Doc = Record<string, unknown>;
const dla = (role: string, name = role + '.dla') => user([role, 'branch:dla'], name);
const first = (doc: Doc, old: Doc | null = null, u = dla('cashier')) => validateDocUpdate(doc, old, u, 'branch')[0] ?? null;
const entry = (over: Doc = {}): Doc => ({ ...goodDocs().cash_entry!, ...over });
const at = (n: number, over: Doc = {}): Doc => entry({ _id: cashEntryId('dla', 'C08', n), number: n, ...over });
const voided = (n: number): Doc => {
  const { amount: _a, means: _m, person: _p, account: _ac, periods: _pe, designation: _d, ...rest } = at(n);
  return { ...rest, kind: 'void', category: 'void', reason: 'Imprimante bloquée' };
};
const payment = (over: Doc = {}): Doc => {
  const { account: _a, periods: _p, ...rest } = at(2);
  return { ...rest, kind: 'payment', category: 'daily_allowance', person: 'person:1000123', designation: 'IJ 02/2024', order: goodDocs().payment_order!._id, idDocument: 'CNI 112233', ...over };
};

describe('cash entries: structure', () => {
  it('the document number is in the id, per branch and desk', () => {
    expect(cashEntryId('dla', 'C08', 497)).toBe('cash:dla:C08:00000497');
    expect(parseCashEntryId('cash:dla:C08:00000497')).toEqual({ branch: 'dla', counter: 'C08', number: 497 });
    for (const bad of ['cash:dla:C08:497', 'cash:dla:C08:00000000', 'cash:2024-03-05:0000000aa-c1-0001', 'cash:DLA:C08:00000001']) expect(parseCashEntryId(bad), bad).toBeNull();
    expect(first(at(5, { number: 6 }))).toEqual({ field: '_id', code: 'bad_id' });
    expect(first(entry({ counter: 'C07' }))).toEqual({ field: 'session', code: 'bad_ref' });
  });
  it('money is a positive integer in minor units, under the contract’s ceiling', () => {
    for (const [amount, code] of [[1250.5, 'not_integer'], ['125000', 'not_integer'], [0, 'not_positive'], [-5, 'not_positive'], [2 ** 60, 'not_integer'], [Number.NaN, 'not_integer'], [1e12 + 1, 'too_large']] as const)
      expect(first(entry({ amount })), String(amount)).toEqual({ field: 'amount', code });
    expect(first(entry({ currency: 'F CFA' }))).toEqual({ field: 'currency', code: 'bad_format' });
  });
  it('means of payment carry their details, and only theirs', () => {
    expect(first(entry({ means: 'cheque' }))).toEqual({ field: 'bank', code: 'required' });
    expect(first(entry({ means: 'cheque', bank: 'Afriland First Bank', chequeNumber: '0012345' }))).toBeNull();
    expect(first(entry({ means: 'transfer' }))).toEqual({ field: 'reference', code: 'required' });
    expect(first(entry({ means: 'mobile_money', reference: 'MP240305.1234.A56789' }))).toBeNull();
    expect(first(entry({ means: 'cash', reference: 'X1' }))).toEqual({ field: 'reference', code: 'bad_value' });
    expect(first(entry({ means: 'bitcoin' }))).toEqual({ field: 'means', code: 'bad_value' });
  });
  it('a contribution names its account and periods; a payment its order and the identity shown', () => {
    expect(first(entry({ account: undefined }))).toEqual({ field: 'account', code: 'required' });
    expect(first(entry({ periods: [] }))).toEqual({ field: 'periods', code: 'required' });
    expect(first(entry({ periods: ['2013-T2'] }))).toEqual({ field: 'periods.0', code: 'bad_format' });
    expect(first(payment())).toBeNull();
    expect(first(payment({ order: undefined }))).toEqual({ field: 'order', code: 'required' });
    expect(first(payment({ idDocument: undefined }))).toEqual({ field: 'idDocument', code: 'required' });
    expect(first(payment({ category: 'contribution' }))).toEqual({ field: 'category', code: 'bad_value' });
    expect(first(entry({ category: 'daily_allowance' }))).toEqual({ field: 'category', code: 'bad_value' });
    expect(first(entry({ order: goodDocs().payment_order!._id }))).toEqual({ field: 'order', code: 'bad_value' });
  });
  it('a void gives up a number with its reason, and carries no money', () => {
    expect(first(voided(3))).toBeNull();
    expect(first({ ...voided(3), reason: undefined })).toEqual({ field: 'reason', code: 'required' });
    expect(first({ ...voided(3), amount: 100 })).toEqual({ field: 'amount', code: 'bad_value' });
    expect(first({ ...voided(3), category: 'contribution' })).toEqual({ field: 'category', code: 'bad_value' });
  });
  it('a reversal cancels an earlier entry of the same desk, with a reason', () => {
    const reversal = (over: Doc = {}) => at(9, { category: 'reversal', reverses: cashEntryId('dla', 'C08', 1), reason: 'Erreur de compte', ...over });
    expect(first(reversal())).toBeNull();
    expect(first(reversal({ kind: 'payment', account: undefined, periods: undefined }))).toBeNull();
    expect(first(reversal({ reverses: undefined }))).toEqual({ field: 'reverses', code: 'required' });
    expect(first(reversal({ reason: undefined }))).toEqual({ field: 'reason', code: 'required' });
    expect(first(reversal({ reverses: cashEntryId('dla', 'C07', 1) }))).toEqual({ field: 'reverses', code: 'bad_ref' });
    expect(first(reversal({ reverses: cashEntryId('yde', 'C08', 1) }))).toEqual({ field: 'reverses', code: 'bad_ref' });
    expect(first(reversal({ reverses: cashEntryId('dla', 'C08', 9) }))).toEqual({ field: 'reverses', code: 'bad_ref' });
    expect(first(reversal({ reverses: cashEntryId('dla', 'C08', 12) }))).toEqual({ field: 'reverses', code: 'bad_ref' });
    expect(first(reversal({ approval: cashApprovalId('dla', 'C08', 1) }))).toBeNull();
    expect(first(reversal({ approval: cashApprovalId('dla', 'C08', 2) }))).toEqual({ field: 'approval', code: 'bad_ref' });
    expect(first(entry({ reverses: cashEntryId('dla', 'C08', 1) }))).toEqual({ field: 'reverses', code: 'bad_value' });
    expect(first(entry({ reason: 'x' }))).toEqual({ field: 'reason', code: 'bad_value' });
  });
  it('names the previous entry’s hash', () => {
    expect(first(entry({ prevHash: undefined }))).toEqual({ field: 'prevHash', code: 'required' });
    expect(first(entry({ prevHash: 'F'.repeat(64) }))).toEqual({ field: 'prevHash', code: 'bad_format' });
    expect(first(entry({ prevHash: GENESIS_HASH.slice(1) }))).toEqual({ field: 'prevHash', code: 'bad_format' });
  });
});

describe('cash entries: history and permission', () => {
  it('a cashier writes them in her own name; nobody edits or deletes one', () => {
    const posted: Doc = { ...entry(), _rev: '1-a' };
    expect(first(entry())).toBeNull();
    expect(first(entry(), null, dla('supervisor'))).toEqual({ field: '_id', code: 'forbidden_role' });
    expect(first({ ...posted, designation: 'COT 3TR 2013' }, posted)).toEqual({ field: '_id', code: 'immutable' });
    expect(first({ _id: posted._id, _rev: '1-a', _deleted: true }, posted, SERVER_ADMIN)).toEqual({ field: '_deleted', code: 'immutable' });
  });
});

describe('cash sessions', () => {
  const s = (): Doc => ({ ...goodDocs().cash_session!, _rev: '1-a' });
  const count = (counted: number, expected = 50000): Doc => ({
    countedAt: '2024-03-05T17:00:00Z', countedAmount: counted, expectedAmount: expected, variance: counted - expected, lastNumber: 12, closedBy: 'cashier.dla',
  });
  it('one id per desk and session number: two openings of the same desk collide', () => {
    expect(cashSessionId('dla', 'C08', 7)).toBe('cashsession:dla:C08:000007');
    expect(parseCashSessionId('cashsession:dla:C08:000007')).toEqual({ branch: 'dla', counter: 'C08', seq: 7 });
    expect(first({ ...s(), seq: 2 })).toEqual({ field: '_id', code: 'bad_id' });
  });
  it('counts by denomination add up', () => {
    expect(countTotal([[10000, 4], [5000, 2]])).toBe(50000);
    expect(countTotal([[5000, 2], [10000, 4]])).toBeNull();
    expect(countTotal([[10000, -1]])).toBeNull();
    expect(first({ ...s(), openingCount: [[10000, 6]] })).toEqual({ field: 'openingCount', code: 'bad_value' });
    expect(first({ ...s(), openingCount: 'x' })).toEqual({ field: 'openingCount', code: 'bad_format' });
    expect(validDenominations([10000, 5000, 2000, 1000, 500, 100, 50, 25, 10, 5, 2, 1])).toBe(true);
    expect(validDenominations([500, 1000])).toBe(false);
  });
  it('closing within the threshold: the cashier closes; the variance must be counted − expected', () => {
    const closed = { ...s(), ...count(48000), state: 'closed', closedAt: '2024-03-05T17:00:00Z' };
    expect(first(closed, s())).toBeNull();
    expect(first({ ...closed, variance: 0 }, s())).toEqual({ field: 'variance', code: 'bad_value' });
    expect(first({ ...closed, closingCount: [[10000, 4]] }, s())).toEqual({ field: 'closingCount', code: 'bad_value' });
    expect(first({ ...closed, lastNumber: -1 }, s())).toEqual({ field: 'lastNumber', code: 'too_small' });
  });
  it('a variance above the threshold waits for a supervisor, who cannot be the cashier', () => {
    const closedAlone = { ...s(), ...count(40000), state: 'closed', closedAt: '2024-03-05T17:00:00Z' };
    expect(first(closedAlone, s())).toEqual({ field: 'signedOffBy', code: 'required' });
    const counted = { ...s(), ...count(40000), state: 'counted', _rev: '2-a' };
    expect(first(counted, s())).toBeNull();
    expect(first({ ...s(), ...count(48000), state: 'counted' }, s())).toEqual({ field: 'state', code: 'bad_value' });
    const signed = { ...counted, state: 'closed', closedAt: '2024-03-05T17:30:00Z', signedOffBy: 'supervisor.dla', signedOffAt: '2024-03-05T17:30:00Z' };
    expect(first(signed, counted, dla('supervisor'))).toBeNull();
    expect(first({ ...signed, signedOffBy: 'cashier.dla' }, counted)).toEqual({ field: 'signedOffBy', code: 'bad_value' });
    expect(first({ ...signed, countedAmount: 50000, variance: 0 }, counted, dla('supervisor'))).toEqual({ field: 'countedAmount', code: 'immutable' });
    // Closed is frozen, even for the server admin; a session goes back to nothing.
    expect(first({ ...signed, closedAt: '2024-03-06T08:00:00Z' }, signed, SERVER_ADMIN)).toEqual({ field: 'state', code: 'immutable' });
    expect(first({ ...s(), _rev: '3-a' }, counted)).toEqual({ field: 'state', code: 'bad_transition' });
    expect(first({ _id: s()._id, _rev: '2-a', _deleted: true }, s())).toEqual({ field: '_deleted', code: 'immutable' });
  });
  it('nothing of the closing before the count', () => {
    expect(first({ ...s(), closedAt: '2024-03-05T17:00:00Z' })).toEqual({ field: 'closedAt', code: 'bad_value' });
    expect(first({ ...s(), countedAmount: 3 })).toEqual({ field: 'countedAmount', code: 'bad_value' });
  });
});

describe('payment orders and approvals', () => {
  const o = (): Doc => ({ ...goodDocs().payment_order!, _rev: '1-a' });
  const paid = (by = 'cashier.dla'): Doc => ({ ...o(), state: 'paid', entry: cashEntryId('dla', 'C08', 2), counter: 'C08', paidBy: by, paidAt: '2024-03-05T10:00:00Z' });
  it('the back office authorises, in its own name; nobody else creates one', () => {
    const { _rev, ...fresh } = o();
    expect(validateForWrite(fresh, null, dla('backoffice'), 'branch')).toEqual([]);
    expect(validateForWrite(fresh, null, dla('cashier'), 'branch')).toEqual([{ field: '_id', code: 'forbidden_role' }]);
    // The server cannot tell a creation from a replicated update: the role of the move decides.
    expect(first({ ...fresh, authorisedBy: 'cashier.dla' }, null, dla('cashier'))).toEqual({ field: 'state', code: 'forbidden_role' });
    expect(validateForWrite(paid(), null, dla('cashier'), 'branch')).toEqual([{ field: 'state', code: 'bad_transition' }]);
  });
  it('a cashier pays it once, naming the entry; then it is frozen', () => {
    expect(first(paid(), o())).toBeNull();
    expect(first(paid('cashier.b'), o())).toEqual({ field: 'paidBy', code: 'not_author' });
    expect(first({ ...paid(), amount: 1 }, o())).toEqual({ field: 'amount', code: 'immutable' });
    expect(first({ ...paid(), entry: cashEntryId('dla', 'C07', 2) }, o())).toEqual({ field: 'entry', code: 'bad_ref' });
    expect(first(paid(), o(), dla('backoffice'))).toEqual({ field: 'paidBy', code: 'not_author' });
    expect(first({ ...paid(), paidBy: 'backoffice.dla' }, o(), dla('backoffice'))).toEqual({ field: 'state', code: 'forbidden_role' });
    const again = { ...paid(), paidAt: '2024-03-05T11:00:00Z' };
    expect(first(again, { ...paid(), _rev: '2-a' })).toEqual({ field: 'state', code: 'immutable' });
    expect(first({ _id: o()._id, _rev: '2-a', _deleted: true }, o(), dla('backoffice'))).toEqual({ field: '_deleted', code: 'immutable' });
  });
  it('the back office cancels an unpaid order; a cashier cannot', () => {
    const cancelled = (by: string) => ({ ...o(), state: 'cancelled', cancelledBy: by, cancelledAt: '2024-03-05T10:00:00Z', cancelReason: 'Doublon' });
    expect(first(cancelled('backoffice.dla'), o(), dla('backoffice'))).toBeNull();
    expect(first(cancelled('cashier.dla'), o(), dla('cashier'))).toEqual({ field: 'state', code: 'forbidden_role' });
    expect(first(cancelled('backoffice.dla'), { ...paid(), _rev: '2-a' }, dla('backoffice'))).toEqual({ field: 'state', code: 'immutable' });
  });
  it('a supervisor approves a reversal of one entry of the desk', () => {
    const a = goodDocs().cash_approval!;
    expect(first(a, null, dla('supervisor'))).toBeNull();
    expect(first(a, null, dla('cashier'))).toEqual({ field: '_id', code: 'forbidden_role' });
    expect(first({ ...a, supervisor: 'supervisor.b' }, null, dla('supervisor'))).toEqual({ field: 'supervisor', code: 'not_author' });
    expect(first({ ...a, entry: cashEntryId('dla', 'C08', 2) }, null, dla('supervisor'))).toEqual({ field: '_id', code: 'bad_id' });
    expect(first({ ...a, counter: 'C07' }, null, dla('supervisor'))).toEqual({ field: 'entry', code: 'bad_ref' });
  });
  it('every new type passes structure in its home database only', () => {
    for (const t of ['cash_session', 'cash_entry', 'cash_approval', 'payment_order']) expect(validateStructure(goodDocs()[t], 'branch'), t).toEqual([]);
  });
});
