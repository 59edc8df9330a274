/**
 * A PDF's first page as pixels: pdftoppm renders it as binary PPM (`P6 <w> <h> 255`, then
 * RGB bytes), read here without an image library. For tests that look at what a page shows.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface RenderedPage {
  readonly width: number;
  readonly height: number;
  /** Row-major RGB, 3 bytes a pixel. */
  readonly rgb: Buffer;
}

/** Renders the first page of `file` (a .pdf) at `dpi` beside it and reads it back. */
export function renderFirstPage(file: string, dpi: number): RenderedPage {
  const prefix = file.replace(/\.pdf$/, '');
  execFileSync('/usr/bin/pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  const ppm = readFileSync(`${prefix}.ppm`);
  // The header's four fields, separated by single whitespace characters.
  const header: string[] = [];
  let at = 0;
  while (header.length < 4) {
    let end = at;
    while (!/\s/.test(String.fromCharCode(ppm[end]!))) end++;
    header.push(ppm.subarray(at, end).toString('ascii'));
    at = end + 1;
  }
  const [magic, w, h, max] = header as [string, string, string, string];
  if (magic !== 'P6' || max !== '255') throw new Error(`${file}: pdftoppm gave ${magic} with max ${max}, not P6 255`);
  return { width: Number(w), height: Number(h), rgb: ppm.subarray(at) };
}
