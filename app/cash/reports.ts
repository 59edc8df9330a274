/**
 * The models the screen renders and prints: X report (a session's totals so far, session
 * open), Z report (a closed session, final), and the day journal in the brief's layout —
 * "Day · Counter officer · Counter", then Document N° · Date · Designation · Account N° ·
 * Entries, a total, totals by means of payment and by category, and the chain's state.
 */
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import type { CashSession } from '../../couch-design/types/cash.ts';
import { type ChainCheck, verifyChain } from './chain.ts';
import { type Totals, effect, expectedDrawer, totals } from './totals.ts';

export interface SessionReport {
  kind: 'X' | 'Z';
  session: string;
  branch: string;
  counter: string;
  cashier: string;
  currency: string;
  openedAt: string;
  /** X: when it was printed; Z: the closing. */
  at: string;
  openingFloat: number;
  /** Document numbers of the session: first … last (last < first when none was used). */
  firstNumber: number;
  lastNumber: number;
  totals: Totals;
  expected: number;
  /** Z only. */
  counted?: number;
  variance?: number;
  signedOffBy?: string;
}

function report(kind: 'X' | 'Z', s: CashSession, entries: readonly CashEntry[], at: string): SessionReport {
  const mine = entries.filter((e) => e.session === s._id).sort((a, b) => a.number - b.number);
  return {
    kind,
    session: s._id,
    branch: s.branch,
    counter: s.counter,
    cashier: s.cashier,
    currency: s.currency,
    openedAt: s.openedAt,
    at,
    openingFloat: s.openingFloat,
    firstNumber: s.firstNumber,
    lastNumber: mine.length ? mine[mine.length - 1]!.number : s.firstNumber - 1,
    totals: totals(mine),
    expected: expectedDrawer(s, mine),
  };
}

/** Mid-session: what was taken so far. It never shows the expected drawer to the cashier before the blind count. */
export function xReport(session: CashSession, entries: readonly CashEntry[], at: string): Omit<SessionReport, 'expected'> {
  if (session.state !== 'open') throw new Error(`X report of a ${session.state} session`);
  const { expected: _hidden, ...rest } = report('X', session, entries, at);
  return rest;
}

/** The closed session, as frozen: its counted and expected amounts are the stored ones. */
export function zReport(session: CashSession, entries: readonly CashEntry[]): SessionReport {
  if (session.state !== 'closed') throw new Error(`Z report of a ${session.state} session`);
  const r = report('Z', session, entries, session.closedAt!);
  return {
    ...r,
    expected: session.expectedAmount!,
    lastNumber: session.lastNumber!,
    counted: session.countedAmount!,
    variance: session.variance!,
    ...(session.signedOffBy ? { signedOffBy: session.signedOffBy } : {}),
  };
}

export interface JournalRow {
  number: number;
  at: string;
  /** A void's row shows its reason instead. */
  designation: string;
  account: string;
  /** Signed: a reversal or a payment is negative ("43 70-"); a void 0. */
  amount: number;
  kind: CashEntry['kind'];
  category: CashEntry['category'];
  means: CashEntry['means'] | null;
  /** Reversal: the number it cancels. */
  reverses: number | null;
  reason: string | null;
  /** The counter officer who took it. */
  agent: string;
}

export interface DayJournal {
  day: string;
  branch: string;
  counter: string;
  /** Counter officers who took entries that day at this desk (the brief's header names one). */
  cashiers: string[];
  rows: JournalRow[];
  total: number;
  byMeans: Totals['byMeans'];
  byCategory: Totals['byCategory'];
  voids: number;
  /** Every number from the first to the last of the day present once. */
  gaps: number[];
}

/** One desk's day, in document-number order. `entries`: that desk's entries of the day (any others are ignored). */
export function dayJournal(day: string, branch: string, counter: string, entries: readonly CashEntry[]): DayJournal {
  const mine = entries.filter((e) => e.day === day && e.branch === branch && e.counter === counter).sort((a, b) => a.number - b.number);
  const rows = mine.map(
    (e): JournalRow => ({
      number: e.number,
      at: e.at,
      designation: e.kind === 'void' ? '' : e.designation!,
      account: e.account ?? '',
      amount: effect(e),
      kind: e.kind,
      category: e.category,
      means: e.means ?? null,
      reverses: e.reverses ? Number(e.reverses.slice(e.reverses.lastIndexOf(':') + 1)) : null,
      reason: e.reason ?? null,
      agent: e.agent,
    }),
  );
  const t = totals(mine);
  const gaps: number[] = [];
  for (let i = 1; i < mine.length; i++) for (let n = mine[i - 1]!.number + 1; n < mine[i]!.number; n++) gaps.push(n);
  return {
    day, branch, counter,
    cashiers: [...new Set(mine.map((e) => e.agent))],
    rows,
    total: t.net,
    byMeans: t.byMeans,
    byCategory: t.byCategory,
    voids: t.voids,
    gaps,
  };
}

/** The journal's chain line: the desk's whole sequence up to the day's last number must verify. */
export function journalChain(deskEntries: readonly CashEntry[]): ChainCheck {
  return verifyChain(deskEntries);
}
