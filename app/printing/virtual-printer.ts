/**
 * The virtual printer: reads our ESC/POS byte stream back into what a thermal printer would
 * put on paper (text lines with their style, QR payloads, barcodes, pictures, cuts, drawer
 * pulses). Tests assert on it; the settings screen previews receipts with it. An unknown
 * command is an error, so a change in what we send cannot go unnoticed.
 */
import type { Align } from './receipt-model.ts';
import type { CodePage, PrinterProfile } from './profiles.ts';
import { decodeByte } from './code-pages.ts';

export type Printed =
  /** `columns`: how many font-A columns the line takes, its characters' widths summed. */
  | { kind: 'line'; text: string; columns: number; bold: boolean; width: number; height: number; align: Align }
  | { kind: 'qr'; data: string }
  | { kind: 'barcode'; data: string }
  | { kind: 'image'; width: number; height: number; dots: number[] }
  | { kind: 'cut'; partial: boolean }
  | { kind: 'drawer'; pin: number };

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const ALIGNS: readonly Align[] = ['left', 'center', 'right'];

/** Bytes a fixed-length command takes after ESC or GS (the command byte included). */
const ESC_FIXED: Readonly<Record<number, number>> = { 0x4d: 2, 0x45: 2, 0x2d: 2, 0x47: 2, 0x74: 2, 0x61: 2, 0x32: 1, 0x33: 2, 0x64: 2, 0x4a: 2, 0x21: 2, 0x70: 4, 0x56: 2, 0x7b: 2 };
const GS_FIXED: Readonly<Record<number, number>> = { 0x42: 2, 0x21: 2, 0x68: 2, 0x77: 2, 0x48: 2, 0x66: 2, 0x4c: 3, 0x57: 3 };

export function decodeEscPos(bytes: Uint8Array, profile: Pick<PrinterProfile, 'pageNumbers'>): Printed[] {
  const pages = new Map<number, CodePage>(Object.entries(profile.pageNumbers).map(([page, n]) => [n, page as CodePage]));
  const out: Printed[] = [];
  let page: CodePage | undefined;
  let text = '';
  let columns = 0;
  let bold = false;
  let lineBold = false;
  let width = 1;
  let height = 1;
  let lineWidth = 1;
  let lineHeight = 1;
  let align: Align = 'left';
  let qr = '';
  const reset = () => {
    page = undefined;
    bold = false;
    width = height = 1;
    align = 'left';
  };
  const endLine = () => {
    out.push({ kind: 'line', text: text.replace(/ +$/, ''), columns, bold: lineBold, width: lineWidth, height: lineHeight, align });
    text = '';
    columns = 0;
    lineBold = false;
    lineWidth = lineHeight = 1;
  };
  const at = (i: number) => {
    const b = bytes[i];
    if (b === undefined) throw new Error(`ESC/POS stream ends inside a command at byte ${i}`);
    return b;
  };
  let i = 0;
  while (i < bytes.length) {
    const b = at(i);
    if (b === 0x0a) {
      endLine();
      i++;
    } else if (b === 0x0d) {
      i++;
    } else if (b === ESC) {
      const c = at(i + 1);
      if (c === 0x40) reset();
      else if (c === 0x45) bold = at(i + 2) === 1;
      else if (c === 0x74) {
        page = pages.get(at(i + 2));
        if (!page) throw new Error(`ESC t ${at(i + 2)}: not a code page of this profile`);
      } else if (c === 0x61) align = ALIGNS[at(i + 2) % 48] ?? 'left';
      else if (c === 0x70) out.push({ kind: 'drawer', pin: at(i + 2) % 48 === 0 ? 2 : 5 });
      else if (ESC_FIXED[c] === undefined) throw new Error(`unknown command ESC 0x${c.toString(16)} at byte ${i}`);
      i += 1 + (c === 0x40 ? 1 : ESC_FIXED[c]!);
    } else if (b === FS) {
      if (at(i + 1) !== 0x2e) throw new Error(`unknown command FS 0x${at(i + 1).toString(16)} at byte ${i}`);
      i += 2;
    } else if (b === GS) {
      const c = at(i + 1);
      if (c === 0x21) {
        width = (at(i + 2) >> 4) + 1;
        height = (at(i + 2) & 0x0f) + 1;
        i += 3;
      } else if (GS_FIXED[c] !== undefined) {
        i += 1 + GS_FIXED[c]!;
      } else if (c === 0x28 && at(i + 2) === 0x6b) {
        // GS ( k pL pH cn fn data: QR code (cn 49) store (fn 80) and print (fn 81).
        const length = at(i + 3) + at(i + 4) * 256;
        const cn = at(i + 5);
        const fn = at(i + 6);
        if (cn === 49 && fn === 80) qr = String.fromCharCode(...bytes.subarray(i + 8, i + 5 + length));
        if (cn === 49 && fn === 81) out.push({ kind: 'qr', data: new TextDecoder().decode(Uint8Array.from(qr, (ch) => ch.charCodeAt(0))) });
        i += 5 + length;
      } else if (c === 0x6b) {
        const m = at(i + 2);
        if (m < 65) throw new Error(`barcode type ${m} (NUL-terminated form) not expected`);
        const n = at(i + 3);
        const raw = String.fromCharCode(...bytes.subarray(i + 4, i + 4 + n));
        out.push({ kind: 'barcode', data: raw.replace(/^\{[ABC]/, '').replace(/\{\{/g, '{') });
        i += 4 + n;
      } else if (c === 0x76 && at(i + 2) === 0x30) {
        // GS v 0 m xL xH yL yH: raster picture, xL+xH*256 bytes per row.
        const rowBytes = at(i + 4) + at(i + 5) * 256;
        const rows = at(i + 6) + at(i + 7) * 256;
        const data = bytes.subarray(i + 8, i + 8 + rowBytes * rows);
        const dots: number[] = [];
        for (const byte of data) for (let bit = 7; bit >= 0; bit--) dots.push((byte >> bit) & 1);
        out.push({ kind: 'image', width: rowBytes * 8, height: rows, dots });
        i += 8 + rowBytes * rows;
      } else if (c === 0x56) {
        const m = at(i + 2);
        out.push({ kind: 'cut', partial: m === 1 || m === 49 || m === 66 });
        i += m >= 65 ? 4 : 3;
      } else throw new Error(`unknown command GS 0x${c.toString(16)} at byte ${i}`);
    } else if (b < 0x20) {
      throw new Error(`unexpected control byte 0x${b.toString(16)} at byte ${i}`);
    } else {
      if (b >= 0x80 && !page) throw new Error(`byte 0x${b.toString(16)} at ${i} printed before any code page was chosen (cp437)`);
      const char = b >= 0x80 ? decodeByte(b, page!) : String.fromCharCode(b);
      if (char !== ' ') {
        lineBold ||= bold;
        lineWidth = Math.max(lineWidth, width);
        lineHeight = Math.max(lineHeight, height);
      }
      text += char;
      columns += width;
      i++;
    }
  }
  if (text.length > 0) endLine();
  return out;
}

/** The printed text, one string per line (blank lines kept), for readable assertions. */
export function printedText(items: readonly Printed[]): string[] {
  return items.filter((p): p is Extract<Printed, { kind: 'line' }> => p.kind === 'line').map((p) => p.text);
}
