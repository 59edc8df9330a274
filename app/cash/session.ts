/**
 * Building the session documents the screen writes: opening (next session number of the desk,
 * first document number after the previous session's last one) and the blind count. Pure: the
 * caller gives what its replica holds and writes the result through the data layer, which
 * runs the contract's validator on it.
 */
import { type CashSession, type CountLine, cashSessionId, countTotal } from '../../couch-design/types/cash.ts';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import type { CashSettings } from '../../couch-design/types/cash-config.ts';
import type { Problem } from '../../couch-design/validate/problems.ts';
import { expectedDrawer, variance } from './totals.ts';

export interface OpenInput {
  branch: string;
  day: string;
  counter: string;
  cashier: string;
  currency: string;
  at: string;
  /** One amount, or a count by denomination. */
  float: number | CountLine[];
  settings: CashSettings;
  /** The desk's latest session, whatever its state (null for its first). */
  lastOfDesk: CashSession | null;
  /** The cashier's sessions still open or counted, at any desk. */
  openOfCashier: readonly CashSession[];
}

/** A count from the screen's grid: denominations with a count of zero are left out. */
export function countLines(denominations: readonly number[], counts: readonly number[]): CountLine[] {
  return denominations.map((d, i) => [d, counts[i] ?? 0] as CountLine).filter(([, n]) => n > 0);
}

export function openSession(input: OpenInput): { session: CashSession } | { problems: Problem[] } {
  const last = input.lastOfDesk;
  if ((last && last.state !== 'closed') || input.openOfCashier.length > 0) return { problems: [{ field: 'counter', code: 'session_busy' }] };
  const count = Array.isArray(input.float) ? input.float : undefined;
  const float = count ? countTotal(count) : (input.float as number);
  if (float === null) return { problems: [{ field: 'openingCount', code: 'bad_format' }] };
  const seq = last ? last.seq + 1 : 1;
  const session: CashSession = {
    _id: cashSessionId(input.branch, input.counter, seq),
    type: 'cash_session',
    branch: input.branch,
    day: input.day,
    counter: input.counter,
    seq,
    cashier: input.cashier,
    currency: input.currency,
    openedAt: input.at,
    openingFloat: float,
    ...(count ? { openingCount: count } : {}),
    firstNumber: last ? last.lastNumber! + 1 : 1,
    varianceThreshold: input.settings.varianceThreshold,
    reversalThreshold: input.settings.reversalThreshold,
    state: 'open',
  };
  return { session };
}

/**
 * The blind count: `counted` is what the cashier typed before seeing anything else. Returns
 * the next revision: `closed` when the variance is within the threshold, else `counted`,
 * waiting for a supervisor's sign-off.
 */
export function countSession(session: CashSession, entries: readonly CashEntry[], counted: number | CountLine[], at: string): CashSession {
  if (session.state !== 'open') throw new Error(`session ${session._id} is ${session.state}`);
  const count = Array.isArray(counted) ? counted : undefined;
  const amount = count ? countTotal(count) : (counted as number);
  if (amount === null) throw new RangeError('bad count');
  const mine = entries.filter((e) => e.session === session._id);
  const expected = expectedDrawer(session, mine);
  const v = variance(amount, expected);
  const lastNumber = mine.reduce((m, e) => Math.max(m, e.number), session.firstNumber - 1);
  const large = Math.abs(v) > session.varianceThreshold;
  return {
    ...session,
    state: large ? 'counted' : 'closed',
    countedAt: at,
    countedAmount: amount,
    ...(count ? { closingCount: count } : {}),
    expectedAmount: expected,
    variance: v,
    lastNumber,
    closedBy: session.cashier,
    ...(large ? {} : { closedAt: at }),
  };
}

export function signOff(session: CashSession, supervisor: string, at: string): CashSession {
  if (session.state !== 'counted') throw new Error(`session ${session._id} is ${session.state}`);
  return { ...session, state: 'closed', closedAt: at, signedOffBy: supervisor, signedOffAt: at };
}
