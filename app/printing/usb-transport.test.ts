import { describe, expect, it } from 'vitest';
import { FakePrinter, fakeUsb } from './fake-usb.ts';
import { PRINTER_FILTERS, choosePrinter, deviceRef, findPairedPrinter, openPrinter, printOverUsb, sendToPrinter } from './usb-transport.ts';
import { PrintError } from './print-error.ts';

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 251);

async function rejection(promise: Promise<unknown>): Promise<PrintError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(PrintError);
  return error as PrintError;
}

describe('choosing and finding the printer', () => {
  it('asks with the makers’ vendor ids and the printer class', async () => {
    expect(PRINTER_FILTERS.map((f) => f.vendorId).filter(Boolean)).toEqual(expect.arrayContaining([0x04b8, 0x0519, 0x1504, 0x1d90]));
    expect(PRINTER_FILTERS).toContainEqual({ classCode: 7 });
    const printer = new FakePrinter({ serialNumber: 'X1' });
    expect(await choosePrinter(fakeUsb([printer]))).toBe(printer);
    expect((await rejection(choosePrinter(fakeUsb([printer], { cancelChooser: true })))).code).toBe('cancelled');
  });

  it('finds the paired printer again among the permitted devices, by vendor, product and serial', async () => {
    const other = new FakePrinter({ serialNumber: 'OTHER' });
    const ours = new FakePrinter({ serialNumber: 'X1' });
    const usb = fakeUsb([other, ours]);
    expect(await findPairedPrinter(usb, deviceRef(ours.asDevice()))).toBe(ours);
    expect(await findPairedPrinter(usb, null)).toBeNull();
    expect(await findPairedPrinter(fakeUsb([other]), deviceRef(ours.asDevice()))).toBeNull();
    expect(deviceRef(ours.asDevice())).toEqual({ vendorId: 0x04b8, productId: 0x0e28, serialNumber: 'X1', name: 'EPSON TM-T20III' });
  });
});

describe('opening', () => {
  it('selects configuration 1 only when none is selected, and claims the printer interface', async () => {
    const fresh = new FakePrinter({ unconfigured: true });
    expect(await openPrinter(fresh.asDevice())).toEqual({ interfaceNumber: 0, endpointNumber: 1, packetSize: 64 });
    expect(fresh.selectedConfigurations).toEqual([1]);
    const configured = new FakePrinter();
    await openPrinter(configured.asDevice());
    expect(configured.selectedConfigurations).toEqual([]);
    expect(configured.configuration!.interfaces[0]!.claimed).toBe(true);
  });

  it('says "access denied" when a driver holds the interface', async () => {
    const printer = new FakePrinter();
    printer.claimFailure = 'NetworkError';
    expect((await rejection(openPrinter(printer.asDevice()))).code).toBe('access_denied');
    printer.claimFailure = 'SecurityError';
    expect((await rejection(openPrinter(printer.asDevice()))).code).toBe('access_denied');
  });

  it('refuses a device without a printer interface', async () => {
    const scanner = new FakePrinter({ interfaceClass: 3 });
    expect((await rejection(openPrinter(scanner.asDevice()))).code).toBe('not_printer');
  });
});

describe('sending', () => {
  it('sends in chunks of whole packets, in order, nothing lost', async () => {
    const printer = new FakePrinter({ packetSize: 64 });
    const data = bytes(10_000);
    await printOverUsb(printer.asDevice(), data);
    expect(printer.transfers.map((t) => t.length)).toEqual([4096, 4096, 1808]);
    expect(printer.received()).toEqual(data);
  });

  it('honours a smaller transfer size', async () => {
    const printer = new FakePrinter({ packetSize: 512 });
    const endpoint = await openPrinter(printer.asDevice());
    await sendToPrinter(printer.asDevice(), endpoint, bytes(2000), 1);
    expect(printer.transfers.map((t) => t.length)).toEqual([512, 512, 512, 464]);
  });

  it('notices the printer unplugged mid-job', async () => {
    const printer = new FakePrinter();
    printer.disconnectAfter = 1;
    expect((await rejection(printOverUsb(printer.asDevice(), bytes(10_000)))).code).toBe('disconnected');
    expect(printer.transfers).toHaveLength(1);
  });

  it('reports a stalled endpoint as a transfer failure', async () => {
    const printer = new FakePrinter();
    printer.stallNext = true;
    expect((await rejection(printOverUsb(printer.asDevice(), bytes(10))))).toMatchObject({ code: 'transfer' });
  });
});
