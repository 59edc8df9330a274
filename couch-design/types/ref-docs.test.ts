import { describe, expect, it } from 'vitest';
import { refCases } from '../testing/ref-cases.ts';
import { validateDocUpdate } from '../validate/entry.ts';
import { writerRoles } from '../validate/permissions.ts';
import { refChangeId, refChangePrefix, refChangeTargetOf } from './ref-change.ts';

describe('reference data writes', () => {
  it.each(refCases().map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const problems = validateDocUpdate(c.doc, c.old, c.user, c.db);
    expect(problems[0] ?? null).toEqual(c.expect);
  });

  it('makes the reference replica two-way for supervisors', () => {
    expect(writerRoles('ref').sort()).toEqual(['admin', 'supervisor']);
  });
});

describe('change log ids', () => {
  it('keep one item in one id range, in time order', () => {
    const a = refChangeId('counter:dla:C01', 'lt9x1z000-c1-0002');
    const b = refChangeId('counter:dla:C01', 'lt9x1z001-c1-0001');
    expect(a.startsWith(refChangePrefix('counter:dla:C01')) && b > a).toBe(true);
    expect(a.startsWith(refChangePrefix('counter:dla:C0'))).toBe(false);
    expect(refChangeTargetOf('counter:dla:C01')).toEqual({ kind: 'counter', branch: 'dla' });
    expect(refChangeTargetOf('service:family')).toEqual({ kind: 'service', branch: null });
    expect(refChangeTargetOf('branch:dla')).toEqual({ kind: 'branch', branch: null });
    expect(refChangeTargetOf('doctype:0104')).toEqual({ kind: 'document_type', branch: null });
    expect(refChangeTargetOf('institution')).toEqual({ kind: 'institution', branch: null });
    expect(refChangeTargetOf('settings:global')).toBeNull();
  });
});
