import { describe, expect, it } from 'vitest';
import { MAX_LOGO_BYTES, type Institution } from '../../couch-design/types/institution.ts';
import { validateStructure } from '../../couch-design/validate/structure.ts';
import { draftOfInstitution, institutionFromDraft, institutionProblems, normaliseInstitution } from './catalogue-rules.ts';
import { checkLogoFile, hasLogo, logoProblems, withLogo, type LogoChoice } from './logo-rules.ts';
import { refChangeOf } from './ref-rules.ts';

const edit = { by: 'admin.hq', at: '2026-12-03T09:00:00.000Z' };
const institution: Institution = { _id: 'institution', type: 'institution', name: 'CNPS', currency: 'XAF', currencyDecimals: 0, defaultLocale: 'fr', updatedBy: 'admin.hq', updatedAt: '2026-12-01T09:00:00.000Z' };
const stub = { content_type: 'image/png', digest: 'md5-abc', length: 2048, revpos: 2, stub: true };
const withStub = { ...institution, _rev: '2-x', _attachments: { logo: stub } } as Institution;
const png = (length: number): LogoChoice => ({ kind: 'new', contentType: 'image/png', data: Buffer.alloc(length, 7).toString('base64'), length });

describe('the logo file chosen', () => {
  it('decodes any image type (or an unnamed one), refuses other files, empty ones and huge ones before decoding', () => {
    expect(checkLogoFile({ type: 'image/png', size: 300_000 })).toBeNull();
    expect(checkLogoFile({ type: 'image/webp', size: 5_000_000 })).toBeNull();
    expect(checkLogoFile({ type: '', size: 10 })).toBeNull();
    expect(checkLogoFile({ type: 'text/plain', size: 10 })).toBe('bad_format');
    expect(checkLogoFile({ type: 'application/pdf', size: 10 })).toBe('bad_format');
    expect(checkLogoFile({ type: 'image/png', size: 0 })).toBe('required');
    expect(checkLogoFile({ type: 'image/jpeg', size: 31 * 1024 * 1024 })).toBe('too_large');
  });
});

describe('the logo in the institution form', () => {
  it('judges a new image as the contract does: PNG or JPEG, 100 KB at most, not empty', () => {
    expect(logoProblems({ kind: 'kept' })).toEqual([]);
    expect(logoProblems({ kind: 'removed' })).toEqual([]);
    expect(logoProblems(png(MAX_LOGO_BYTES))).toEqual([]);
    expect(logoProblems(png(MAX_LOGO_BYTES + 1))).toEqual([{ field: 'logo', code: 'too_large' }]);
    expect(logoProblems({ ...png(10), contentType: 'image/webp' } as LogoChoice)).toEqual([{ field: 'logo', code: 'bad_format' }]);
    expect(logoProblems(png(0))).toEqual([{ field: 'logo', code: 'required' }]);
    const d = draftOfInstitution(withStub);
    expect(d.logo).toEqual({ kind: 'kept' });
    expect(institutionProblems(normaliseInstitution({ ...d, logo: png(MAX_LOGO_BYTES + 1) }))).toEqual([{ field: 'logo', code: 'too_large' }]);
  });

  it('keeps the stored stub, drops it, or stores new bytes inline; each is what the contract accepts', () => {
    const d = draftOfInstitution(withStub);
    const kept = institutionFromDraft(d, withStub, edit);
    expect((kept as { _attachments?: unknown })._attachments).toEqual({ logo: stub });
    const removed = institutionFromDraft({ ...d, logo: { kind: 'removed' } }, withStub, edit);
    expect('_attachments' in removed).toBe(false);
    expect(hasLogo(removed)).toBe(false);
    const renewed = institutionFromDraft({ ...d, logo: png(5000) }, withStub, edit);
    expect((renewed as { _attachments?: Record<string, { content_type: string; data: string }> })._attachments!.logo!.content_type).toBe('image/png');
    expect(hasLogo(renewed)).toBe(true);
    for (const doc of [kept, removed, renewed]) expect(validateStructure(doc, 'ref')).toEqual([]);
    // The contract refuses what the form refuses, past the form.
    expect(validateStructure(withLogo(institution, png(MAX_LOGO_BYTES + 1)), 'ref')).toEqual([{ field: '_attachments.logo', code: 'too_large' }]);
    // The change log keeps what the logo is, not its bytes.
    const log = refChangeOf(withStub, renewed, edit, 'mk1-dev-0001');
    expect(JSON.stringify(log).length).toBeLessThan(1000);
    expect(log.after).toMatchObject({ _attachments: { logo: { content_type: 'image/png', length: 5000, stub: true } } });
  });
});
