/**
 * This device's printer, wired to the browser: navigator.usb, localStorage, the fallback
 * outputs. One per page, created on first use; it finds the paired printer again at once
 * (getDevices) and whenever it is plugged back in (connect events).
 */
import type { Locale } from '../i18n/translate.ts';
import { translate } from '../i18n/translate.ts';
import type { Receipt, ReceiptKind } from './receipt-model.ts';
import { createPrintService, type PrintOutcome } from './print-service.ts';
import { createJobLog, type PrintJob } from './job-log.ts';
import { type PrinterSettings, type SettingsSource, appliedSettings, loadSettings, saveSettings } from './printer-settings.ts';
import { onPrinterRoleDefault, printerRoleDefault } from './role-default.ts';
import { type KeyValueStore, memoryStore } from './storage.ts';
import { type UsbLike, choosePrinter, deviceRef, findPairedPrinter, openPrinter, sameDevice } from './usb-transport.ts';
import { errorCodeOf, type PrintErrorCode } from './print-error.ts';
import { printFallback } from './fallback.ts';
import { renderTemplate, type PrintRequest } from './templates/render.ts';

export interface PrinterState {
  /** The settings in force: this device's own, or its role's institution default (`source`). */
  settings: PrinterSettings;
  source: SettingsSource;
  /** What this device stored (its printer, and its own setup when `own`). */
  local: PrinterSettings;
  /** The paired printer is plugged in and answered. */
  connected: boolean;
  /** The last problem reaching it, in words via `printing.error.<code>`. */
  problem: PrintErrorCode | null;
  jobs: PrintJob[];
}

function browserStore(): KeyValueStore {
  try {
    localStorage.getItem('fo.printer.settings');
    return localStorage;
  } catch {
    return memoryStore();
  }
}

function createDevicePrinter() {
  const store = browserStore();
  const usb: UsbLike | null = typeof navigator !== 'undefined' && 'usb' in navigator ? navigator.usb : null;
  const jobs = createJobLog(store);
  const applied = (local: PrinterSettings) => {
    const { settings, source } = appliedSettings(local, printerRoleDefault());
    return { local, settings, source };
  };
  let state: PrinterState = { ...applied(loadSettings(store)), connected: false, problem: null, jobs: jobs.list() };
  const listeners = new Set<(s: PrinterState) => void>();
  const set = (change: Partial<Omit<PrinterState, 'settings' | 'source'>>) => {
    state = { ...state, ...change, ...applied(change.local ?? state.local), jobs: jobs.list() };
    listeners.forEach((l) => l(state));
  };
  /** Stores this device's settings and applies them. */
  const keep = (local: PrinterSettings, change: Partial<Pick<PrinterState, 'connected' | 'problem'>> = {}) => {
    saveSettings(store, local);
    set({ ...change, local });
  };
  // An administrator changed this role's printer (replicated): applies to the next print, and shows.
  onPrinterRoleDefault(() => set({}));
  const service = createPrintService({
    usb,
    settings: () => state.settings,
    jobs,
    fallback: printFallback,
    now: () => new Date().toISOString(),
    newId: () => crypto.randomUUID(),
  });

  /** Opens the paired printer if it is there; remembers why not otherwise. */
  const reconnect = async () => {
    if (!usb || !state.settings.printer) return set({ connected: false });
    try {
      const device = await findPairedPrinter(usb, state.settings.printer);
      if (device) await openPrinter(device);
      set({ connected: device !== null, problem: device ? null : state.problem });
    } catch (error) {
      set({ connected: false, problem: errorCodeOf(error) });
    }
  };
  if (usb) {
    usb.addEventListener('connect', () => void reconnect());
    usb.addEventListener('disconnect', (event) => {
      const ref = state.settings.printer;
      if (ref && sameDevice(event.device, ref)) set({ connected: false });
    });
    void reconnect();
  }

  const after = (outcome: PrintOutcome) => {
    const problem = outcome.usbError && outcome.usbError !== 'unsupported' && outcome.usbError !== 'no_printer' ? outcome.usbError : null;
    set({ problem, connected: outcome.via === 'usb' || (state.connected && problem !== 'disconnected') });
    return outcome;
  };

  return {
    usbAvailable: usb !== null,
    state: () => state,
    subscribe(listener: (s: PrinterState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** This device's own choice (the printer screen): from now on it overrides the institution's. */
    updateSettings(settings: PrinterSettings) {
      keep({ ...settings, own: true, printer: state.local.printer });
    },
    /** Drops this device's own choice: its role's institution default applies again. */
    useInstitutionDefault() {
      keep({ ...state.local, own: false });
    },
    /** Shows the browser's device chooser; must run from a click. */
    async choose(): Promise<void> {
      if (!usb) return set({ problem: 'unsupported' });
      try {
        const device = await choosePrinter(usb);
        await openPrinter(device);
        // Chrome keeps the permission across restarts only for devices with a serial number.
        keep({ ...state.local, printer: deviceRef(device) }, { connected: true, problem: device.serialNumber ? null : 'no_serial' });
      } catch (error) {
        set({ problem: errorCodeOf(error) });
      }
    },
    async forget(): Promise<void> {
      const ref = state.settings.printer;
      const device = usb && ref ? await findPairedPrinter(usb, ref) : null;
      await device?.close().catch(() => undefined);
      await device?.forget?.().catch(() => undefined);
      keep({ ...state.local, printer: null }, { connected: false, problem: null });
    },
    print: (receipt: Receipt, kind: ReceiptKind) => service.print(receipt, kind).then(after),
    printTemplate: (request: PrintRequest, locale: Locale) => service.print(renderTemplate(request, locale), request.template).then(after),
    retry: (id: string) => service.retry(id).then(after),
    reprint: (id: string, locale: Locale) => service.reprint(id, translate(locale, 'print.duplicate')).then(after),
  };
}

export type DevicePrinter = ReturnType<typeof createDevicePrinter>;

let instance: DevicePrinter | null = null;

export function devicePrinter(): DevicePrinter {
  instance ??= createDevicePrinter();
  return instance;
}
