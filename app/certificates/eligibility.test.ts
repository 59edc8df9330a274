import { describe, expect, it } from 'vitest';
import type { AccountLine } from '../../couch-design/types/account-line.ts';
import type { Case } from '../../couch-design/types/case.ts';
import type { CertificateRule, CertificateType, PersonKind } from '../../couch-design/types/catalogue.ts';
import type { Person } from '../../couch-design/types/person.ts';
import type { PaymentOrder } from '../../couch-design/types/payment-order.ts';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import { addMonths, eligibility, isDue, paidAtDesk, periodEnd, validUntil, type CertificateFile } from './eligibility.ts';

const type = (rule: CertificateRule, kinds: PersonKind[], validityMonths?: number): CertificateType => ({
  _id: `certtype:${rule}`, type: 'certificate_type', code: rule, name: { fr: rule, en: rule }, for: kinds, rule, ...(validityMonths ? { validityMonths } : {}),
});
const employer: Person = { _id: 'person:415120', type: 'person', kind: 'employer', number: '415120', companyName: 'Ébodé & Fils', accountNumber: '415120' };
const insurant: Person = { _id: 'person:1000123', type: 'person', kind: 'insurant', number: '1000123', familyName: 'Ékotto', givenName: 'Jean' };
const line = (period: string, due: number, paid: number): AccountLine => ({ _id: `accline:415120:${period}`, type: 'account_line', employer: employer._id, period, amountDue: due, amountPaid: paid, currency: 'XAF' });
const file = (person: Person | null, more: Partial<CertificateFile> = {}): CertificateFile => ({ person, cases: [], accountLines: [], orders: [], ...more });
const order = (designation: string, amount: number, state: PaymentOrder['state'], paidAt?: string): PaymentOrder => ({
  _id: `payorder:dla:${designation}`, type: 'payment_order', branch: 'dla', beneficiary: insurant._id, kind: 'daily_allowance', designation, amount, currency: 'XAF',
  authorisedBy: 'backoffice.dla', authorisedAt: '2026-01-02T08:00:00.000Z', state, ...(paidAt ? { paidAt } : {}),
} as PaymentOrder);
const kase = (caseNo: string, kind: Case['kind'], status: Case['status']): Case => ({ _id: `case:1000123:${caseNo}`, type: 'case', person: insurant._id, caseNo, kind, status, openedAt: '2020-01-01T00:00:00.000Z', updatedAt: '2020-01-01T00:00:00.000Z', summary: '', missingDocuments: [] });

describe('periods and dates', () => {
  it('ends quarters and months on their last day, leap years included', () => {
    expect(periodEnd('2013-Q2')).toBe('2013-06-30');
    expect(periodEnd('2013-Q4')).toBe('2013-12-31');
    expect(periodEnd('2024-02')).toBe('2024-02-29');
    expect(periodEnd('2013-05')).toBe('2013-05-31');
  });
  it('makes a period due 15 days after it ends', () => {
    expect(isDue('2026-Q3', '2026-10-15')).toBe(false);
    expect(isDue('2026-Q3', '2026-10-16')).toBe(true);
  });
  it('adds months within the month', () => {
    expect(addMonths('2026-12-02', 3)).toBe('2027-03-02');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
  });
});

