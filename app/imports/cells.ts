/**
 * Reading one CSV cell into a document value, and writing it back for the export, so that
 * an exported file imports to the same documents. A cell that cannot be read gives a problem
 * code the screen translates (`imports.problem.<code>`).
 */
export type CellRead = { ok: true; value: unknown } | { ok: false; code: string };

export interface CellType {
  read(raw: string): CellRead;
  write(value: unknown): string;
}

const ok = (value: unknown): CellRead => ({ ok: true, value });
const fail = (code: string): CellRead => ({ ok: false, code });
const asText = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

export const text: CellType = { read: (raw) => ok(raw), write: asText };

/** Codes and numbers are compared in capitals: the core system is not consistent about case. */
export const upper: CellType = { read: (raw) => ok(raw.toUpperCase()), write: asText };
export const lower: CellType = { read: (raw) => ok(raw.toLowerCase()), write: asText };

function realDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A calendar day: `2024-03-31`, or `31/03/2024` as French spreadsheets write it. */
export function readDay(raw: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  const [y, m, d] = iso ? [+iso[1]!, +iso[2]!, +iso[3]!] : fr ? [+fr[3]!, +fr[2]!, +fr[1]!] : [0, 0, 0];
  return y && realDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

export const day: CellType = {
  read(raw) {
    const d = readDay(raw);
    return d ? ok(d) : fail('bad_date');
  },
  write: asText,
};

/** An instant: a day (taken as midnight UTC) or a full ISO 8601 instant with its zone. */
export const instant: CellType = {
  read(raw) {
    const d = readDay(raw);
    if (d) return ok(`${d}T00:00:00.000Z`);
    const m = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.exec(raw);
    if (!m || !readDay(m[1]!) || Number.isNaN(Date.parse(raw))) return fail('bad_date');
    return ok(new Date(raw).toISOString());
  },
  write: asText,
};

/** A whole amount in minor units; spaces as thousands separators are allowed (`12 500`). */
export const amount: CellType = {
  read(raw) {
    const digits = raw.replace(/[\s\u00a0\u202f]/g, '');
    return /^\d{1,15}$/.test(digits) ? ok(Number(digits)) : fail('bad_amount');
  },
  write: asText,
};

/** A list of codes separated by spaces (`0104 0215`); the empty cell is the empty list. */
export const codeList: CellType = {
  read: (raw) => ok(raw.split(/\s+/).filter(Boolean)),
  write: (v) => (Array.isArray(v) ? v.join(' ') : ''),
};
