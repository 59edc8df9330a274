import { describe, expect, it } from 'vitest';
import { reviewsByDocument, type ReviewFacts } from '../../desk/reviews.ts';
import { validateSubmissionReview } from '../../../couch-design/types/submission.ts';
import { decide, type DecisionInput } from './decide.ts';
import { DEFAULT_FILTERS, buildRows, filterRows } from './rows.ts';
import { padBlocks, rowWindow, scrollToShow } from './row-window.ts';

const sub = (id: string, ticket: string | undefined, person: string, event: string, codes: string[], counter = 'C01') => ({
  _id: `submission:2026-12-0${id}:mipt0g000-k3x9qz-000${id}`, day: `2026-12-0${id}`, ...(ticket ? { ticket } : {}), person, event, counter, at: `2026-12-0${id}T09:00:00Z`,
  documents: codes.map((code) => ({ code, designation: 'Doc ' + code, copies: 1 })),
});
const review = (id: string, submission: string, code: string, decision: ReviewFacts['decision'], at: string, over: Partial<ReviewFacts> = {}): ReviewFacts => ({
  _id: id, submission, documentCode: code, decision, at, agent: 'backoffice.dla', ...(decision === 'refused' ? { reason: 'illegible' } : {}), ...over,
});

describe('delivered documents: rows', () => {
  const s1 = sub('1', 'ticket:dla:2026-12-01:F:0012', 'person:1000001', 'family_benefits_male', ['0104', '0215', '0228']);
  const s2 = sub('2', 'ticket:dla:2026-12-02:F:0003', 'person:1000002', 'daily_allowance', ['0309'], 'C03');
  const s3 = sub('3', undefined, 'person:1000001', 'family_benefits_male', ['0228']);
  const required = (e: string) => (e === 'family_benefits_male' ? ['0104', '0215', '0228'] : ['0309', '0310', '0314']);

  it('groups by ticket date and number, newest first, the event on the first row of each visit', () => {
    const rows = buildRows([s1, s2, s3], [], required);
    expect(rows.map((r) => [r.date, r.ticket, r.code, r.first])).toEqual([
      ['2026-12-03', '', '0228', true],
      ['2026-12-02', 'F003', '0309', true],
      ['2026-12-01', 'F012', '0104', true],
      ['2026-12-01', 'F012', '0215', false],
      ['2026-12-01', 'F012', '0228', false],
    ]);
    expect(rows.every((r) => r.reviews.status === 'non_validated' && !r.complete)).toBe(true);
  });

  it('a visit is complete when every document its event requires is validated for the person, on any visit', () => {
    const reviews = [review('r1', s1._id, '0104', 'validated', '2026-12-04T00:00:00Z'), review('r2', s1._id, '0215', 'validated', '2026-12-04T00:00:00Z'), review('r3', s3._id, '0228', 'validated', '2026-12-04T00:00:00Z')];
    const rows = buildRows([s1, s2, s3], reviews, required);
    expect(rows.filter((r) => r.complete).map((r) => r.submission)).toEqual([s3._id, s1._id, s1._id, s1._id]);
  });

  it('filters: status non-validated by default, then period, event, code, counter, person; the event moves to the first kept row', () => {
    const rows = buildRows([s1, s2, s3], [review('r1', s1._id, '0104', 'validated', '2026-12-04T00:00:00Z')], required);
    const shown = filterRows(rows, DEFAULT_FILTERS);
    expect(shown.map((r) => r.code)).toEqual(['0228', '0309', '0215', '0228']);
    expect(shown.find((r) => r.code === '0215')!.first).toBe(true);
    expect(filterRows(rows, { ...DEFAULT_FILTERS, status: 'validated' }).map((r) => r.code)).toEqual(['0104']);
    expect(filterRows(rows, { ...DEFAULT_FILTERS, status: '', from: '2026-12-02', to: '2026-12-02' }).map((r) => r.code)).toEqual(['0309']);
    expect(filterRows(rows, { ...DEFAULT_FILTERS, status: '', event: 'daily_allowance' })).toHaveLength(1);
    expect(filterRows(rows, { ...DEFAULT_FILTERS, status: '', code: '02' }).map((r) => r.code)).toEqual(['0228', '0215', '0228']);
    expect(filterRows(rows, { ...DEFAULT_FILTERS, status: '', counter: 'C03' }).map((r) => r.code)).toEqual(['0309']);
    expect(filterRows(rows, { ...DEFAULT_FILTERS, status: '', person: '1000002' }).map((r) => r.code)).toEqual(['0309']);
  });
});

