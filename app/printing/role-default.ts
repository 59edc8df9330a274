/**
 * The institution's printer settings for this device's role (`printer_role` in fo_ref, issue
 * 14), as the device's replica holds them now: kept current by `followPrinterRole`, read by
 * the device's printer at each print, so an administrator's change applies without a reload.
 */
import type { PrinterRoleDefaults } from '../../couch-design/types/printer-role.ts';

let current: PrinterRoleDefaults | null = null;
const listeners = new Set<() => void>();

export function printerRoleDefault(): PrinterRoleDefaults | null {
  return current;
}

export function setPrinterRoleDefault(doc: PrinterRoleDefaults | null): void {
  current = doc;
  listeners.forEach((l) => l());
}

export function onPrinterRoleDefault(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