describe('eligibility per rule (issue 13)', () => {
  const today = '2026-12-02';

  it('good standing: refused with every unpaid period due and what it owes; a period not yet due does not count', () => {
    const lines = [line('2013-Q1', 40000, 40000), line('2013-Q2', 50980, 0), line('2026-Q3', 1000, 400), line('2026-Q4', 9000, 0)];
    expect(eligibility(type('good_standing', ['employer'], 3), file(employer, { accountLines: lines }), { today })).toEqual({
      eligible: false,
      reasons: [
        { code: 'unpaid_period', period: '2013-Q2', owed: 50980, currency: 'XAF' },
        { code: 'unpaid_period', period: '2026-Q3', owed: 600, currency: 'XAF' },
      ],
    });
  });

  it('good standing: issued once the cash desk took what was owed, through the last period due', () => {
    const lines = [line('2013-Q2', 50980, 50980), line('2026-Q3', 1000, 1000), line('2026-Q4', 9000, 0)];
    expect(eligibility(type('good_standing', ['employer'], 3), file(employer, { accountLines: lines }), { today })).toEqual({
      eligible: true,
      certified: { rule: 'good_standing', number: '415120', through: '2026-Q3' },
    });
    expect(eligibility(type('good_standing', ['employer']), file(employer), { today })).toEqual({ eligible: true, certified: { rule: 'good_standing', number: '415120' } });
  });

  it('refuses a type that is not for this kind of person, and one that needs a person found', () => {
    expect(eligibility(type('good_standing', ['employer']), file(insurant), { today })).toEqual({ eligible: false, reasons: [{ code: 'not_for_kind', kind: 'insurant' }] });
    expect(eligibility(type('registered', ['insurant']), file(null), { today })).toEqual({ eligible: false, reasons: [{ code: 'person_required' }] });
  });

  it('registered: the person on file; not registered: only when nobody was found', () => {
    expect(eligibility(type('registered', ['insurant', 'employer']), file(insurant), { today })).toEqual({ eligible: true, certified: { rule: 'registered', number: '1000123', kind: 'insurant' } });
    const visitor = { name: 'Ngo Biyong Marthe', idNumber: 'CM-112233445' };
    expect(eligibility(type('not_registered', ['insurant']), { ...file(null), identity: visitor }, { today })).toEqual({ eligible: true, certified: { rule: 'not_registered', ...visitor } });
    expect(eligibility(type('not_registered', ['insurant']), file(null), { today })).toEqual({ eligible: false, reasons: [{ code: 'identity_required' }] });
    expect(eligibility(type('not_registered', ['insurant']), file(insurant), { today })).toEqual({ eligible: false, reasons: [{ code: 'registered', number: '1000123' }] });
  });

  it('benefits received: the paid orders of the period, totalled; none paid in it is refused', () => {
    const orders = [order('IJ 01/03–15/03/2026', 45000, 'paid', '2026-03-20T09:00:00.000Z'), order('IJ 16/03–31/03/2026', 48000, 'paid', '2026-04-03T09:00:00.000Z'), order('PF T1 2026', 30000, 'authorised'), order('PF T4 2025', 30000, 'paid', '2025-12-20T09:00:00.000Z')];
    const r = eligibility(type('benefits_received', ['insurant']), file(insurant, { orders }), { today, from: '2026-01-01', to: '2026-12-02' });
    expect(r).toMatchObject({ eligible: true, certified: { rule: 'benefits_received', total: 93000, currency: 'XAF', from: '2026-01-01', to: '2026-12-02' } });
    expect(r.eligible && r.certified.rule === 'benefits_received' && r.certified.payments.map((p) => p.designation)).toEqual(['IJ 01/03–15/03/2026', 'IJ 16/03–31/03/2026']);
    expect(eligibility(type('benefits_received', ['insurant']), file(insurant, { orders }), { today, from: '2026-05-01', to: '2026-12-02' })).toEqual({ eligible: false, reasons: [{ code: 'no_benefit_paid', from: '2026-05-01', to: '2026-12-02' }] });
  });

  it('benefit in payment: an approved or paid pension or allowance case; an open one is not', () => {
    const cases = [kase('2019-0001', 'pension', 'paid'), kase('2024-0002', 'family_benefits', 'pending_documents')];
    expect(eligibility(type('benefit_in_payment', ['insurant']), file(insurant, { cases }), { today })).toEqual({ eligible: true, certified: { rule: 'benefit_in_payment', cases: [{ caseNo: '2019-0001', kind: 'pension' }] } });
    expect(eligibility(type('benefit_in_payment', ['insurant']), file(insurant, { cases: cases.slice(1) }), { today })).toEqual({ eligible: false, reasons: [{ code: 'no_benefit_in_payment' }] });
  });

  it('validity: the type maximum by default, less on request, more refused', () => {
    const t = type('good_standing', ['employer'], 3);
    expect(validUntil(t, '2026-12-02')).toEqual({ validUntil: '2027-03-02' });
    expect(validUntil(t, '2026-12-02', 1)).toEqual({ validUntil: '2027-01-02' });
    expect(validUntil(t, '2026-12-02', 4)).toEqual({ problem: 'too_long' });
    expect(validUntil(t, '2026-12-02', 0)).toEqual({ problem: 'not_positive' });
    expect(validUntil(type('registered', ['insurant']), '2026-12-02')).toEqual({});
  });
});

describe('receipts taken at the cash desk today', () => {
  const entry = (number: number, amount: number, periods: string[], extra: Partial<CashEntry> = {}): CashEntry =>
    ({ _id: `cash:dla:C07:${String(number).padStart(8, '0')}`, type: 'cash_entry', kind: 'receipt', category: 'contribution', amount, periods, account: '415120', ...extra }) as CashEntry;

  it('pay the periods they name, oldest first, up to what each owes; a reversed receipt pays nothing', () => {
    const lines = [line('2013-Q1', 40000, 10000), line('2013-Q2', 50980, 0), line('2013-Q3', 5000, 0)];
    const paid = paidAtDesk(lines, [entry(1, 60000, ['2013-Q2', '2013-Q1']), entry(2, 5000, ['2013-Q3']), entry(3, 5000, ['2013-Q3'], { category: 'reversal', reverses: 'cash:dla:C07:00000002' })]);
    expect(paid.map((l) => [l.period, l.amountPaid])).toEqual([['2013-Q1', 40000], ['2013-Q2', 30000], ['2013-Q3', 0]]);
    expect(lines[0]!.amountPaid).toBe(10000);
  });

  it('turn a refused good standing into an issued one in the same visit', () => {
    const lines = [line('2013-Q2', 50980, 0)];
    const t = type('good_standing', ['employer'], 3);
    expect(eligibility(t, file(employer, { accountLines: lines }), { today: '2026-12-02' }).eligible).toBe(false);
    expect(eligibility(t, file(employer, { accountLines: paidAtDesk(lines, [entry(1, 50980, ['2013-Q2'])]) }), { today: '2026-12-02' })).toMatchObject({ eligible: true, certified: { through: '2013-Q2' } });
  });
});
