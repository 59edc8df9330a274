import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DocumentType, EventType, CertificateType } from '../../couch-design/types/catalogue.ts';
import type { Institution } from '../../couch-design/types/institution.ts';
import type { Branch } from '../../couch-design/types/branch.ts';
import { validateStructure } from '../../couch-design/validate/structure.ts';
import { uid } from '../../couch-design/ids/uid.ts';
import {
  branchFromDraft,
  branchProblems,
  cashFromDraft,
  certificateTypeFromDraft,
  certificateTypeProblems,
  documentTypeFromDraft,
  documentTypeProblems,
  draftOfBranch,
  draftOfCash,
  draftOfCertificateType,
  draftOfDocumentType,
  draftOfEvent,
  draftOfInstitution,
  eventFromDraft,
  eventProblems,
  eventsRequiring,
  institutionFromDraft,
  institutionProblems,
  institutionWithCash,
  normaliseBranch,
  normaliseDocumentType,
  normaliseEvent,
  normaliseInstitution,
} from './catalogue-rules.ts';
import { changedFields, refChangeOf } from './ref-rules.ts';

const edit = { by: 'admin.hq', at: '2026-01-05T09:00:00.000Z' };
const institution: Institution = { _id: 'institution', type: 'institution', name: 'CNPS', currency: 'XAF', currencyDecimals: 0, defaultLocale: 'fr' };
const doc = (code: string): DocumentType => ({ _id: 'doctype:' + code, type: 'document_type', code, name: { fr: 'Pièce ' + code, en: 'Paper ' + code } });
const types = [doc('0104'), doc('0215')];
const event: EventType = { _id: 'event:birth', type: 'event', code: 'birth', name: { fr: 'Naissance', en: 'Birth' }, requiredDocuments: ['0104'] };
const codes = (ps: { field: string; code: string }[]) => ps.map((p) => `${p.field}:${p.code}`);

describe('the institution', () => {
  it('offers its default language, and at least one', () => {
    const d = draftOfInstitution(institution);
    expect(d.languages).toEqual(['fr', 'en']);
    expect(institutionProblems(normaliseInstitution({ ...d, languages: ['en'] }))).toEqual([{ field: 'defaultLocale', code: 'not_offered' }]);
    expect(codes(institutionProblems(normaliseInstitution({ ...d, name: ' ', currency: 'xa', currencyDecimals: '4', languages: [] })))).toEqual([
      'name:required',
      'currency:bad_format',
      'currencyDecimals:bad_format',
      'languages:required',
    ]);
    const saved = institutionFromDraft(normaliseInstitution({ ...d, currency: ' eur ', currencyDecimals: '2', languages: ['en', 'fr'], defaultLocale: 'en' }), institution, edit);
    expect([saved.currency, saved.currencyDecimals, saved.languages]).toEqual(['EUR', 2, ['fr', 'en']]);
    expect(validateStructure(saved, 'ref')).toEqual([]);
  });
});

describe('cash settings', () => {
  it('shows the settings in force as typed, and reads them back', () => {
    const d = draftOfCash(institution, 'fr');
    expect(d).toEqual({ maxAmount: '100 000 000', varianceThreshold: '1 000', reversalThreshold: '100 000' });
    expect(cashFromDraft(d, institution, 'fr').settings).toMatchObject({ maxAmount: 100_000_000, varianceThreshold: 1000, reversalThreshold: 100_000 });
  });

  it('parses amounts strictly, accepts 0 for a threshold, keeps thresholds within the ceiling', () => {
    const d = draftOfCash(institution, 'en');
    expect(cashFromDraft({ ...d, varianceThreshold: '0' }, institution, 'en').settings?.varianceThreshold).toBe(0);
    expect(codes(cashFromDraft({ maxAmount: '0', varianceThreshold: '12,5', reversalThreshold: '-3' }, institution, 'en').problems)).toEqual([
      'maxAmount:not_positive',
      'varianceThreshold:bad_format',
      'reversalThreshold:not_positive',
    ]);
    expect(codes(cashFromDraft({ maxAmount: '1,000', varianceThreshold: '1,001', reversalThreshold: '10.5' }, institution, 'en').problems)).toEqual([
      'reversalThreshold:too_precise',
      'varianceThreshold:above_ceiling',
    ]);
  });

  it('builds an institution the contract accepts, whatever good amounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 12 }), fc.nat(), fc.nat(), (max, v, r) => {
        const draft = { maxAmount: String(max), varianceThreshold: String(v % (max + 1)), reversalThreshold: String(r % (max + 1)) };
        const { settings, problems } = cashFromDraft(draft, institution, 'en');
        expect(problems).toEqual([]);
        expect(validateStructure(institutionWithCash(institution, settings!, edit), 'ref')).toEqual([]);
      }),
    );
  });
});

