/**
 * The print flow, free of the DOM so it can be tested whole: encode for this device's
 * printer, send over WebUSB, fall back to the print dialog or a PDF when WebUSB is missing,
 * no printer is paired or it fails mid-job, and record every attempt in the job log.
 */
import { markDuplicate, type Receipt, type ReceiptKind } from './receipt-model.ts';
import { encodeReceipt } from './escpos.ts';
import { type PrinterSettings, profileOf } from './printer-settings.ts';
import { type Attempt, type JobLog, type PrintJob, type Via, statusAfter } from './job-log.ts';
import { PrintError, errorCodeOf, errorDetail, type PrintErrorCode } from './print-error.ts';
import { type UsbLike, findPairedPrinter, printOverUsb } from './usb-transport.ts';

export interface PrintDeps {
  /** `navigator.usb`, or null where the browser has no WebUSB. */
  usb: UsbLike | null;
  settings: () => PrinterSettings;
  jobs: JobLog;
  /** Puts the receipt out through the browser: print dialog (80 mm page) or PDF download. */
  fallback: (receipt: Receipt, output: 'dialog' | 'pdf') => Promise<void>;
  now: () => string;
  newId: () => string;
}

export interface PrintOutcome {
  job: PrintJob;
  /** Where the receipt went out, or null when nothing could print it. */
  via: Via | null;
  /** Why the USB printer was not used, when it was not. */
  usbError?: PrintErrorCode;
}

async function usbAttempt(deps: PrintDeps, receipt: Receipt): Promise<void> {
  if (!deps.usb) throw new PrintError('unsupported');
  const settings = deps.settings();
  const device = await findPairedPrinter(deps.usb, settings.printer);
  if (!device) throw new PrintError('no_printer');
  await printOverUsb(device, encodeReceipt(receipt, profileOf(settings), { drawerKick: settings.drawerKick }));
}

/** `duplicate`: the banner ("DUPLICATA") that marks a reprint, or null for the original. */
async function run(deps: PrintDeps, job: PrintJob, banner: string | null): Promise<PrintOutcome> {
  const duplicate = banner !== null;
  const receipt = banner !== null ? markDuplicate(job.receipt, banner) : job.receipt;
  const record = (attempt: Attempt, intended: boolean) =>
    (job = deps.jobs.update(job.id, (j) => ({ ...j, status: statusAfter(j, attempt, intended), attempts: [...j.attempts, attempt] })) ?? job);
  // USB is the intended output whenever a printer is paired and the browser can reach it.
  const usbIntended = deps.usb !== null && deps.settings().printer !== null;
  let usbError: PrintErrorCode | undefined;
  try {
    await usbAttempt(deps, receipt);
    record({ at: deps.now(), via: 'usb', ok: true, duplicate }, true);
    return { job, via: 'usb' };
  } catch (error) {
    usbError = errorCodeOf(error);
    if (usbIntended) record({ at: deps.now(), via: 'usb', ok: false, duplicate, error: usbError, detail: errorDetail(error) }, true);
  }
  const output = deps.settings().fallback;
  try {
    await deps.fallback(receipt, output);
    record({ at: deps.now(), via: output, ok: true, duplicate }, !usbIntended);
    return { job, via: output, usbError };
  } catch (error) {
    record({ at: deps.now(), via: output, ok: false, duplicate, error: errorCodeOf(error), detail: errorDetail(error) }, !usbIntended);
    return { job, via: null, usbError };
  }
}

export function createPrintService(deps: PrintDeps) {
  return {
    /** Prints a new receipt: one job in the log, whatever happens. */
    print(receipt: Receipt, kind: ReceiptKind): Promise<PrintOutcome> {
      const job: PrintJob = { id: deps.newId(), kind, summary: receipt.summary, createdAt: deps.now(), status: 'printing', receipt, attempts: [] };
      deps.jobs.add(job);
      return run(deps, job, null);
    },
    /** Prints a failed job again, as the original (it never came out whole). */
    retry(id: string): Promise<PrintOutcome> {
      const job = deps.jobs.get(id);
      if (!job) throw new PrintError('unknown', `no job ${id}`);
      return run(deps, job, null);
    },
    /** A copy of a job, marked with `banner` (DUPLICATA / DUPLICATE) at the top and the bottom. */
    reprint(id: string, banner: string): Promise<PrintOutcome> {
      const job = deps.jobs.get(id);
      if (!job) throw new PrintError('unknown', `no job ${id}`);
      return run(deps, job, banner);
    },
  };
}

export type PrintService = ReturnType<typeof createPrintService>;
