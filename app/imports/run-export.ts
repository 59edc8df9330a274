/**
 * The export: every document of the layout's id range, read from the server in pages (a
 * national fo_people is a million persons; never one request for all), written as CSV lines.
 */
import type { Locale } from '../../couch-design/types/base.ts';
import { exportHeader, exportLine } from './export-csv.ts';
import type { Layout } from './layouts.ts';
import type { PeopleServer } from './people-server.ts';

export const EXPORT_PAGE = 5000;

/** The file's parts (header first), ready for a Blob; `onProgress` gets the rows written so far. */
export async function runExport(server: PeopleServer, layout: Layout, locale: Locale, onProgress?: (rows: number) => void, page = EXPORT_PAGE): Promise<{ parts: string[]; rows: number }> {
  const parts = [exportHeader(layout, locale)];
  let rows = 0;
  let after: string | null = null;
  for (;;) {
    const docs = await server.list(layout.idPrefix, after, page);
    let chunk = '';
    for (const doc of docs) {
      if (!layout.holds(doc)) continue;
      chunk += exportLine(layout, doc);
      rows++;
    }
    parts.push(chunk);
    onProgress?.(rows);
    if (docs.length < page) return { parts, rows };
    after = docs[docs.length - 1]!._id as string;
  }
}
