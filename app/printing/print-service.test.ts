import { beforeEach, describe, expect, it } from 'vitest';
import { createPrintService, type PrintDeps } from './print-service.ts';
import { createJobLog } from './job-log.ts';
import { memoryStore } from './storage.ts';
import { FakePrinter, fakeUsb } from './fake-usb.ts';
import { DEFAULT_SETTINGS, type PrinterSettings } from './printer-settings.ts';
import { deviceRef } from './usb-transport.ts';
import { findProfile } from './profiles.ts';
import { decodeEscPos, printedText } from './virtual-printer.ts';
import { sampleReceipt } from './samples.ts';
import type { Receipt } from './receipt-model.ts';
import { PrintError } from './print-error.ts';

let printer: FakePrinter;
let settings: PrinterSettings;
let fallbacks: { receipt: Receipt; output: string }[];
let deps: PrintDeps;

beforeEach(() => {
  printer = new FakePrinter({ serialNumber: 'S1' });
  settings = { ...DEFAULT_SETTINGS, printer: deviceRef(printer.asDevice()), fallback: 'pdf' };
  fallbacks = [];
  let n = 0;
  deps = {
    usb: fakeUsb([printer]),
    settings: () => settings,
    jobs: createJobLog(memoryStore()),
    fallback: async (receipt, output) => void fallbacks.push({ receipt, output }),
    now: () => '2024-03-14T09:00:00Z',
    newId: () => `job-${++n}`,
  };
});

const epson = findProfile('epson-80');
/** How many receipts came out of the printer: one cut each. */
const cuts = (p: FakePrinter) => decodeEscPos(p.received(), epson).filter((x) => x.kind === 'cut').length;

describe('print service', () => {
  it('prints on the paired USB printer and logs the job as printed', async () => {
    const outcome = await createPrintService(deps).print(sampleReceipt('ticket', 'fr'), 'ticket');
    expect(outcome.via).toBe('usb');
    expect(outcome.job.status).toBe('printed');
    expect(printedText(decodeEscPos(printer.received(), epson))).toContain('                F012');
    expect(fallbacks).toEqual([]);
  });

  it('marks a job failed when the printer is unplugged mid-job, hands the receipt to the fallback, and a retry prints it once', async () => {
    const service = createPrintService(deps);
    printer.disconnectAfter = 0;
    const receipt = sampleReceipt('submission', 'fr');
    const first = await service.print(receipt, 'submission');
    expect(first.usbError).toBe('disconnected');
    expect(first.job.status).toBe('failed');
    expect(first.job.attempts.map((a) => [a.via, a.ok, a.error])).toEqual([
      ['usb', false, 'disconnected'],
      ['pdf', true, undefined],
    ]);
    expect(fallbacks.map((f) => f.receipt)).toEqual([receipt]);

    printer.plugBackIn();
    const retried = await service.retry(first.job.id);
    expect(retried.via).toBe('usb');
    expect(retried.job.status).toBe('printed');
    expect(cuts(printer)).toBe(1);
    expect(printedText(decodeEscPos(printer.received(), epson))).not.toContain('DUPLICATA');
    expect(deps.jobs.list()).toHaveLength(1);
  });

  it('notices a disconnect after part of the job went out', async () => {
    printer.disconnectAfter = 1;
    const big: Receipt = { summary: 'long', blocks: [...Array.from({ length: 600 }, () => ({ kind: 'text', text: 'Ligne à imprimer €' }) as const), { kind: 'cut' }] };
    const outcome = await createPrintService(deps).print(big, 'test');
    expect(outcome.job.status).toBe('failed');
    expect(printer.transfers).toHaveLength(1);
    expect(cuts(printer)).toBe(0);
  });

  it('reprints a job as a duplicate', async () => {
    const service = createPrintService(deps);
    const { job } = await service.print(sampleReceipt('cashReceipt', 'fr'), 'cash_receipt');
    const again = await service.reprint(job.id, 'DUPLICATA');
    expect(again.job.status).toBe('reprinted');
    const text = printedText(decodeEscPos(printer.received(), epson)).map((l) => l.trim());
    expect(text.filter((l) => l === '*** DUPLICATA ***')).toHaveLength(2);
    expect(cuts(printer)).toBe(2);
  });

  it('goes straight to the fallback where there is no WebUSB, and that counts as printed', async () => {
    deps.usb = null;
    const outcome = await createPrintService(deps).print(sampleReceipt('ticket', 'en'), 'ticket');
    expect(outcome).toMatchObject({ via: 'pdf', usbError: 'unsupported' });
    expect(outcome.job.status).toBe('printed');
    expect(outcome.job.attempts).toHaveLength(1);
  });

  it('goes to the fallback when no printer is paired', async () => {
    settings = { ...settings, printer: null, fallback: 'dialog' };
    const outcome = await createPrintService(deps).print(sampleReceipt('ticket', 'en'), 'ticket');
    expect(outcome).toMatchObject({ via: 'dialog', usbError: 'no_printer' });
    expect(outcome.job.status).toBe('printed');
  });

  it('keeps the job failed, with the cause, when the fallback fails too', async () => {
    deps.usb = null;
    deps.fallback = async () => {
      throw new PrintError('popup_blocked');
    };
    const outcome = await createPrintService(deps).print(sampleReceipt('ticket', 'en'), 'ticket');
    expect(outcome.via).toBeNull();
    expect(outcome.job.status).toBe('failed');
    expect(outcome.job.attempts[0]).toMatchObject({ via: 'pdf', ok: false, error: 'popup_blocked' });
  });

  it('opens the cash drawer after the receipt when the device is a cash desk', async () => {
    settings = { ...settings, drawerKick: true };
    await createPrintService(deps).print(sampleReceipt('cashReceipt', 'fr'), 'cash_receipt');
    expect(decodeEscPos(printer.received(), epson).at(-1)).toEqual({ kind: 'drawer', pin: 2 });
  });
});

describe('job log', () => {
  it('keeps the newest jobs only, and survives a reload', () => {
    const store = memoryStore();
    const log = createJobLog(store, 3);
    for (let i = 1; i <= 5; i++) log.add({ id: `j${i}`, kind: 'ticket', summary: `T${i}`, createdAt: '', status: 'printed', receipt: { summary: '', blocks: [] }, attempts: [] });
    expect(log.list().map((j) => j.id)).toEqual(['j5', 'j4', 'j3']);
    expect(createJobLog(store, 3).list().map((j) => j.id)).toEqual(['j5', 'j4', 'j3']);
  });
});
