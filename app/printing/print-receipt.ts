/**
 * The one call screens use to print:
 *
 *   const outcome = await printReceipt({ template: 'submission', data }, locale());
 *
 * Everything else (encoder, WebUSB, jsPDF) is loaded on the first print, so it does not
 * weigh on the app's first load. The outcome says where the receipt went (usb, dialog,
 * pdf, or null when nothing could print it) and holds the job, which the printer settings
 * screen lists with retry and reprint.
 */
import { loadLocale, loadParts, type Locale } from '../i18n/translate.ts';
import { FEATURE_PARTS } from '../i18n/parts.ts';
import type { PrintRequest } from './templates/render.ts';
import type { PrintOutcome } from './print-service.ts';

export type { PrintRequest } from './templates/render.ts';
export type { PrintOutcome } from './print-service.ts';

/** Where the printer settings screen lives. */
export const PRINTER_PATH = '/printing';

export async function printReceipt(request: PrintRequest, locale: Locale): Promise<PrintOutcome> {
  // The receipt's language may not be the one on screen (the app loads one at a time), and
  // its strings come with the printer code.
  const [{ devicePrinter }] = await Promise.all([import('./device-printer.ts'), loadParts(FEATURE_PARTS.devicePrinter).then(() => loadLocale(locale))]);
  return devicePrinter().printTemplate(request, locale);
}
