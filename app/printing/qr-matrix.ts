/** QR modules for the outputs that draw it themselves (HTML, PDF, preview); printers draw their own. */
import { generate } from 'lean-qr';

/** Rows of booleans, true = dark module, without the quiet zone. */
export function qrMatrix(data: string): boolean[][] {
  const code = generate(data);
  return Array.from({ length: code.size }, (_, y) => Array.from({ length: code.size }, (_, x) => code.get(x, y)));
}

/** An SVG of the code, one path, scaled by the viewBox; the quiet zone is 4 modules. */
export function qrSvg(data: string, sizeCss: string): string {
  const rows = qrMatrix(data);
  const n = rows.length + 8;
  let path = '';
  rows.forEach((row, y) => row.forEach((dark, x) => dark && (path += `M${x + 4} ${y + 4}h1v1h-1z`)));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" width="${sizeCss}" height="${sizeCss}" shape-rendering="crispEdges"><rect width="${n}" height="${n}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
