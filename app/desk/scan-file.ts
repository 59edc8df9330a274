/**
 * Turns the file the agent chose (a camera shot or a file) into a scan, in the browser: a photo
 * is decoded, drawn at most SCAN_LONGEST_SIDE px on its long side and compressed to JPEG; a
 * PDF is kept as it is. The SHA-256 of the bytes is computed here, once, so the submission
 * records what the server receives. Nothing is written: the form saves it with the filing.
 */
import type { ScanFile } from './scan-docs.ts';
import { SCAN_JPEG_QUALITIES, checkScanSize, downscaleSize, planScan, scanContentType, type ScanErrorCode } from './scan-checks.ts';
import { sha256HexOfBytes } from '../cash/sha256.ts';

export type PreparedScan = ScanFile<Blob> & { readonly fileName: string };

async function redraw(file: File): Promise<Blob | ScanErrorCode> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return 'scan_unreadable';
  }
  const size = downscaleSize(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) return 'scan_unreadable';
  // A transparent PNG would turn black as JPEG: paper is white.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size.width, size.height);
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  let last: Blob | null = null;
  for (const quality of SCAN_JPEG_QUALITIES) {
    last = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (last && checkScanSize(last.size) === null) return last;
  }
  return last ? (checkScanSize(last.size) ?? 'scan_unreadable') : 'scan_unreadable';
}

export async function prepareScan(file: File): Promise<PreparedScan | { error: ScanErrorCode }> {
  const plan = planScan(file);
  if (plan.kind === 'refused') return { error: plan.error };
  const blob = plan.kind === 'pdf' ? file : await redraw(file);
  if (typeof blob === 'string') return { error: blob };
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const contentType = scanContentType(plan);
  return { contentType, length: bytes.length, sha256: sha256HexOfBytes(bytes), data: new Blob([bytes], { type: contentType }), fileName: file.name };
}
