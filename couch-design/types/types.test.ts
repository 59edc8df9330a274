import { describe, expect, it } from 'vitest';
import { goodDocs } from '../testing/fixtures.ts';
import { TYPE_SPECS, specOfId } from './registry.ts';
import { validateStructure } from '../validate/structure.ts';
import type { DbKind } from '../validate/problems.ts';

type Doc = Record<string, unknown>;
const codes = (doc: unknown, db?: DbKind) => validateStructure(doc, db);

describe('every document type', () => {
  it('has a good fixture that passes in its home database', () => {
    const docs = goodDocs();
    for (const spec of TYPE_SPECS) {
      const doc = docs[spec.type];
      expect(doc, spec.type).toBeDefined();
      expect(codes(doc, spec.db), spec.type).toEqual([]);
      expect(specOfId(doc!._id)?.type, spec.type).toBe(spec.type);
    }
  });

  it('is refused in another database', () => {
    const docs = goodDocs();
    for (const spec of TYPE_SPECS) {
      const other = spec.db === 'ref' ? 'people' : 'ref';
      expect(codes(docs[spec.type], other), spec.type).toEqual([{ field: 'type', code: 'wrong_db' }]);
    }
  });

  it('refuses a changed id, a missing required field and a wrong type', () => {
    const docs = goodDocs();
    for (const spec of TYPE_SPECS) {
      const doc = docs[spec.type]!;
      expect(codes({ ...doc, _id: 'z' + String(doc._id) }, spec.db), spec.type).toContainEqual({ field: '_id', code: 'bad_id' });
      const required = Object.keys(doc).find((k) => k !== '_id' && k !== 'type')!;
      const { [required]: _, ...without } = doc;
      expect(codes(without, spec.db).length, `${spec.type} without ${required}`).toBeGreaterThan(0);
    }
    expect(codes({ _id: 'x:1', type: 'spaceship' })).toEqual([{ field: 'type', code: 'unknown_type' }]);
    expect(codes({ _id: 'x:1' })).toEqual([{ field: 'type', code: 'required' }]);
    expect(codes(null)).toEqual([{ field: '', code: 'not_object' }]);
    expect(codes([1, 2])).toEqual([{ field: '', code: 'not_object' }]);
  });

  it('never throws, whatever the input', () => {
    const junk: unknown[] = [undefined, 0, 'x', [], {}, { type: 'ticket' }, { type: 'cash_entry', _id: 5, documents: 'x' }];
    for (const spec of TYPE_SPECS) {
      junk.push({ type: spec.type, _id: null });
      const doc = goodDocs()[spec.type]!;
      for (const k of Object.keys(doc)) junk.push({ ...doc, [k]: { nested: [null] } });
    }
    for (const j of junk) expect(() => codes(j)).not.toThrow();
  });
});

function expectProblem(doc: Doc, field: string, code: string) {
  expect(validateStructure(doc)).toContainEqual({ field, code });
}

describe('reference types', () => {
  it('institution: currency and decimals', () => {
    const d = goodDocs().institution!;
    expectProblem({ ...d, currency: 'xaf' }, 'currency', 'bad_format');
    expectProblem({ ...d, currencyDecimals: 0.5 }, 'currencyDecimals', 'not_integer');
    expectProblem({ ...d, defaultLocale: 'de' }, 'defaultLocale', 'bad_value');
    expectProblem({ ...d, _id: 'institution:x' }, '_id', 'bad_id');
  });
  it('service: bilingual name, one-letter series', () => {
    const d = goodDocs().service!;
    expectProblem({ ...d, name: { fr: 'Prestations' } }, 'name.en', 'required');
    expectProblem({ ...d, series: 'AB' }, 'series', 'bad_format');
    expectProblem({ ...d, cashDesk: 'no' }, 'cashDesk', 'not_boolean');
  });
  it('counter: id carries branch and code; services are service codes', () => {
    const d = goodDocs().counter!;
    expectProblem({ ...d, branch: 'yde' }, '_id', 'bad_id');
    expectProblem({ ...d, services: ['Family'] }, 'services.0', 'bad_format');
    expectProblem({ ...d, services: 'family' }, 'services', 'not_array');
  });
  it('catalogue: document codes are four digits', () => {
    expectProblem({ ...goodDocs().event!, requiredDocuments: ['104'] }, 'requiredDocuments.0', 'bad_format');
    expectProblem({ ...goodDocs().document_type!, validityMonths: -1 }, 'validityMonths', 'too_small');
    expectProblem({ ...goodDocs().certificate_type!, for: [] }, 'for', 'required');
    expectProblem({ ...goodDocs().certificate_type!, rule: 'anything_goes' }, 'rule', 'bad_value');
    expectProblem({ ...goodDocs().certificate_type!, rule: undefined }, 'rule', 'required');
    expectProblem({ ...goodDocs().settings!, values: 3 }, 'values', 'not_object');
  });
});

describe('people types', () => {
  it('person: names by kind', () => {
    const d = goodDocs().person!;
    expectProblem({ ...d, familyName: undefined }, 'familyName', 'required');
    expectProblem({ ...d, kind: 'employer' }, 'companyName', 'required');
    expectProblem({ ...d, kind: 'employer', companyName: 'SABC' }, 'accountNumber', 'required');
    expectProblem({ ...d, kind: 'beneficiary' }, 'insurant', 'required');
    expectProblem({ ...d, insurant: 'person:9999' }, 'insurant', 'bad_ref');
    expectProblem({ ...d, birthDate: '1980-13-01' }, 'birthDate', 'bad_format');
    const employer = { _id: 'person:415120', type: 'person', kind: 'employer', number: '415120', companyName: 'SABC', accountNumber: '415120' };
    expect(validateStructure(employer)).toEqual([]);
  });
  it('case: person link and status', () => {
    const d = goodDocs().case!;
    expectProblem({ ...d, person: 'person:999999' }, 'person', 'bad_ref');
    expectProblem({ ...d, status: 'lost' }, 'status', 'bad_value');
    expectProblem({ ...d, missingDocuments: ['x'] }, 'missingDocuments.0', 'bad_format');
  });
  it('account line: integer money only', () => {
    const d = goodDocs().account_line!;
    expectProblem({ ...d, amountDue: 1500.5 }, 'amountDue', 'not_integer');
    expectProblem({ ...d, amountPaid: '100' }, 'amountPaid', 'not_integer');
    expectProblem({ ...d, amountPaid: -1 }, 'amountPaid', 'too_small');
    expectProblem({ ...d, period: '2013-Q5' }, 'period', 'bad_format');
  });
});
