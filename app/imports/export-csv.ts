/**
 * Documents back to CSV in their import layout: the headers of the chosen language, `;`
 * between fields (what French spreadsheets open), CRLF, and a byte-order mark so Excel reads
 * UTF-8. An exported file imports back to the same documents (the import strips the mark).
 */
import type { AnyDoc } from '../../couch-design/validate/problems.ts';
import type { Locale } from '../../couch-design/types/base.ts';
import { csvLine, type Separator } from './csv.ts';
import type { Layout } from './layouts.ts';

export const EXPORT_SEPARATOR: Separator = ';';
export const BOM = '\ufeff';

/** The reference fields the layouts read from a number column (`person:123` ← `123`). */
const REF_OF: Record<string, string> = { personNumber: 'person', employerNumber: 'employer' };

function value(doc: AnyDoc, field: string): unknown {
  const ref = REF_OF[field];
  if (!ref) return doc[field];
  const id = doc[ref];
  return typeof id === 'string' ? id.slice(id.indexOf(':') + 1) : '';
}

export function exportHeader(layout: Layout, locale: Locale): string {
  return BOM + csvLine(layout.columns.map((c) => c[locale]), EXPORT_SEPARATOR);
}

/** A document's cells in the layout's column order, as the export writes them (and the preview shows them). */
export function columnValues(layout: Layout, doc: AnyDoc): string[] {
  return layout.columns.map((c) => c.cell.write(value(doc, c.field)));
}

export function exportLine(layout: Layout, doc: AnyDoc): string {
  return csvLine(columnValues(layout, doc), EXPORT_SEPARATOR);
}

export function exportFileName(layout: Layout, now: Date): string {
  return `${layout.kind}-${now.toISOString().slice(0, 10)}.csv`;
}
