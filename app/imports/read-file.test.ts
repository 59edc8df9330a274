import { describe, expect, it } from 'vitest';
import { readImportFile, type ReadResult } from './read-file.ts';
import { decodeBytes } from './decode.ts';
import { personSearchField } from '../../couch-design/search/person-keys.ts';

const BRANCHES = new Set(['dla', 'yde']);
const ok = (r: ReadResult) => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
};

describe('reading an import file', () => {
  it('builds employers from an English header with commas, in any column order, with the derived search field', () => {
    const r = ok(readImportFile('company_name,number,account_number,branch\r\n"Brasseries du Littoral, SA",415999,415999,DLA\r\n', 'employers', BRANCHES));
    expect(r.separator).toBe(',');
    expect(r.rows).toEqual([
      {
        line: 2,
        doc: {
          _id: 'person:415999',
          type: 'person',
          kind: 'employer',
          number: '415999',
          companyName: 'Brasseries du Littoral, SA',
          accountNumber: '415999',
          branch: 'dla',
          search: personSearchField({ kind: 'employer', companyName: 'Brasseries du Littoral, SA' }),
        },
      },
    ]);
  });

  it('reads French headers (accents and case do not matter) with ; and French dates', () => {
    const text = 'Numéro;Nom;Prénom;Sexe;Date naissance;Agence\n8812345678;Ekambi;Hélène;f;31/01/1988;yde\n';
    const r = ok(readImportFile(text, 'insurants', BRANCHES));
    expect(r.problems).toEqual([]);
    expect(r.rows[0]!.doc).toMatchObject({ _id: 'person:8812345678', familyName: 'Ekambi', givenName: 'Hélène', sex: 'F', birthDate: '1988-01-31', branch: 'yde' });
  });

  it('refuses a wrong header whole, naming each column', () => {
    const r = readImportFile('number;family_name;colour\n1;a;b\n', 'insurants', BRANCHES);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      { line: 1, column: 'colour', code: 'unknown_column' },
      { line: 1, column: 'given_name', code: 'missing_column', detail: 'prenom' },
    ]);
  });

  it('reports each bad line with its line and column, and keeps the good ones', () => {
    const text = [
      'number;family_name;given_name;sex;birth_date;branch',
      '8800000001;Mbarga;Paul;M;1988-02-30;dla', // no 30 February
      '8800000002;Mbarga;Paul;X;1988-02-01;dla', // sex not M/F: the contract's validator
      '8800000003;Mbarga;Paul;M;1988-02-01;gar', // unknown branch
      '8800000004;;Paul;M;1988-02-01;dla', // family name missing
      '8800000005;Mbarga;Paul;M;1988-02-01;dla',
      '8800000005;Mbarga;Pauline;F;1988-02-01;dla', // same number as the line before
      'bad number!;Mbarga;Paul;M;;dla', // number format
      '8800000006;Mbarga;Paul;M', // too few fields
    ].join('\n');
    const r = ok(readImportFile(text, 'insurants', BRANCHES));
    expect(r.lines).toBe(8);
    expect(r.rows.map((x) => x.line)).toEqual([6]);
    expect(r.problems).toEqual([
      { line: 2, column: 'birth_date', code: 'bad_date' },
      { line: 3, column: 'sex', code: 'bad_value' },
      { line: 4, column: 'branch', code: 'unknown_branch', detail: 'gar' },
      { line: 5, column: 'family_name', code: 'required' },
      { line: 7, column: null, code: 'duplicate_key', detail: '6' },
      { line: 8, column: 'number', code: 'bad_format' },
      { line: 9, column: null, code: 'field_count', detail: '4' },
    ]);
  });

  it('reads cases and account lines with their references', () => {
    const cases = ok(readImportFile('person_number;case_number;kind;status;opened_at;updated_at;summary;missing_documents\n415120;2024-0001;contributions;open;2024-01-05;2024-02-01T10:00:00Z;Declaration;0104 0215\n', 'cases', BRANCHES));
    expect(cases.problems).toEqual([]);
    expect(cases.rows[0]!.doc).toEqual({
      _id: 'case:415120:2024-0001',
      type: 'case',
      person: 'person:415120',
      caseNo: '2024-0001',
      kind: 'contributions',
      status: 'open',
      openedAt: '2024-01-05T00:00:00.000Z',
      updatedAt: '2024-02-01T10:00:00.000Z',
      summary: 'Declaration',
      missingDocuments: ['0104', '0215'],
    });
    const lines = ok(readImportFile('numero_employeur;periode;montant_du;montant_paye;devise\n415120;2013-q2;1 500 000;abc;XAF\n415120;2013-Q3;1500000;0;XAF\n', 'account_lines', BRANCHES));
    expect(lines.problems).toEqual([{ line: 2, column: 'montant_paye', code: 'bad_amount' }]);
    expect(lines.rows[0]!.doc).toEqual({ _id: 'accline:415120:2013-Q3', type: 'account_line', employer: 'person:415120', period: '2013-Q3', amountDue: 1500000, amountPaid: 0, currency: 'XAF' });
  });

  it('reads Windows-1252 when the bytes are not UTF-8, and UTF-8 (with its mark) otherwise', () => {
    const latin = Uint8Array.from([0x6e, 0x6f, 0x6d, 0x3b, 0x48, 0xe9, 0x6c, 0xe8, 0x6e, 0x65, 0x80]); // "nom;Hélène€" in cp1252
    expect(decodeBytes(latin)).toEqual({ text: 'nom;Hélène€', encoding: 'windows-1252' });
    const utf8 = new TextEncoder().encode('\ufeffnom;Hélène€');
    expect(decodeBytes(utf8)).toEqual({ text: 'nom;Hélène€', encoding: 'utf-8' });
  });
});
