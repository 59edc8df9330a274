import { describe, expect, it } from 'vitest';
import { documentReviews, documentsComplete, formatReason, parseReason, reviewsByDocument, statusOf, validatedCodes, type ReviewFacts } from './reviews.ts';

const r = (id: string, at: string, decision: ReviewFacts['decision'], over: Partial<ReviewFacts> = {}): ReviewFacts => ({
  _id: id, submission: 'submission:a', documentCode: '0104', decision, at: `2026-01-0${at}T00:00:00Z`, agent: 'bo1', ...over,
});

describe('status of a document from its reviews', () => {
  it('is non-validated without review, else the latest review by time decides, whatever the order given', () => {
    expect(documentReviews([]).status).toBe('non_validated');
    const list = [r('r2', '3', 'refused'), r('r1', '1', 'validated')];
    const d = documentReviews(list);
    expect(d.status).toBe('refused');
    expect(d.history.map((x) => x._id)).toEqual(['r1', 'r2']);
    expect(documentReviews([...list].reverse())).toEqual(d);
  });

  it('keeps a corrected review in the history and does not call a correction a second decision', () => {
    const d = documentReviews([r('r1', '1', 'refused', { reason: 'illegible' }), r('r2', '2', 'validated', { corrects: 'r1' })]);
    expect(d.status).toBe('validated');
    expect(d.history).toHaveLength(2);
    expect(d.secondDecision).toBe(false);
  });

  it('two agents deciding without knowing of each other: both kept, the latest wins, a second decision exists', () => {
    const d = documentReviews([r('r1', '2', 'validated', { agent: 'bo1' }), r('r2', '1', 'refused', { agent: 'bo2', reason: 'expired' })]);
    expect(d.status).toBe('validated');
    expect(d.secondDecision).toBe(true);
    // The same instant: the id breaks the tie, so every device agrees.
    const tie = documentReviews([r('rb', '1', 'refused', { reason: 'x' }), r('ra', '1', 'validated')]);
    expect(tie.latest!._id).toBe('rb');
  });

  it('groups by document of a submission, and lists the codes validated on given submissions', () => {
    const all = reviewsByDocument([
      r('r1', '1', 'refused', { reason: 'x' }),
      r('r2', '2', 'validated', { corrects: 'r1' }),
      r('r3', '1', 'validated', { documentCode: '0215' }),
      r('r4', '3', 'refused', { documentCode: '0215', corrects: 'r3', reason: 'x' }),
      r('r5', '1', 'validated', { submission: 'submission:other', documentCode: '0228' }),
    ]);
    expect(statusOf(all, 'submission:a', '0104').status).toBe('validated');
    expect(statusOf(all, 'submission:a', '0999').status).toBe('non_validated');
    expect([...validatedCodes(all, new Set(['submission:a']))]).toEqual(['0104']);
    expect(reviewsByDocument([r('r1', '1', 'refused', { reason: 'x' })], new Set(['submission:b'])).size).toBe(0);
  });

  it('documents complete: every required one validated; nothing required is not complete', () => {
    expect(documentsComplete(['0104', '0215'], new Set(['0104', '0215', '0228']))).toBe(true);
    expect(documentsComplete(['0104', '0215'], new Set(['0104']))).toBe(false);
    expect(documentsComplete([], new Set(['0104']))).toBe(false);
  });

  it('stores a standard reason as its code with the agent\'s words, and reads it back', () => {
    expect(formatReason('expired', '  dated 2019 ')).toBe('expired — dated 2019');
    expect(formatReason('illegible', '')).toBe('illegible');
    expect(formatReason('', 'signature missing')).toBe('signature missing');
    expect(formatReason('', '  ')).toBe('');
    expect(parseReason('expired — dated 2019')).toEqual({ code: 'expired', text: 'dated 2019' });
    expect(parseReason('illegible')).toEqual({ code: 'illegible', text: '' });
    expect(parseReason('expiredish')).toEqual({ code: null, text: 'expiredish' });
  });
});
