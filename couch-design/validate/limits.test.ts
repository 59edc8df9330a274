import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { limitCases, nested } from '../testing/write-cases.ts';
import { goodDocs } from '../testing/fixtures.ts';
import { measure } from './limits.ts';
import { validateDocUpdate } from './entry.ts';
import { validateStructure } from './structure.ts';

describe('size limits', () => {
  it.each(limitCases().map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const problems = validateDocUpdate(c.doc, c.old, c.user, c.db);
    expect(problems[0] ?? null).toEqual(c.expect);
  });

  it('measures a value as JSON.stringify writes it, in UTF-8 bytes', () => {
    const big = { depth: 1e9, items: 1e9, bytes: 1e9 };
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.string({ unit: 'binary' }), (value, text) => {
        const doc = { value, text };
        expect(measure(doc, big).bytes).toBe(Buffer.byteLength(JSON.stringify(doc)));
      }),
      { numRuns: 500 },
    );
    expect(measure({ a: 'é€😀\n\u0001"' }, big).bytes).toBe(Buffer.byteLength(JSON.stringify({ a: 'é€😀\n\u0001"' })));
  }, 30_000); // 500 generated documents: seconds on a loaded 2-core machine

  it('leaves attachments and revision history out of the document size', () => {
    const doc = { a: 1, _attachments: { x: { data: 'AAAA' } }, _revisions: { start: 1, ids: ['a'] } };
    expect(measure(doc, { depth: 9, items: 99, bytes: 1e9 }, ['_attachments', '_revisions']).bytes).toBe('{"a":1}'.length);
  });

  it('never throws, however deep or large the input', () => {
    const deep = nested(200_000);
    expect(() => validateDocUpdate({ ...goodDocs().ticket!, extra: deep }, null, null, 'branch')).not.toThrow();
    expect(() => validateStructure({ ...goodDocs().visit_event!, details: deep })).not.toThrow();
    expect(validateStructure({ ...goodDocs().visit_event!, details: deep })).toContainEqual({ field: 'details', code: 'too_deep' });
    const wide = Array.from({ length: 200_000 }, () => 'x');
    expect(validateDocUpdate({ ...goodDocs().ticket!, extra: wide }, null, null, 'branch')).toEqual([{ field: '', code: 'too_large' }]);
  });
});
