/**
 * An image file redrawn in the browser, smaller: decoded (`createImageBitmap`: any format the
 * browser reads), drawn to fit a box with its proportions kept, then encoded in each of the
 * given encodings in turn until one fits `maxBytes`. Used by the counter's scans
 * (app/desk/scan-file.ts) and the institution's logo (app/admin/logo-file.ts).
 */
import { fitWithin } from './fit.ts';

export interface ImageEncoding {
  readonly type: 'image/png' | 'image/jpeg';
  /** JPEG only, 0–1. */
  readonly quality?: number;
}

export interface RedrawPlan {
  readonly maxWidth: number;
  readonly maxHeight: number;
  readonly encodings: readonly ImageEncoding[];
  readonly maxBytes: number;
}

export type RedrawRefusal = 'unreadable' | 'too_big';

function draw(bitmap: ImageBitmap, width: number, height: number, opaque: boolean): HTMLCanvasElement | null {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  // JPEG has no transparency: a transparent pixel would turn black, and paper is white.
  if (opaque) {
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
  }
  context.drawImage(bitmap, 0, 0, width, height);
  return canvas;
}

export async function redrawImage(file: Blob, plan: RedrawPlan): Promise<Blob | RedrawRefusal> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return 'unreadable';
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height, plan.maxWidth, plan.maxHeight);
    let last: Blob | null = null;
    for (const encoding of plan.encodings) {
      const canvas = draw(bitmap, size.width, size.height, encoding.type === 'image/jpeg');
      if (!canvas) return 'unreadable';
      last = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, encoding.type, encoding.quality));
      if (last && last.size > 0 && last.size <= plan.maxBytes) return last;
    }
    return last && last.size > 0 ? 'too_big' : 'unreadable';
  } finally {
    bitmap.close();
  }
}
