import { describe, expect, it } from 'vitest';
import { csvLine, detectSeparator, parseCsv } from './csv.ts';

const fields = (text: string, sep: ';' | ',' = ';') => {
  const r = parseCsv(text, sep);
  if (!r.ok) throw new Error(`refused at line ${r.line}`);
  return r.records;
};

describe('CSV (RFC 4180)', () => {
  it('reads separators, quotes, doubled quotes and line breaks inside quotes, CRLF and LF', () => {
    const records = fields('a;b;c\r\n"x;y";"he said ""hi""";"two\r\nlines"\n1;;3\n');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['x;y', 'he said "hi"', 'two\r\nlines'],
      ['1', '', '3'],
    ]);
    // Line numbers are the file's: the quoted line break moves the third record to line 4.
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('keeps a last record without a newline, skips blank lines, keeps empty fields at the end', () => {
    expect(fields('a,b\n\n1,\n2,x', ',').map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [3, ['1', '']],
      [4, ['2', 'x']],
    ]);
  });

  it('refuses an unclosed quote, naming the line where its record starts', () => {
    expect(parseCsv('a;b\n1;2\n"3;4\n5;6\n', ';')).toEqual({ ok: false, line: 3, code: 'unclosed_quote' });
  });

  it('detects the separator from the header', () => {
    expect(detectSeparator('numero;nom;prenom\n1,5;a;b')).toBe(';');
    expect(detectSeparator('number,family_name\r\n1;2,x')).toBe(',');
  });

  it('writes what it reads back: quoting only when needed', () => {
    const values = ['plain', 'a;b', 'say "x"', 'two\nlines', '', 'comma,ok'];
    const line = csvLine(values, ';');
    expect(line).toBe('plain;"a;b";"say ""x""";"two\nlines";;comma,ok\r\n');
    expect(fields(line)[0]!.fields).toEqual(values);
  });

  it('round-trips random fields for both separators', () => {
    const alphabet = ['a', 'é', ';', ',', '"', '\n', '\r\n', ' ', 'Z'];
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (const sep of [';', ','] as const) {
      for (let k = 0; k < 200; k++) {
        const row = Array.from({ length: 1 + rnd(5) }, () => Array.from({ length: rnd(6) }, () => alphabet[rnd(alphabet.length)]).join(''));
        // A row of one empty field is a blank line, which is no record by design.
        if (row.length === 1 && row[0] === '') continue;
        expect(fields(csvLine(row, sep), sep)[0]!.fields).toEqual(row);
      }
    }
  });
});
