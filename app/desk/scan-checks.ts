/**
 * What the counter accepts as a paper's scan (issue 10), pure: the file's type and size when
 * it is chosen (refused at once, before anything is saved), the downscale plan for photos and
 * the size once compressed. The limit is the contract's (couch-design/types/scan.ts), so the
 * server refuses what the form refuses. See docs/DESK.md, "Scans".
 */
import { MAX_SCAN_BYTES, type ScanContentType } from '../../couch-design/types/scan.ts';
import type { RedrawPlan } from '../images/redraw-image.ts';

/** Photos the browser decodes into a canvas. Others (HEIC…) are refused with a message. */
export const IMAGE_INPUT_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/bmp'];
/**
 * A phone photo is 2–12 MB before the downscale. Past this, decoding alone could stall the
 * tablet: refused at once.
 */
export const MAX_PHOTO_INPUT_BYTES = 30 * 1024 * 1024;
/** A4 at about 190 dpi on its long side: small print stays readable. */
export const SCAN_LONGEST_SIDE = 1600;
/** A photo is drawn at most SCAN_LONGEST_SIDE px on its long side, as JPEG at 0.8 then 0.6 until it fits under MAX_SCAN_BYTES. */
export const SCAN_REDRAW: RedrawPlan = {
  maxWidth: SCAN_LONGEST_SIDE,
  maxHeight: SCAN_LONGEST_SIDE,
  encodings: [
    { type: 'image/jpeg', quality: 0.8 },
    { type: 'image/jpeg', quality: 0.6 },
  ],
  maxBytes: MAX_SCAN_BYTES,
};

export type ScanErrorCode = 'scan_type' | 'scan_too_big' | 'scan_unreadable';

/** How a chosen file becomes a scan: a photo is redrawn as JPEG, a PDF kept as it is. */
export type ScanPlan = { kind: 'photo' } | { kind: 'pdf' } | { kind: 'refused'; error: ScanErrorCode };

export function planScan(file: { readonly type: string; readonly size: number }): ScanPlan {
  const type = file.type.toLowerCase();
  if (type === 'application/pdf') return file.size > MAX_SCAN_BYTES ? { kind: 'refused', error: 'scan_too_big' } : file.size === 0 ? { kind: 'refused', error: 'scan_unreadable' } : { kind: 'pdf' };
  if (!IMAGE_INPUT_TYPES.includes(type)) return { kind: 'refused', error: 'scan_type' };
  if (file.size > MAX_PHOTO_INPUT_BYTES) return { kind: 'refused', error: 'scan_too_big' };
  return file.size === 0 ? { kind: 'refused', error: 'scan_unreadable' } : { kind: 'photo' };
}

export function scanContentType(plan: ScanPlan): ScanContentType {
  return plan.kind === 'pdf' ? 'application/pdf' : 'image/jpeg';
}

/** "1.2 MB" / "1,2 Mo", "350 kB" / "350 ko": sizes as the agent reads them (1 MB = 1,024 kB, as file managers count). */
export function formatBytes(bytes: number, locale: string): string {
  const fr = locale === 'fr';
  const fmt = (n: number, digits: number) => n.toLocaleString(fr ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits });
  if (bytes >= 1024 * 1024) return `${fmt(bytes / (1024 * 1024), 1)} ${fr ? 'Mo' : 'MB'}`;
  return `${fmt(Math.max(1, Math.round(bytes / 1024)), 0)} ${fr ? 'ko' : 'kB'}`;
}
