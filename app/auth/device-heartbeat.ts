/**
 * An enrolled device's heartbeat: at each new server session and every minute, it tells the
 * server it is alive and how its printer is (the admin's device list). A 401 means its session
 * died (revoked, or expired): the auth layer then tries to reopen it, and a revoked device
 * learns so and goes back to enrolment.
 */
import type { PrinterReport } from './enrol-rules.ts';
import { sendHeartbeat } from './enrol-client.ts';

export const HEARTBEAT_EVERY_MS = 60_000;

/** What the admin sees of a printer: a USB printer answering, a problem, or the print dialog/PDF. */
export function printerReport(state: { connected: boolean; problem: string | null; settings: { printer: unknown } }): PrinterReport {
  if (state.connected) return 'usb';
  if (state.settings.printer && state.problem) return 'error';
  return 'fallback';
}

async function currentPrinter(): Promise<PrinterReport> {
  try {
    // Loaded on demand: the printing code stays out of the first load.
    const { devicePrinter } = await import('../printing/device-printer.ts');
    return printerReport(devicePrinter().state());
  } catch {
    return 'none';
  }
}

/** Starts the heartbeat; returns its stop. */
export function startHeartbeat(onUnauthorized: () => void): () => void {
  let stopped = false;
  const beat = async () => {
    if (stopped || !navigator.onLine) return;
    if ((await sendHeartbeat(await currentPrinter())) === 'unauthorized' && !stopped) onUnauthorized();
  };
  void beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_EVERY_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
