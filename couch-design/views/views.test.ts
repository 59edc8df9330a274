import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import { buildDesignDocs, type DbKind, type DesignDoc } from '../build/build-design-docs.ts';
import { goodDocs } from '../testing/fixtures.ts';
import { soundKey } from '../search/person-keys.ts';
import { ticketId, ticketLabel, visitEventId } from '../types/ticket.ts';
import { uid } from '../ids/uid.ts';

PouchDB.plugin(memory).plugin(mapreduce);

let built: Record<DbKind, DesignDoc[]>;
const dbs: PouchDB.Database[] = [];
let n = 0;

async function dbWith(kind: DbKind, docs: object[]): Promise<PouchDB.Database> {
  const db = new PouchDB(`views-test-${kind}-${n++}`, { adapter: 'memory' });
  dbs.push(db);
  await db.bulkDocs([...built[kind], ...docs] as PouchDB.Core.PutDocument<object>[]);
  return db;
}

beforeAll(async () => {
  built = await buildDesignDocs();
}, 30_000);
afterAll(async () => {
  for (const db of dbs) await db.destroy();
});

function ticketsAndVisits() {
  const base = goodDocs().ticket!;
  const out: object[] = [];
  const states = ['waiting', 'waiting', 'serving', 'done', 'done', 'done'];
  states.forEach((state, i) => {
    const seq = i + 1;
    const service = i < 4 ? 'family' : 'pension';
    const series = service === 'family' ? 'A' : 'B';
    const id = ticketId({ branch: 'dla', day: '2024-03-05', series, seq });
    out.push({ ...base, _id: id, seq, series, service, label: ticketLabel(series, seq), state });
    out.push({
      ...goodDocs().visit_event,
      _id: visitEventId({ day: '2024-03-05', series, seq }, uid(1_709_625_600_000 + i, 'k1', i)),
      ticket: id,
      service,
    });
  });
  return out;
}

describe('views in PouchDB, as built', () => {
  it('tickets_by_state counts per day, service and state', async () => {
    const db = await dbWith('branch', ticketsAndVisits());
    const res = await db.query('fo/tickets_by_state', { group: true });
    expect(res.rows).toEqual([
      { key: ['2024-03-05', 'family', 'done'], value: 1 },
      { key: ['2024-03-05', 'family', 'serving'], value: 1 },
      { key: ['2024-03-05', 'family', 'waiting'], value: 2 },
      { key: ['2024-03-05', 'pension', 'done'], value: 2 },
    ]);
    const byService = await db.query('fo/tickets_by_state', { group_level: 2 });
    expect(byService.rows.map((r) => r.value)).toEqual([4, 2]);
  });

  it('visit_events_by_day counts actions; central carries the same views', async () => {
    for (const kind of ['branch', 'central'] as const) {
      const db = await dbWith(kind, ticketsAndVisits());
      const res = await db.query('fo/visit_events_by_day', { group: true });
      expect(res.rows).toEqual([
        { key: ['2024-03-05', 'family', 'issued'], value: 4 },
        { key: ['2024-03-05', 'pension', 'issued'], value: 2 },
      ]);
    }
  });

  it('people_search finds by accent-free prefix, word pair and sound; persons_by_account by number; cases_by_status counts', async () => {
    const docs = goodDocs();
    const employer = { _id: 'person:415120', type: 'person', kind: 'employer', number: '415120', companyName: 'Société Générale Béton', accountNumber: '415120' };
    const db = await dbWith('people', [docs.person!, employer, docs.case!, { ...docs.case!, _id: 'case:1000123:2024-0002', caseNo: '2024-0002', status: 'paid' }]);
    const ek = await db.query('fo/people_search', { startkey: 'w:ek', endkey: 'w:ek\ufff0' });
    expect(ek.rows.map((r) => r.id)).toEqual(['person:1000123']);
    const soc = await db.query('fo/people_search', { key: 'w:societe' });
    expect(soc.rows.map((r) => r.id)).toEqual(['person:415120']);
    const pair = await db.query('fo/people_search', { startkey: 'p:jean ek', endkey: 'p:jean ek\ufff0' });
    expect(pair.rows.map((r) => r.id)).toEqual(['person:1000123']);
    const typo = await db.query('fo/people_search', { key: 's:' + soundKey('ekoto') });
    expect(typo.rows.map((r) => r.id)).toEqual(['person:1000123']);
    const acc = await db.query('fo/persons_by_account', { key: '415120', include_docs: true });
    expect(acc.rows.map((r) => r.doc?._id)).toEqual(['person:415120']);
    const cases = await db.query('fo/cases_by_status', { group_level: 1 });
    expect(cases.rows).toEqual([
      { key: ['paid'], value: 1 },
      { key: ['pending_documents'], value: 1 },
    ]);
  });
});
