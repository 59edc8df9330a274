import { describe, expect, it } from 'vitest';
import { buildSubmission, checkFiling, proposedLines, stillMissing, submittedDocuments, type FilingLine } from './filing.ts';
import { nextReceiptSeq, receiptNumber, RECEIPT_NUMBER } from './receipt-number.ts';
import { validateSubmission } from '../../couch-design/types/submission.ts';
import type { DocumentType, EventType } from '../../couch-design/types/catalogue.ts';

const docTypes = new Map<string, DocumentType>(
  [
    ['0104', 'Acte de naissance', 'Birth certificate'],
    ['0215', 'Autorisation de perception (légalisée)', 'Perception authorization (legalized)'],
    ['0228', 'Actes de naissance des enfants', "Children's birth certificates"],
  ].map(([code, fr, en]) => [code!, { _id: 'doctype:' + code, type: 'document_type', code: code!, name: { fr: fr!, en: en! } }]),
);
const event: EventType = { _id: 'event:family_benefits_male', type: 'event', code: 'family_benefits_male', name: { fr: 'PF', en: 'FB' }, requiredDocuments: ['0104', '0215', '0228'] };
const TODAY = '2026-12-02';
const line = (code: string, over: Partial<FilingLine> = {}): FilingLine => ({ code, designation: code, validatedBefore: false, handed: true, edition: '2026-01-10', validity: '', copies: '1', ...over });

describe('filing form', () => {
  it('proposes the event’s documents in order, in the locale, marking those validated before', () => {
    const lines = proposedLines(event, docTypes, new Set(['0215']), 'en');
    expect(lines.map((l) => [l.code, l.designation, l.validatedBefore, l.handed])).toEqual([
      ['0104', 'Birth certificate', false, false],
      ['0215', 'Perception authorization (legalized)', true, false],
      ['0228', "Children's birth certificates", false, false],
    ]);
  });

  it('accepts a good form and refuses each bad input with its own code', () => {
    expect(checkFiling('family_benefits_male', [line('0104', { validity: '2026-12-31', copies: '2' })], docTypes, TODAY)).toEqual([]);
    expect(checkFiling('', [], docTypes, TODAY)).toEqual([{ field: 'event', code: 'no_event' }]);
    expect(checkFiling('x', [line('0104', { handed: false })], docTypes, TODAY)).toEqual([{ field: 'documents', code: 'no_document' }]);
    expect(checkFiling('x', [line('0104', { edition: '2026-12-03' })], docTypes, TODAY).map((e) => e.code)).toEqual(['edition_future']);
    expect(checkFiling('x', [line('0104', { edition: TODAY })], docTypes, TODAY)).toEqual([]);
    expect(checkFiling('x', [line('0104', { validity: '2026-01-09' })], docTypes, TODAY).map((e) => e.field)).toEqual(['0104.validity']);
    expect(checkFiling('x', [line('0104', { copies: '0' })], docTypes, TODAY).map((e) => e.code)).toEqual(['copies']);
    expect(checkFiling('x', [line('0104', { copies: '' })], docTypes, TODAY).map((e) => e.code)).toEqual(['copies']);
    expect(checkFiling('x', [line('0104', { copies: '1.5' })], docTypes, TODAY).map((e) => e.code)).toEqual(['copies']);
    expect(checkFiling('x', [line('9999')], docTypes, TODAY)).toEqual([{ field: '9999.code', code: 'unknown_code', doc: '9999' }]);
    expect(checkFiling('x', [line('0104', { edition: '2026-02-30x' })], docTypes, TODAY).map((e) => e.code)).toEqual(['bad_date']);
  });

  it('says what is still missing: neither handed in now nor validated before', () => {
    expect(stillMissing(['0104', '0215', '0228'], ['0104'], new Set(['0215']))).toEqual(['0228']);
  });

  it('builds a submission the contract accepts, and the contract refuses what the form refuses', () => {
    const doc = buildSubmission({
      id: 'submission:2026-12-02:mipt0g000-k3x9qz-0001',
      branch: 'dla',
      day: TODAY,
      person: 'person:1000123',
      event: 'family_benefits_male',
      documents: submittedDocuments([line('0104', { validity: '2026-12-31' }), line('0215', { handed: false })]),
      receiptNumber: receiptNumber('dla', TODAY, 'k3x9qz', 1),
      agent: 'counter.dla',
      counter: 'C01',
      at: '2026-12-02T09:00:00.000Z',
    });
    expect(doc.documents).toEqual([{ code: '0104', designation: '0104', edition: '2026-01-10', validity: '2026-12-31', copies: 1 }]);
    expect(validateSubmission(doc as never)).toEqual([]);
    const withDoc = (d: object) => validateSubmission({ ...doc, documents: [{ ...doc.documents[0], ...d }] } as never);
    expect(withDoc({ edition: '2026-12-03' })).toEqual([{ field: 'documents.0.edition', code: 'too_large' }]);
    expect(withDoc({ validity: '2026-01-01' })).toEqual([{ field: 'documents.0.validity', code: 'too_small' }]);
    expect(withDoc({ copies: 0 })).toEqual([{ field: 'documents.0.copies', code: 'not_positive' }]);
  });
});

describe('receipt numbers', () => {
  it('reads as branch, day, device, sequence', () => {
    expect(receiptNumber('dla', '2026-12-02', 'k3x9qz', 7)).toBe('DLA-261202-K3X9QZ-007');
    expect(receiptNumber('dla', '2026-12-02', 'k3x9qz', 1234)).toBe('DLA-261202-K3X9QZ-1234');
    expect(RECEIPT_NUMBER.test('DLA-261202-K3X9QZ-007')).toBe(true);
  });

  it('continues the device’s own series of the day, ignoring other devices, days and branches', () => {
    const used = ['DLA-261202-K3X9QZ-001', 'DLA-261202-K3X9QZ-004', 'DLA-261202-AAAAAA-009', 'DLA-261201-K3X9QZ-050', 'YDE-261202-K3X9QZ-070'];
    expect(nextReceiptSeq(used, 'dla', '2026-12-02', 'k3x9qz')).toBe(5);
    expect(nextReceiptSeq([], 'dla', '2026-12-02', 'k3x9qz')).toBe(1);
  });

  it('two devices offline at the same time never give the same number', () => {
    const a: string[] = [];
    const b: string[] = [];
    for (let i = 0; i < 200; i++) {
      a.push(receiptNumber('dla', '2026-12-02', 'aaaaaa', nextReceiptSeq(a, 'dla', '2026-12-02', 'aaaaaa')));
      b.push(receiptNumber('dla', '2026-12-02', 'bbbbbb', nextReceiptSeq(b, 'dla', '2026-12-02', 'bbbbbb')));
    }
    expect(new Set([...a, ...b]).size).toBe(400);
  });
});
