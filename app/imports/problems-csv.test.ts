import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { problemsCsv, problemsFileName } from './problems-csv.ts';

const text = {
  headers: ['Ligne', 'Colonne', 'Problème'] as const,
  explain: (p: { code: string; detail?: string }) => `${p.code}${p.detail ? ` (${p.detail}; "vu")` : ''}`,
};

describe('the error report as a file', () => {
  it('holds every problem, in order, one record each, readable back as CSV', () => {
    const problems = Array.from({ length: 700 }, (_, i) => ({ line: i + 2, column: i % 2 ? 'Date de naissance' : null, code: 'bad_date', detail: i === 3 ? 'a;b' : undefined }));
    const csv = problemsCsv(problems, text);
    expect(csv.startsWith('\ufeffLigne;Colonne;Problème\r\n')).toBe(true);
    const parsed = parseCsv(csv.slice(1), ';');
    if (!parsed.ok) throw new Error('not CSV');
    expect(parsed.records).toHaveLength(701);
    expect(parsed.records[1]!.fields).toEqual(['2', '', 'bad_date']);
    expect(parsed.records[2]!.fields).toEqual(['3', 'Date de naissance', 'bad_date']);
    // A separator or quote in the explanation stays inside its field.
    expect(parsed.records[4]!.fields).toEqual(['5', 'Date de naissance', 'bad_date (a;b; "vu")']);
    expect(parsed.records[700]!.fields[0]).toBe('701');
  });

  it('names the file after the one imported', () => {
    expect(problemsFileName('employers.csv')).toBe('employers-errors.csv');
    expect(problemsFileName('extract.2026.CSV')).toBe('extract.2026-errors.csv');
    expect(problemsFileName('.csv')).toBe('import-errors.csv');
  });
});
