/**
 * From the text of a CSV file to the documents it describes: the header is matched to the
 * layout (any order, French or English names), each line is read cell by cell, built into its
 * document and judged by the contract's validator. A line with any problem is refused whole;
 * a header that does not fit refuses the file. Pure, run in the import worker and the bench.
 */
import type { AnyDoc } from '../../couch-design/validate/problems.ts';
import { type CsvRecord, type Separator, detectSeparator, parseCsv } from './csv.ts';
import { type Column, type ImportKind, type Layout, layoutOf, normaliseHeader } from './layouts.ts';

export interface LineProblem {
  /** 1-based line of the file. */
  line: number;
  /** The column as the file names it; null for the whole line. */
  column: string | null;
  code: string;
  /** A value the message shows: the first line of a repeated key, the column names of a header. */
  detail?: string;
}

export interface ReadRow {
  line: number;
  doc: AnyDoc;
}

export type ReadResult =
  | { ok: true; separator: Separator; lines: number; rows: ReadRow[]; problems: LineProblem[]; fields: string[] }
  | { ok: false; problems: LineProblem[] };

/** Contract fields that no column fills, told on the column that made them. */
const FIELD_OF: Record<string, string> = { person: 'personNumber', employer: 'employerNumber' };

function matchHeader(layout: Layout, header: CsvRecord): { columns: (Column | null)[] } | { problems: LineProblem[] } {
  const byName = new Map<string, Column>();
  for (const c of layout.columns) byName.set(c.fr, c).set(c.en, c);
  const seen = new Set<Column>();
  const problems: LineProblem[] = [];
  const columns = header.fields.map((name) => {
    const c = byName.get(normaliseHeader(name)) ?? null;
    if (!c) problems.push({ line: 1, column: name, code: 'unknown_column' });
    else if (seen.has(c)) problems.push({ line: 1, column: name, code: 'repeated_column' });
    else seen.add(c);
    return c;
  });
  for (const c of layout.columns) if (c.required && !seen.has(c)) problems.push({ line: 1, column: c.en, code: 'missing_column', detail: c.fr });
  return problems.length ? { problems } : { columns };
}

export function readImportFile(text: string, kind: ImportKind, branches: ReadonlySet<string>, onProgress?: (done: number, total: number) => void): ReadResult {
  const separator = detectSeparator(text);
  const parsed = parseCsv(text, separator);
  if (!parsed.ok) return { ok: false, problems: [{ line: parsed.line, column: null, code: parsed.code }] };
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, problems: [{ line: 1, column: null, code: 'empty_file' }] };
  const layout = layoutOf(kind);
  const matched = matchHeader(layout, header);
  if ('problems' in matched) return { ok: false, problems: matched.problems };
  const { columns } = matched;
  const nameOf = new Map(columns.map((c, i) => [c!.field, header.fields[i]!.trim()]));

  const rows: ReadRow[] = [];
  const problems: LineProblem[] = [];
  const firstLineOf = new Map<string, number>();
  records.forEach((record, index) => {
    if (onProgress && index % 5000 === 0) onProgress(index, records.length);
    const lineProblems = readRecord(record, columns, header.fields, branches);
    if (lineProblems.problems.length) return void problems.push(...lineProblems.problems);
    const doc = layout.build(lineProblems.values);
    const contract = layout.validate(doc);
    if (contract.length) {
      // A bad number also makes a bad id: the number's own problem says it better.
      const told = contract.some((p) => p.field !== '_id') ? contract.filter((p) => p.field !== '_id') : contract;
      for (const p of told) problems.push({ line: record.line, column: nameOf.get(FIELD_OF[p.field] ?? p.field.split('.')[0]!) ?? null, code: p.code });
      return;
    }
    const id = doc._id as string;
    const first = firstLineOf.get(id);
    if (first !== undefined) return void problems.push({ line: record.line, column: null, code: 'duplicate_key', detail: String(first) });
    firstLineOf.set(id, record.line);
    rows.push({ line: record.line, doc });
  });
  onProgress?.(records.length, records.length);
  return { ok: true, separator, lines: records.length, rows, problems, fields: columns.map((c) => c!.field) };
}

function readRecord(record: CsvRecord, columns: (Column | null)[], names: string[], branches: ReadonlySet<string>): { values: AnyDoc; problems: LineProblem[] } {
  const values: AnyDoc = {};
  const problems: LineProblem[] = [];
  if (record.fields.length !== columns.length) {
    problems.push({ line: record.line, column: null, code: 'field_count', detail: String(record.fields.length) });
    return { values, problems };
  }
  columns.forEach((c, i) => {
    const raw = record.fields[i]!.trim();
    const column = names[i]!.trim();
    if (raw === '') {
      if (c!.required) problems.push({ line: record.line, column, code: 'required' });
      else if (c!.empty !== undefined) values[c!.field] = c!.empty;
      return;
    }
    const read = c!.cell.read(raw);
    if (!read.ok) return void problems.push({ line: record.line, column, code: read.code });
    if (c!.field === 'branch' && !branches.has(read.value as string)) return void problems.push({ line: record.line, column, code: 'unknown_branch', detail: raw });
    values[c!.field] = read.value;
  });
  return { values, problems };
}
