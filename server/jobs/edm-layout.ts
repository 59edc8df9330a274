/**
 * The EDM drop folder's layout (docs/EDM.md), pure: one folder per submission named by its
 * receipt number, the scans inside named by document code, the metadata beside them, and the
 * export's own files under a dot-folder that ingestion ignores. Names come from documents
 * written on devices, so only the contract's safe shapes become paths: nothing can climb out.
 */
import type { ScanRef } from '../../couch-design/types/submission.ts';

/** The export's own files (state, folders being written): ingestion skips dot-names. */
export const WORK_DIR = '.fo-edm';
export const INCOMING_DIR = 'incoming';
export const STATE_FILE = 'state.json';
export const METADATA_JSON = 'metadata.json';
export const METADATA_XML = 'metadata.xml';

/** Receipt numbers as devices make them (app/desk/receipt-number.ts) and the demo's older `DLA-2024-000001`. */
const SAFE_FOLDER = /^[A-Z0-9][A-Z0-9-]{0,39}$/;
const SAFE_SCAN = /^\d{4}\.(jpg|pdf)$/;

/** The submission's folder name, or null when the receipt number could not be a plain folder name. */
export function folderName(receiptNumber: string): string | null {
  return SAFE_FOLDER.test(receiptNumber) ? receiptNumber : null;
}

/** The scan's file name in the folder (the attachment's own name, `<code>.jpg|.pdf`), or null if unsafe. */
export function scanFileName(ref: Pick<ScanRef, 'name'>): string | null {
  return SAFE_SCAN.test(ref.name) ? ref.name : null;
}

/** Milliseconds before the `attempts`-th retry: 2, 4, 8 … capped at 5 minutes, so a stuck one costs little. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2_000 * 2 ** Math.max(0, attempts - 1), 300_000);
}
