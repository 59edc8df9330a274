import { describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import MemoryAdapter from 'pouchdb-adapter-memory';
import type { Submission, SubmissionReview } from '../../../couch-design/types/submission.ts';
import type { EventType } from '../../../couch-design/types/catalogue.ts';
import { buildRows, type Row } from './rows.ts';
import { FIRST_SUBMISSIONS, createRowsStore, type RowsRef, type RowsState } from './rows-store.ts';

PouchDB.plugin(MemoryAdapter);

const DAYS = 60;
const PER_DAY = 5;
const day = (i: number) => new Date(Date.UTC(2026, 5, 1) + i * 86_400_000).toISOString().slice(0, 10);
const events = [{ _id: 'event:daily_allowance', type: 'event', code: 'daily_allowance', name: { fr: 'IJ', en: 'DA' }, requiredDocuments: ['0309', '0310'] }] as unknown as EventType[];
const ref: RowsRef = { events, timeZone: 'Africa/Douala' };
const required = (e: string) => events.find((x) => x.code === e)?.requiredDocuments ?? [];

function submission(i: number): Submission {
  const d = day(Math.floor(i / PER_DAY));
  return {
    _id: `submission:${d}:s${String(i).padStart(5, '0')}`, type: 'submission', branch: 'dla', day: d, person: `person:${1000000 + (i % 7)}`,
    ticket: `ticket:dla:${d}:F:${String(1 + (i % PER_DAY)).padStart(4, '0')}`, event: 'daily_allowance',
    documents: [{ code: '0309', designation: 'A', copies: 1 }, { code: '0310', designation: 'B', copies: 1 }], receiptNumber: 'R' + i, agent: 'counter.dla', counter: 'C01', at: `${d}T09:00:00.000Z`,
  };
}
function review(s: Submission, code: string, decision: 'validated' | 'refused', laterDays: number, n: number): SubmissionReview {
  const d = day(Math.min(DAYS - 1, (Date.parse(s.day) - Date.UTC(2026, 5, 1)) / 86_400_000 + laterDays));
  return { _id: `review:${d}:r${String(n).padStart(5, '0')}`, type: 'submission_review', branch: 'dla', day: d, submission: s._id, documentCode: code, decision, ...(decision === 'refused' ? { reason: 'illegible' } : {}), agent: 'backoffice.dla', at: `${d}T10:00:00.${String(n % 1000).padStart(3, '0')}Z` };
}

async function seeded(name: string) {
  const db = new PouchDB(name, { adapter: 'memory' }) as unknown as PouchDB.Database<{}>;
  const submissions = Array.from({ length: DAYS * PER_DAY }, (_, i) => submission(i));
  // Old visits decided days later, so the newest reviews include some of old submissions.
  const reviews = submissions.flatMap((s, i) => (i % 3 === 0 ? [review(s, '0309', 'validated', i % 4, i)] : i % 3 === 1 ? [review(s, '0310', 'refused', 0, i)] : []));
  await db.bulkDocs([...submissions, ...reviews, { _id: 'ticket:dla:2026-06-01:F:0001', type: 'ticket' }]);
  return { db, submissions, reviews };
}

const keysAndStatuses = (rows: readonly Row[]) => rows.map((r) => [r.key, r.reviews.status, r.first, r.complete]);

describe('delivered documents: the rows kept in memory', () => {
  it('shows the newest submissions first, with their reviews, then every row exactly as built from all documents', async () => {
    const { db, submissions, reviews } = await seeded('rows-store-1');
    const store = createRowsStore(db, async () => ref);
    const states: RowsState[] = [];
    store.subscribe((s) => states.push(s));
    await store.refresh();
    expect(states.map((s) => s.partial)).toEqual([true, false]);
    const newest = submissions.slice(-FIRST_SUBMISSIONS);
    const first = states[0]!;
    expect(new Set(first.rows.map((r) => r.submission))).toEqual(new Set(newest.map((s) => s._id)));
    // Each shown row's status is the one it has with every review read.
    const all = buildRows(submissions, reviews, required);
    const statusOf = new Map(all.map((r) => [r.key, r.reviews.status]));
    expect(first.rows.every((r) => r.reviews.status === statusOf.get(r.key))).toBe(true);
    expect(first.rows.some((r) => r.reviews.status !== 'non_validated')).toBe(true);
    expect(keysAndStatuses(states[1]!.rows)).toEqual(keysAndStatuses(all));
    expect(store.current()).toBe(states[1]);
    expect(states[1]!.timeZone).toBe('Africa/Douala');
  });

  it('takes in what changed since the last read, and nothing when nothing did', async () => {
    const { db, submissions, reviews } = await seeded('rows-store-2');
    const store = createRowsStore(db, async () => ref);
    await store.refresh();
    const states: RowsState[] = [];
    store.subscribe((s) => states.push(s));
    await store.refresh();
    expect(states).toEqual([]);

    const old = submissions[3]!;
    const added = review(old, '0310', 'refused', 50, 99_001);
    const fresh = submission(DAYS * PER_DAY + 1);
    await db.bulkDocs([added, fresh]);
    // Two calls while one read runs: one more read after it, and both promises settle.
    await Promise.all([store.refresh(), store.refresh(), store.refresh()]);
    const expected = buildRows([...submissions, fresh], [...reviews, added], required);
    expect(keysAndStatuses(store.current()!.rows)).toEqual(keysAndStatuses(expected));
    expect(store.current()!.rows.find((r) => r.key === `${old._id}|0310`)!.reviews.status).toBe('refused');
    expect(store.current()!.partial).toBe(false);
  });

  it('with no submission yet, shows an empty list once read', async () => {
    const db = new PouchDB('rows-store-3', { adapter: 'memory' }) as unknown as PouchDB.Database<{}>;
    const store = createRowsStore(db, async () => ref);
    await store.refresh();
    expect(store.current()).toMatchObject({ rows: [], partial: false });
  });
});
