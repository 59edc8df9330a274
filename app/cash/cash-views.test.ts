/** The cash views as built into _design/fo, in PouchDB: the same sums as the pure totals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import { buildDesignDocs, type DbKind, type DesignDoc } from '../../couch-design/build/build-design-docs.ts';
import { goodDocs } from '../../couch-design/testing/fixtures.ts';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import type { CashSession } from '../../couch-design/types/cash.ts';
import { cashSettings } from './config.ts';
import { openSession, countSession } from './session.ts';
import { type Built, type Desk, receipt, reversal, voidNumber } from './entries.ts';
import { dayJournal } from './reports.ts';
import { expectedDrawer } from './totals.ts';

PouchDB.plugin(memory).plugin(mapreduce);
let built: Record<DbKind, DesignDoc[]>;
let db: PouchDB.Database;
beforeAll(async () => {
  built = await buildDesignDocs();
  db = new PouchDB('cash-views-test', { adapter: 'memory' });
}, 30_000);
afterAll(async () => {
  await db?.destroy();
});

describe('cash views', () => {
  it('journal rows in number order with signed amounts; totals by desk, session, means and category; open sessions', async () => {
    const settings = cashSettings({ currency: 'XAF', currencyDecimals: 0 });
    const r = openSession({ branch: 'dla', day: '2024-03-05', counter: 'C08', cashier: 'cashier.dla', currency: 'XAF', at: '2024-03-05T08:00:00.000Z', float: 20000, settings, lastOfDesk: null, openOfCashier: [] });
    const session = (r as { session: CashSession }).session;
    const entries: CashEntry[] = [];
    const take = (b: (d: Desk) => Built) => {
      const out = b({ session, last: entries.at(-1) ?? null, settings, at: '2024-03-05T09:00:00.000Z', day: '2024-03-05' }) as { entry: CashEntry };
      entries.push(out.entry);
      return out.entry;
    };
    const rc = (amount: number, payment: Parameters<typeof receipt>[1]['payment'] = { means: 'cash' }) =>
      take((d) => receipt(d, { person: 'person:415120', account: '415120', periods: ['2013-Q2'], amount, payment }));
    const a = rc(47340);
    rc(56080, { means: 'cheque', bank: 'SGC', chequeNumber: '1234' });
    take((d) => reversal(d, { original: a, reversedBy: [], reason: 'erreur' }));
    take((d) => voidNumber(d, 'papier'));
    rc(9000, { means: 'transfer', reference: 'VIR1' });
    await db.bulkDocs([...built.branch, session, goodDocs().payment_order!, ...entries] as PouchDB.Core.PutDocument<object>[]);

    const rows = await db.query('fo/cash_journal', { reduce: false, startkey: ['2024-03-05', 'dla', 'C08'], endkey: ['2024-03-05', 'dla', 'C08', {}] });
    const journal = dayJournal('2024-03-05', 'dla', 'C08', entries);
    expect(rows.rows.map((x) => [x.key[3], x.value])).toEqual(journal.rows.map((x) => [x.number, x.amount]));
    const desk = await db.query('fo/cash_journal', { group_level: 3 });
    expect(desk.rows).toEqual([{ key: ['2024-03-05', 'dla', 'C08'], value: journal.total }]);

    const bySession = await db.query('fo/cash_totals', { group_level: 5 });
    const cash = bySession.rows.find((x) => x.key[3] === session._id && x.key[4] === 'cash')!;
    expect(session.openingFloat + cash.value[0]).toBe(expectedDrawer(session, entries));
    const means = Object.fromEntries(bySession.rows.filter((x) => x.key[4] !== '').map((x) => [x.key[4], x.value[0]]));
    expect(means).toEqual({ cash: journal.byMeans.cash, cheque: journal.byMeans.cheque, transfer: journal.byMeans.transfer });
    expect(bySession.rows.find((x) => x.key[4] === '')!.value).toEqual([0, 1]);

    const open = await db.query('fo/cash_sessions', { startkey: ['open'], endkey: ['open', {}] });
    expect(open.rows.map((x) => [x.id, x.value])).toEqual([[session._id, ['cashier.dla', '2024-03-05', null]]]);
    const counted = countSession(session, entries, 1000, '2024-03-05T18:00:00.000Z');
    await db.put({ ...counted, _rev: (await db.get(session._id))._rev });
    const waiting = await db.query('fo/cash_sessions', { startkey: ['counted'], endkey: ['counted', {}] });
    expect(waiting.rows.map((x) => x.value[2])).toEqual([counted.variance]);

    const orders = await db.query('fo/payment_orders', { reduce: false, startkey: ['authorised', 'person:1000123'], endkey: ['authorised', 'person:1000123', {}] });
    expect(orders.rows.map((x) => x.value)).toEqual([87000]);
  });
});
