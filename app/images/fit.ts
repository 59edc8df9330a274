/** Image sizes, pure: what the browser's canvas redraws (scans, the institution's logo) and what a PDF draws. */

/** `width`×`height` scaled to fit inside `maxWidth`×`maxHeight`, proportions kept, never enlarged, at least 1×1. */
export function fitWithin(width: number, height: number, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(1, maxWidth / width, maxHeight / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