describe('delivered documents: a decision', () => {
  const S = 'submission:2026-12-01:mipt0g000-k3x9qz-0001';
  let n = 0;
  const input = (over: Partial<DecisionInput>): DecisionInput => ({
    ticked: [{ submission: S, code: '0104', seen: null }, { submission: S, code: '0215', seen: null }],
    decision: 'validated', reasonCode: '', reasonText: '', now: new Map(), branch: 'dla', day: '2026-12-02', agent: 'backoffice.dla',
    at: '2026-12-02T10:00:00.000Z', uid: () => `mipt0g000-bo1-${String(++n).padStart(4, '0')}`, ...over,
  });

  it('one review per ticked document, each one the contract accepts', () => {
    const r = decide(input({}));
    if (!r.ok) throw new Error(r.error);
    expect(r.reviews.map((x) => [x.documentCode, x.decision, x.corrects])).toEqual([['0104', 'validated', undefined], ['0215', 'validated', undefined]]);
    for (const doc of r.reviews) expect(validateSubmissionReview(doc as never)).toEqual([]);
  });

  it('a refusal needs a reason: none is refused and nothing is built; a standard one or words will do', () => {
    expect(decide(input({ decision: 'refused' }))).toEqual({ ok: false, error: 'reason_required', documents: [] });
    expect(decide(input({ decision: 'refused', reasonText: '   ' }))).toMatchObject({ ok: false, error: 'reason_required' });
    const r = decide(input({ decision: 'refused', reasonCode: 'expired', reasonText: 'dated 2019' }));
    expect(r.ok && r.reviews.map((x) => x.reason)).toEqual(['expired — dated 2019', 'expired — dated 2019']);
    expect(decide(input({ ticked: [] }))).toMatchObject({ ok: false, error: 'no_selection' });
  });

  it('correcting a decision names the review it corrects; a selection another review has changed since is stale', () => {
    const first = review('review:2026-12-02:a', S, '0104', 'refused', '2026-12-02T09:00:00Z');
    const now = reviewsByDocument([first]);
    const fix = decide(input({ ticked: [{ submission: S, code: '0104', seen: first._id }], now }));
    expect(fix.ok && fix.reviews[0]!.corrects).toBe(first._id);
    // Seen undecided, but decided since.
    expect(decide(input({ now }))).toEqual({ ok: false, error: 'stale', documents: ['0104'] });
    // Seen refused, but corrected since by someone else.
    const later = reviewsByDocument([first, review('review:2026-12-02:b', S, '0104', 'validated', '2026-12-02T09:30:00Z', { corrects: first._id })]);
    expect(decide(input({ ticked: [{ submission: S, code: '0104', seen: first._id }], now: later }))).toMatchObject({ ok: false, error: 'stale' });
    // The decision it already has: nothing to write.
    expect(decide(input({ ticked: [{ submission: S, code: '0104', seen: first._id }], decision: 'refused', reasonCode: 'other', now }))).toMatchObject({ ok: false, error: 'same_decision' });
  });
});

describe('delivered documents: the rows in view', () => {
  it('renders the rows in view plus a margin, never past the ends', () => {
    expect(rowWindow(0, 480, 48, 20000, 8)).toEqual({ start: 0, end: 18 });
    expect(rowWindow(48 * 1000, 480, 48, 20000, 8)).toEqual({ start: 992, end: 1018 });
    expect(rowWindow(48 * 20000, 480, 48, 20000, 8)).toEqual({ start: 19992, end: 20000 });
    expect(rowWindow(0, 480, 48, 3, 8)).toEqual({ start: 0, end: 3 });
  });

  it('spacer blocks add up to the rows they stand for, at most 9 of each size', () => {
    for (const n of [0, 1, 9, 10, 1234, 19999, 20000, 123456]) {
      const blocks = padBlocks(n);
      expect(blocks.reduce((a, b) => a + b, 0)).toBe(n);
      for (const size of new Set(blocks)) expect(blocks.filter((b) => b === size).length).toBeLessThanOrEqual(size === 10000 ? Infinity : 9);
    }
  });

  it('scrolls just enough to show a row', () => {
    expect(scrollToShow(5, 0, 480, 48)).toBeNull();
    expect(scrollToShow(10, 0, 480, 48)).toBe(48);
    expect(scrollToShow(2, 480, 480, 48)).toBe(96);
  });
});