describe('branches', () => {
  const dla: Branch = { _id: 'branch:dla', type: 'branch', code: 'dla', name: 'Douala', city: 'Douala', services: ['family'] };
  it('refuses a code that exists, a bad code and an unknown time zone', () => {
    const d = normaliseBranch({ ...draftOfBranch(null), code: 'DLA', name: 'Douala 2', city: 'Douala' });
    expect(branchProblems(d, [dla], true)).toEqual([{ field: 'code', code: 'code_taken' }]);
    expect(codes(branchProblems({ ...d, code: '9x', timeZone: 'Africa/Nowhere' }, [dla], true))).toEqual(['code:bad_format', 'timeZone:bad_zone']);
    expect(branchProblems({ ...d, code: 'bfs', timeZone: 'Europe/Paris' }, [dla], true)).toEqual([]);
  });

  it('keeps the services of an edited branch', () => {
    const edited = branchFromDraft(normaliseBranch({ ...draftOfBranch(dla), timeZone: 'Africa/Douala' }), dla, edit);
    expect(edited.services).toEqual(['family']);
    expect(validateStructure(edited, 'ref')).toEqual([]);
  });
});

describe('the catalogue', () => {
  it('refuses required documents the catalogue does not have', () => {
    const d = normaliseEvent({ ...draftOfEvent(null), code: 'death', nameFr: 'Décès', nameEn: 'Death', requiredDocuments: ['0215', '0999'] });
    expect(eventProblems(d, [event], types, true)).toEqual([{ field: 'requiredDocuments', code: 'unknown_document' }]);
    expect(eventProblems({ ...d, code: 'birth', requiredDocuments: ['0215'] }, [event], types, true)).toEqual([{ field: 'code', code: 'code_taken' }]);
  });

  it('orders required documents as the catalogue', () => {
    const e = eventFromDraft(normaliseEvent({ ...draftOfEvent(event), requiredDocuments: ['0215', '0104'] }), event, types, edit);
    expect(e.requiredDocuments).toEqual(['0104', '0215']);
    expect(validateStructure(e, 'ref')).toEqual([]);
  });

  it('says which events still require a document type', () => {
    expect(eventsRequiring('0104', [event]).map((e) => e.code)).toEqual(['birth']);
    expect(eventsRequiring('0215', [event])).toEqual([]);
  });

  it('checks document types: four digits, validity in months or none', () => {
    const d = normaliseDocumentType({ ...draftOfDocumentType(null), code: '104', nameFr: 'x', nameEn: 'y', validityMonths: '3.5' });
    expect(codes(documentTypeProblems(d, types, true))).toEqual(['code:bad_format', 'validityMonths:bad_format']);
    const ok = documentTypeFromDraft({ ...d, code: '0301', validityMonths: '' }, null, edit);
    expect(ok).not.toHaveProperty('validityMonths');
    expect(validateStructure(ok, 'ref')).toEqual([]);
    // Emptying the validity of an existing type removes it.
    expect(documentTypeFromDraft(normaliseDocumentType({ ...draftOfDocumentType({ ...types[0]!, validityMonths: 3 }), validityMonths: '' }), { ...types[0]!, validityMonths: 3 }, edit)).not.toHaveProperty('validityMonths');
  });

  it("keeps a certificate type's validity within the server's ceiling", () => {
    const d = { ...draftOfCertificateType(null), code: 'life', nameFr: 'Vie', nameEn: 'Life', validityMonths: '61' };
    expect(certificateTypeProblems(d, [], true)).toEqual([{ field: 'validityMonths', code: 'too_large' }]);
    expect(certificateTypeProblems({ ...d, validityMonths: '0', for: [] }, [], true).map((p) => p.code)).toEqual(['required', 'not_positive']);
    const c: CertificateType = certificateTypeFromDraft({ ...d, validityMonths: '60', for: ['beneficiary', 'insurant'] }, null, edit);
    expect(c.for).toEqual(['insurant', 'beneficiary']);
    expect(validateStructure(c, 'ref')).toEqual([]);
  });

  it('logs a removal with the removed content and no after', () => {
    const before = { ...types[1]!, _rev: '2-a' };
    const log = refChangeOf(before, null, edit, uid(Date.UTC(2026, 0, 5), 'a1', 1));
    expect([log.target, log.after, (log.before as { _rev?: string })._rev]).toEqual(['doctype:0215', null, undefined]);
    expect(validateStructure(log, 'ref')).toEqual([]);
    expect(changedFields(types[0]!, { ...types[0]!, validityMonths: 6 })).toEqual(['validityMonths']);
  });
});
