/**
 * Issue 12: the server checks each desk's hash chain as the entries arrive, whatever their
 * order, says on /health where one breaks and which numbers an offline desk still owes, and
 * keeps what it checked across a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import type { CashSession } from '../../couch-design/types/cash.ts';
import { cashSettings } from '../../app/cash/config.ts';
import { openSession } from '../../app/cash/session.ts';
import { receipt, type Desk } from '../../app/cash/entries.ts';
import type { CashChainHealth } from '../../server/jobs/cash-chain-check.ts';
import { couch, signIn, type Session } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { waitFor } from '../support/wait-for.ts';

const DAY = '2024-03-07';
const settings = cashSettings({ currency: 'XAF', currencyDecimals: 0 });
let server: RunningServer;
let cashier: Session;

beforeAll(async () => {
  server = await startServer();
  cashier = await signIn(server.url, 'cashier.dla', 'demo-cashier');
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/** A desk's entries built in order (as the cash desk does), written later in any order. */
function entries(counter: string, count: number, cashierName = 'cashier.dla'): { session: CashSession; list: CashEntry[] } {
  const opened = openSession({ branch: 'dla', day: DAY, counter, cashier: cashierName, currency: 'XAF', at: `${DAY}T08:00:00.000Z`, float: 0, settings, lastOfDesk: null, openOfCashier: [] });
  if (!('session' in opened)) throw new Error(JSON.stringify(opened.problems));
  const list: CashEntry[] = [];
  for (let i = 1; i <= count; i++) {
    const d: Desk = { session: opened.session, last: list.at(-1) ?? null, settings, at: `${DAY}T09:00:0${i}.000Z`, day: DAY };
    const b = receipt(d, { person: 'person:415120', account: '415120', periods: ['2013-Q2'], amount: 1000 * i, payment: { means: 'cash' } });
    if (!('entry' in b)) throw new Error(JSON.stringify(b.problems));
    list.push(b.entry);
  }
  return { session: opened.session, list };
}

async function put(doc: { _id: string }) {
  const r = await couch(server.url, cashier, 'PUT', `/fo_branch_dla/${encodeURIComponent(doc._id)}`, doc);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
}

async function chains(): Promise<CashChainHealth> {
  const r = await fetch(`${server.url}/health`);
  return ((await r.json()) as { cashChains: CashChainHealth }).cashChains;
}

describe('the server checks the cash chains as entries arrive (issue 12)', () => {
  const c07 = entries('C07', 4);
  const c08 = entries('C08', 4);

  it('finds where a rewritten history breaks, and what an offline desk still owes', async () => {
    await put(c07.session);
    // Desk C07's device rewrote entry 3 before pushing: entry 4 names the hash of the real one.
    for (const e of [c07.list[0]!, c07.list[1]!, { ...c07.list[2]!, amount: 99_999 }, c07.list[3]!]) await put(e);
    // Desk C08's number 3 is still on an offline tablet; 4 came through another path first.
    await put(c08.session);
    for (const e of [c08.list[3]!, c08.list[0]!, c08.list[1]!]) await put(e);
    const seen = await waitFor('the check to see both desks', async () => {
      const h = await chains();
      return h.broken.length > 0 && h.waiting.length > 0 ? h : null;
    }, 60_000);
    expect(seen.broken).toEqual([{ branch: 'dla', counter: 'C07', number: 4 }]);
    expect(seen.waiting).toEqual([{ branch: 'dla', counter: 'C08', number: 3 }]);
    expect(seen.checked).toBe(3 + 2);

    await put(c08.list[2]!);
    const caught = await waitFor('C08 caught up', async () => {
      const h = await chains();
      return h.waiting.length === 0 ? h : null;
    }, 60_000);
    expect(caught).toEqual({ checked: 3 + 4, broken: [{ branch: 'dla', counter: 'C07', number: 4 }], waiting: [] });
  }, 150_000);

  it('keeps what it checked across a restart', async () => {
    server = await server.restart();
    const after = await waitFor('the first pass after the restart', async () => {
      const h = await chains();
      return h.checked > 0 ? h : null;
    }, 60_000);
    expect(after).toEqual({ checked: 7, broken: [{ branch: 'dla', counter: 'C07', number: 4 }], waiting: [] });
    expect(server.output()).not.toMatch(/broken at number/);
  }, 150_000);
});
