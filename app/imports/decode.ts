/**
 * The text of an uploaded file. The core system writes UTF-8 or Windows-1252 (older Excel
 * exports); a file that is not valid UTF-8 is read as Windows-1252, which maps every byte, so
 * nothing is ever dropped silently. A UTF-8 byte-order mark is removed.
 */
export type Encoding = 'utf-8' | 'windows-1252';

/** Files larger than this are refused before they are read: 100,000 lines are about 10 MB. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * Windows-1252's bytes 0x80–0x9F (€, œ, curly quotes…). Browsers decode them so already, but
 * Node's TextDecoder (the bench) reads `windows-1252` as Latin-1 and gives C1 controls.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
    return { text, encoding: 'windows-1252' };
  }
}
