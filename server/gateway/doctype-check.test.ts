import { describe, expect, it } from 'vitest';
import { removalsInUse } from './doctype-check.ts';

const event = (code: string, docs: string[], extra: Record<string, unknown> = {}) => ({ _id: 'event:' + code, type: 'event', code, requiredDocuments: docs, ...extra });
const removal = (code: string) => ({ _id: 'doctype:' + code, _rev: '1-a', _deleted: true });
const stored = [event('family', ['0104', '0215']), event('pension', ['0104', '0501'])];

describe('a document type an event requires is not removed', () => {
  it('names every event that still requires it', () => {
    expect(removalsInUse([removal('0104')], stored)).toEqual(new Map([[0, ['family', 'pension']]]));
    expect(removalsInUse([removal('0215')], stored)).toEqual(new Map([[0, ['family']]]));
  });

  it('lets one no event requires go', () => {
    expect(removalsInUse([removal('0999')], stored).size).toBe(0);
  });

  it("applies the batch's own event writes first: dropping the requirement and the type together is fine", () => {
    expect(removalsInUse([event('family', ['0104']), removal('0215')], stored).size).toBe(0);
    expect(removalsInUse([{ _id: 'event:family', _rev: '2-a', _deleted: true }, removal('0215')], stored).size).toBe(0);
    expect(removalsInUse([event('new', ['0501']), removal('0501'), removal('0999')], [])).toEqual(new Map([[1, ['new']]]));
  });

  it('ignores writes that remove nothing, and removals of other types', () => {
    expect(removalsInUse([{ _id: 'doctype:0104', type: 'document_type', code: '0104' }, { _id: 'event:family', _deleted: true }], stored).size).toBe(0);
  });
});
