/**
 * Receipt model → the HTML of an 80 mm page for the browser's print dialog, the fallback
 * where no USB printer answers. Pure string building. The page's look is in print.css
 * (`@page` 80 mm wide): the app's CSP forbids inline styles, in frames too.
 */
import type { Bitmap, Block, Receipt } from './receipt-model.ts';
import { qrSvg } from './qr-matrix.ts';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function bitmapSvg(b: Bitmap): string {
  let path = '';
  b.dots.forEach((dot, i) => dot && (path += `M${i % b.width} ${Math.floor(i / b.width)}h1v1h-1z`));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${b.width} ${b.height}" width="${(b.width / 8).toFixed(1)}mm" shape-rendering="crispEdges"><path d="${path}"/></svg>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'title':
      return `<h1>${escapeHtml(block.text)}</h1>`;
    case 'text':
      return `<p class="${block.align ?? 'left'}${block.bold ? ' b' : ''}">${escapeHtml(block.text)}</p>`;
    case 'pair':
      return `<div class="pair${block.bold ? ' b' : ''}"><span>${escapeHtml(block.label)}</span><span>${escapeHtml(block.value)}</span></div>`;
    case 'table': {
      const head = block.columns.map((c) => `<th class="${c.align ?? 'left'}">${escapeHtml(c.header)}</th>`).join('');
      const rows = block.rows.map((r) => `<tr>${r.map((cell, i) => `<td class="${block.columns[i]?.align ?? 'left'}">${escapeHtml(cell)}</td>`).join('')}</tr>`).join('');
      return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
    case 'big':
      return `<p class="big">${escapeHtml(block.text)}</p>`;
    case 'qr':
      return `<div class="center">${qrSvg(block.data, '32mm')}</div>`;
    case 'barcode':
      // No barcode font or drawing here: the value, readable and typed in by hand if need be.
      return `<p class="center mono">${escapeHtml(block.data)}</p>`;
    case 'logo':
      return `<div class="center">${bitmapSvg(block.bitmap)}</div>`;
    case 'rule':
      return '<hr>';
    case 'feed':
      return '<br>'.repeat(block.lines);
    case 'cut':
      return '';
  }
}

/** The receipt's markup, to go inside print.css's `.fo-receipt` element. */
export function receiptHtml(receipt: Receipt): string {
  return receipt.blocks.map(blockHtml).join('\n');
}
