/**
 * The error report as a file: every refused line (the screen shows the first 500), with its
 * line number, column and what to do, in the admin's language — so whoever keeps the core
 * system's extract can correct it line by line. Same CSV dialect as the export (`;`, CRLF,
 * byte-order mark) so a French spreadsheet opens it as it opens an export.
 */
import { csvLine } from './csv.ts';
import { BOM, EXPORT_SEPARATOR } from './export-csv.ts';
import type { LineProblem } from './read-file.ts';

export interface ProblemsCsvText {
  headers: readonly [line: string, column: string, problem: string];
  /** The translated text of one problem (the screen's own wording). */
  explain: (p: LineProblem) => string;
}

export function problemsCsv(problems: readonly LineProblem[], text: ProblemsCsvText): string {
  let out = BOM + csvLine(text.headers, EXPORT_SEPARATOR);
  for (const p of problems) out += csvLine([String(p.line), p.column ?? '', text.explain(p)], EXPORT_SEPARATOR);
  return out;
}

/** `employers.csv` → `employers-errors.csv`: names the file the report is about. */
export function problemsFileName(source: string): string {
  const base = source.replace(/\.[^./\\]*$/, '') || 'import';
  return `${base}-errors.csv`;
}
