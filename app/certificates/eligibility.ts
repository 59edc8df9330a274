/**
 * Which certificates a person may receive now, and in plain words why not (issue 13). Pure
 * functions over the person's file as the device holds it, one per catalogue rule
 * (CertificateType.rule), so the counter can send an employer to the cash desk for the quarter
 * it owes and issue "good standing" afterwards, in the same visit.
 */
import type { AccountLine } from '../../couch-design/types/account-line.ts';
import type { Case } from '../../couch-design/types/case.ts';
import type { CertificateType, PersonKind } from '../../couch-design/types/catalogue.ts';
import type { Person } from '../../couch-design/types/person.ts';
import type { PaymentOrder } from '../../couch-design/types/payment-order.ts';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';

/**
 * Contributions for a period are payable until the 15th day after it ends (the legal delay
 * the demo institution applies); after that an unpaid period makes the employer a debtor.
 */
export const PAYMENT_DELAY_DAYS = 15;

export interface CertificateFile {
  /** Null when a search found nobody: only "not registered" can be issued then. */
  person: Person | null;
  /** With no person: the visitor's name and identity document, as the counter saw them, that the search did not find. */
  identity?: { name: string; idNumber: string };
  cases: readonly Case[];
  accountLines: readonly AccountLine[];
  /** The person's payment orders (any state). */
  orders: readonly PaymentOrder[];
}

export type Refusal =
  | { code: 'not_for_kind'; kind: PersonKind }
  | { code: 'person_required' }
  | { code: 'identity_required' }
  | { code: 'unpaid_period'; period: string; owed: number; currency: string }
  | { code: 'registered'; number: string }
  | { code: 'no_benefit_paid'; from: string; to: string }
  | { code: 'no_benefit_in_payment' };

/** What the paper states, beyond who and which type. */
export type Certified =
  | { rule: 'registered'; number: string; kind: PersonKind }
  /** Every period due up to `through` paid (none due yet: `through` absent). */
  | { rule: 'good_standing'; number: string; through?: string }
  | { rule: 'not_registered'; name: string; idNumber: string }
  | { rule: 'benefits_received'; from: string; to: string; total: number; currency: string; payments: { designation: string; amount: number; paidAt: string }[] }
  | { rule: 'benefit_in_payment'; cases: { caseNo: string; kind: Case['kind'] }[] };

export type Eligibility = { eligible: true; certified: Certified } | { eligible: false; reasons: Refusal[] };

/** The period asked for by "benefits received"; other rules ignore it. */
export interface Asked {
  today: string;
  from?: string;
  to?: string;
}

/**
 * The account lines as the cash desk left them: head office posts payments to account lines
 * later, so a receipt taken today (and not reversed) pays the periods it names, oldest first,
 * up to what each owes. This is what lets the same visit go from the cash desk to the certificate.
 */
export function paidAtDesk(lines: readonly AccountLine[], entries: readonly CashEntry[]): AccountLine[] {
  const reversed = new Set(entries.filter((e) => e.category === 'reversal' && e.reverses).map((e) => e.reverses!));
  const out = new Map(lines.map((l) => [l.period, { ...l }]));
  for (const e of entries) {
    if (e.kind !== 'receipt' || e.category !== 'contribution' || reversed.has(e._id) || !e.periods) continue;
    let left = e.amount ?? 0;
    for (const period of [...e.periods].sort()) {
      const line = out.get(period);
      if (!line || left <= 0) continue;
      const paid = Math.min(left, Math.max(0, line.amountDue - line.amountPaid));
      line.amountPaid += paid;
      left -= paid;
    }
  }
  return [...out.values()];
}

/** YYYY-MM-DD of the last day of a period `2013-Q2` or `2013-05`. */
export function periodEnd(period: string): string {
  const [year, p] = period.split('-') as [string, string];
  const lastMonth = p.startsWith('Q') ? Number(p.slice(1)) * 3 : Number(p);
  const last = new Date(Date.UTC(Number(year), lastMonth, 0));
  return last.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Issue day + months, kept within the month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lastOfTarget = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastOfTarget))).toISOString().slice(0, 10);
}

export function isDue(period: string, today: string): boolean {
  return today > addDays(periodEnd(period), PAYMENT_DELAY_DAYS);
}

