/**
 * Which rows of a long list to render for a scroll position (pure). The rows not rendered are
 * stood in for by spacer rows whose heights are CSS classes, one per power of ten of rows: the
 * CSP forbids inline styles, so a spacer cannot be given its height in pixels.
 */

/** Rows above and below the visible ones, so a quick scroll shows rows, not blank space. */
export const OVERSCAN = 8;
export const PAD_SIZES = [10000, 1000, 100, 10, 1] as const;
export type PadSize = (typeof PAD_SIZES)[number];

/** The first row to render and the row after the last one. */
export function rowWindow(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = OVERSCAN): { start: number; end: number } {
  const h = rowHeight > 0 ? rowHeight : 1;
  const first = Math.floor(Math.max(0, scrollTop) / h);
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.min(count, first + Math.ceil(Math.max(0, viewport) / h) + overscan);
  return { start, end: Math.max(start, end) };
}

/** `rows` as spacer blocks, largest first: 1234 → 1000, 100, 100, 10, 10, 10, 1, 1, 1, 1. */
export function padBlocks(rows: number): PadSize[] {
  const out: PadSize[] = [];
  let left = Math.max(0, Math.floor(rows));
  for (const size of PAD_SIZES) {
    while (left >= size) {
      out.push(size);
      left -= size;
    }
  }
  return out;
}

/** The scroll position that brings row `index` into view, or null when it is already in view. */
export function scrollToShow(index: number, scrollTop: number, viewport: number, rowHeight: number): number | null {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return null;
}
