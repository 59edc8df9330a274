/**
 * CSV as the core system writes it (RFC 4180): fields separated by `;` or `,`, quoted with `"`
 * when they hold a separator, a quote (doubled) or a line break; records end with CRLF or LF.
 * Pure: used by the import worker, the bench and the export.
 */

export type Separator = ';' | ',';

export interface CsvRecord {
  /** 1-based line of the file where the record starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; code: 'unclosed_quote' };

/**
 * The separator of a file, judged on its header line: the one that occurs more often outside
 * quotes. A header has no quoted separators in our layouts, but a French header with commas in
 * it would be a wrong header anyway, so the count is enough.
 */
export function detectSeparator(text: string): Separator {
  const end = text.search(/\r?\n/);
  const header = end < 0 ? text : text.slice(0, end);
  const count = (ch: string) => header.split(ch).length - 1;
  return count(',') > count(';') ? ',' : ';';
}

/** Parses the whole text; blank lines (a trailing newline, an empty line between records) are no records. */
export function parseCsv(text: string, separator: Separator): CsvResult {
  const records: CsvRecord[] = [];
  const sepCode = separator.charCodeAt(0);
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ && field === '') {
      // A quoted field: up to the closing quote; "" inside is one quote.
      let j = i + 1;
      let out = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return { ok: false, line: recordLine, code: 'unclosed_quote' };
        out += text.slice(j, q);
        j = q + 1;
        if (text.charCodeAt(j) !== 34) break;
        out += '"';
        j++;
      }
      line += countBreaks(text, i + 1, j);
      field = out;
      i = j;
      continue;
    }
    if (c === sepCode) {
      fields.push(field);
      field = '';
      i++;
    } else if (c === 13 /* \r */ && text.charCodeAt(i + 1) === 10) {
      endRecord();
      i += 2;
      recordLine = ++line;
    } else if (c === 10) {
      endRecord();
      i++;
      recordLine = ++line;
    } else {
      // Plain run up to the next separator or line break, taken in one slice.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === sepCode || d === 10 || d === 13) break;
        j++;
      }
      // A lone \r is kept as text, as is a quote in the middle of an unquoted field.
      if (j < n && text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) !== 10) j++;
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}

function countBreaks(text: string, from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) k++;
  return k;
}

/** One field as written: quoted only when it must be. */
export function csvField(value: string, separator: Separator): string {
  return value.includes(separator) || value.includes('"') || value.includes('\n') || value.includes('\r') ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly string[], separator: Separator): string {
  return values.map((v) => csvField(v, separator)).join(separator) + '\r\n';
}
