/** The report tables as one CSV file (RFC 4180, comma, CRLF; a title line before each table). Pure. */
import type { Cell, ReportTable } from './report-tables.ts';

function field(cell: Cell): string {
  const s = String(cell);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function reportCsv(title: string, tables: readonly ReportTable[]): string {
  const lines: string[] = [field(title)];
  for (const table of tables) lines.push('', field(table.title), table.head.map(field).join(','), ...table.rows.map((row) => row.map(field).join(',')));
  // A byte-order mark so spreadsheet programs read the accents as UTF-8.
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
