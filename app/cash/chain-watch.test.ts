import { describe, expect, it } from 'vitest';
import { cashSettings } from './config.ts';
import { openSession } from './session.ts';
import { receipt, voidNumber, type Built, type Desk } from './entries.ts';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import { advance, freshDesk, waitingFor } from './chain-watch.ts';

const settings = cashSettings({ currency: 'XAF', currencyDecimals: 0 });

function desk(count: number): CashEntry[] {
  const opened = openSession({ branch: 'dla', day: '2024-03-05', counter: 'C07', cashier: 'cashier.dla', currency: 'XAF', at: '2024-03-05T08:00:00.000Z', float: 0, settings, lastOfDesk: null, openOfCashier: [] });
  if (!('session' in opened)) throw new Error('not opened');
  const entries: CashEntry[] = [];
  for (let i = 1; i <= count; i++) {
    const d: Desk = { session: opened.session, last: entries.at(-1) ?? null, settings, at: `2024-03-05T09:00:${String(i).padStart(2, '0')}.000Z`, day: '2024-03-05' };
    const b: Built = i % 4 === 0 ? voidNumber(d, 'spoiled') : receipt(d, { person: 'person:415120', account: '415120', periods: ['2013-Q2'], amount: 1000 * i, payment: { means: 'cash' } });
    if (!('entry' in b)) throw new Error(JSON.stringify(b.problems));
    entries.push(b.entry);
  }
  return entries;
}

describe('the chain checked as entries arrive', () => {
  it('follows entries in any order and batches, holding those ahead of a gap', () => {
    const e = desk(10);
    let d = advance(freshDesk(), [e[2]!, e[0]!]);
    expect(d.next).toBe(2);
    expect(d.broken).toBeUndefined();
    expect(waitingFor(d)).toBe(2);
    d = advance(d, [e[9]!, e[1]!, e[4]!]);
    expect(d.next).toBe(4);
    d = advance(d, [e[3]!, e[5]!, e[6]!, e[7]!, e[8]!]);
    expect(d).toMatchObject({ next: 11, ahead: {} });
    expect(d.broken).toBeUndefined();
    expect(waitingFor(d)).toBeNull();
    // An entry seen again (a second revision read from the feed) changes nothing.
    expect(advance(d, [e[4]!])).toEqual(d);
  });

  it('breaks for good at the first entry whose link does not match', () => {
    const e = desk(6);
    const rewritten = { ...e[2]!, amount: e[2]!.amount! + 1 };
    let d = advance(freshDesk(), [e[0]!, e[1]!, rewritten, e[3]!]);
    // Number 3 itself links fine; number 4 names the hash of the real 3.
    expect(d.broken).toBe(4);
    d = advance(d, [e[4]!, e[5]!]);
    expect(d.broken).toBe(4);
    expect(d.next).toBe(4);
  });

  it('breaks at the first entry when it does not start from the genesis hash', () => {
    const e = desk(2);
    expect(advance(freshDesk(), [{ ...e[0]!, prevHash: e[1]!.prevHash }]).broken).toBe(1);
  });
});
