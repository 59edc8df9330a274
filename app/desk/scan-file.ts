/**
 * Turns the file the agent chose (a camera shot or a file) into a scan, in the browser: a photo
 * is decoded, drawn at most SCAN_LONGEST_SIDE px on its long side and compressed to JPEG; a
 * PDF is kept as it is. The SHA-256 of the bytes is computed here, once, so the submission
 * records what the server receives. Nothing is written: the form saves it with the filing.
 */
import type { ScanFile } from './scan-docs.ts';
import { SCAN_REDRAW, planScan, scanContentType, type ScanErrorCode } from './scan-checks.ts';
import { redrawImage } from '../images/redraw-image.ts';
import { sha256HexOfBytes } from '../cash/sha256.ts';

export type PreparedScan = ScanFile<Blob> & { readonly fileName: string };

export async function prepareScan(file: File): Promise<PreparedScan | { error: ScanErrorCode }> {
  const plan = planScan(file);
  if (plan.kind === 'refused') return { error: plan.error };
  const blob = plan.kind === 'pdf' ? file : await redrawImage(file, SCAN_REDRAW);
  if (typeof blob === 'string') return { error: blob === 'too_big' ? 'scan_too_big' : 'scan_unreadable' };
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const contentType = scanContentType(plan);
  return { contentType, length: bytes.length, sha256: sha256HexOfBytes(bytes), data: new Blob([bytes], { type: contentType }), fileName: file.name };
}