function goodStanding(person: Person, lines: readonly AccountLine[], today: string): Eligibility {
  const due = lines.filter((l) => isDue(l.period, today)).sort((a, b) => a.period.localeCompare(b.period));
  const unpaid: Refusal[] = due
    .filter((l) => l.amountPaid < l.amountDue)
    .map((l) => ({ code: 'unpaid_period', period: l.period, owed: l.amountDue - l.amountPaid, currency: l.currency }));
  if (unpaid.length > 0) return { eligible: false, reasons: unpaid };
  const through = due.at(-1)?.period;
  return { eligible: true, certified: { rule: 'good_standing', number: person.number, ...(through ? { through } : {}) } };
}

function benefitsReceived(orders: readonly PaymentOrder[], asked: Asked): Eligibility {
  const from = asked.from ?? `${asked.today.slice(0, 4)}-01-01`;
  const to = asked.to ?? asked.today;
  const paid = orders
    .filter((o) => o.state === 'paid' && o.paidAt !== undefined && o.paidAt.slice(0, 10) >= from && o.paidAt.slice(0, 10) <= to)
    .sort((a, b) => a.paidAt!.localeCompare(b.paidAt!));
  if (paid.length === 0) return { eligible: false, reasons: [{ code: 'no_benefit_paid', from, to }] };
  return {
    eligible: true,
    certified: {
      rule: 'benefits_received',
      from,
      to,
      total: paid.reduce((sum, o) => sum + o.amount, 0),
      currency: paid[0]!.currency,
      payments: paid.map((o) => ({ designation: o.designation, amount: o.amount, paidAt: o.paidAt! })),
    },
  };
}

const IN_PAYMENT: readonly Case['kind'][] = ['pension', 'daily_allowance', 'work_injury', 'family_benefits'];

function benefitInPayment(cases: readonly Case[]): Eligibility {
  const paying = cases.filter((c) => IN_PAYMENT.includes(c.kind) && (c.status === 'approved' || c.status === 'paid'));
  if (paying.length === 0) return { eligible: false, reasons: [{ code: 'no_benefit_in_payment' }] };
  return { eligible: true, certified: { rule: 'benefit_in_payment', cases: paying.map((c) => ({ caseNo: c.caseNo, kind: c.kind })) } };
}

/** Whether `type` may be issued from `file` now; the reasons when not, the statement when so. */
export function eligibility(type: CertificateType, file: CertificateFile, asked: Asked): Eligibility {
  const person = file.person;
  if (type.rule === 'not_registered') {
    if (person) return { eligible: false, reasons: [{ code: 'registered', number: person.number }] };
    if (!file.identity) return { eligible: false, reasons: [{ code: 'identity_required' }] };
    return { eligible: true, certified: { rule: 'not_registered', name: file.identity.name, idNumber: file.identity.idNumber } };
  }
  if (!person) return { eligible: false, reasons: [{ code: 'person_required' }] };
  if (!type.for.includes(person.kind)) return { eligible: false, reasons: [{ code: 'not_for_kind', kind: person.kind }] };
  switch (type.rule) {
    case 'registered':
      return { eligible: true, certified: { rule: 'registered', number: person.number, kind: person.kind } };
    case 'good_standing':
      return goodStanding(person, file.accountLines, asked.today);
    case 'benefits_received':
      return benefitsReceived(file.orders, asked);
    case 'benefit_in_payment':
      return benefitInPayment(file.cases);
  }
}

/** The validity printed: the type's maximum unless the agent asks for less; beyond it is refused. */
export function validUntil(type: CertificateType, issued: string, monthsAsked?: number): { validUntil?: string } | { problem: 'too_long' | 'not_positive' } {
  if (monthsAsked !== undefined && (!Number.isInteger(monthsAsked) || monthsAsked < 1)) return { problem: 'not_positive' };
  if (type.validityMonths === undefined) return monthsAsked === undefined ? {} : { validUntil: addMonths(issued, monthsAsked) };
  const months = monthsAsked ?? type.validityMonths;
  if (months > type.validityMonths) return { problem: 'too_long' };
  return { validUntil: addMonths(issued, months) };
}
