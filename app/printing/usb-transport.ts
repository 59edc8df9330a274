/**
 * WebUSB transport to receipt printers: ask for one, find it again, open it, claim its
 * printer interface and send bytes in chunks. Failures become PrintError codes a counter
 * agent can act on (driver holding the interface, printer unplugged mid-job…).
 */
import { PrintError } from './print-error.ts';

/** Receipt printer makers, common clone chipsets, and any device with a printer-class interface. */
export const PRINTER_FILTERS: USBDeviceFilter[] = [
  { vendorId: 0x04b8 }, // Epson
  { vendorId: 0x0519 }, // Star Micronics
  { vendorId: 0x1504 }, // Bixolon
  { vendorId: 0x1d90 }, // Citizen
  { vendorId: 0x0416 }, // Winbond-based 58/80 mm clones (POS-58, POS-80)
  { vendorId: 0x0483 }, // STMicroelectronics-based clones
  { vendorId: 0x0fe6 }, // ICS Advent-based clones
  { vendorId: 0x28e9 }, // GigaDevice-based clones (Xprinter)
  { vendorId: 0x20d1 }, // Rongta
  { classCode: 7 }, // printer class
];

const PRINTER_CLASS = 7;

/** What the settings keep to find the same printer again (a USBDevice cannot be stored). */
export interface DeviceRef {
  vendorId: number;
  productId: number;
  serialNumber?: string;
  name: string;
}

export function deviceRef(device: USBDevice): DeviceRef {
  const name = [device.manufacturerName, device.productName].filter(Boolean).join(' ') || `USB ${hex(device.vendorId)}:${hex(device.productId)}`;
  return { vendorId: device.vendorId, productId: device.productId, ...(device.serialNumber ? { serialNumber: device.serialNumber } : {}), name };
}

function hex(n: number): string {
  return n.toString(16).padStart(4, '0');
}

export function sameDevice(device: USBDevice, ref: DeviceRef): boolean {
  return device.vendorId === ref.vendorId && device.productId === ref.productId && (!ref.serialNumber || device.serialNumber === ref.serialNumber);
}

/** The subset of `navigator.usb` we use, so tests can hand in a fake. */
export type UsbLike = Pick<USB, 'getDevices' | 'requestDevice' | 'addEventListener' | 'removeEventListener'>;

export interface PrinterEndpoint {
  interfaceNumber: number;
  endpointNumber: number;
  packetSize: number;
}

/** The first interface of class 7 (printer) with a bulk OUT endpoint, in the active configuration. */
export function findPrinterEndpoint(configuration: USBConfiguration): PrinterEndpoint | null {
  for (const iface of configuration.interfaces) {
    for (const alt of iface.alternates) {
      if (alt.interfaceClass !== PRINTER_CLASS) continue;
      const out = alt.endpoints.find((e) => e.direction === 'out' && e.type === 'bulk');
      if (out) return { interfaceNumber: iface.interfaceNumber, endpointNumber: out.endpointNumber, packetSize: out.packetSize };
    }
  }
  return null;
}

/** Maps a WebUSB rejection to what went wrong at that step. */
function usbError(error: unknown, step: 'choose' | 'open' | 'claim' | 'send'): PrintError {
  if (error instanceof PrintError) return error;
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (step === 'choose' && name === 'NotFoundError') return new PrintError('cancelled', detail);
  if (name === 'SecurityError') return new PrintError('access_denied', detail);
  // Chrome answers a claim or open of an interface held by a kernel driver (usblp, Windows
  // printer driver) with NetworkError or "Unable to claim interface".
  if ((step === 'open' || step === 'claim') && (name === 'NetworkError' || name === 'InvalidStateError')) return new PrintError('access_denied', detail);
  if (name === 'NotFoundError' || name === 'AbortError' || (step === 'send' && name === 'NetworkError')) return new PrintError('disconnected', detail);
  return new PrintError(step === 'send' ? 'transfer' : 'unknown', detail);
}

export async function choosePrinter(usb: UsbLike): Promise<USBDevice> {
  try {
    return await usb.requestDevice({ filters: PRINTER_FILTERS });
  } catch (error) {
    throw usbError(error, 'choose');
  }
}

/** The paired printer named in the settings, if it is plugged in (no prompt). */
export async function findPairedPrinter(usb: UsbLike, ref: DeviceRef | null): Promise<USBDevice | null> {
  if (!ref) return null;
  const devices = await usb.getDevices();
  return devices.find((d) => sameDevice(d, ref)) ?? null;
}

/** Opens the device, selects configuration 1 only if none is, claims the printer interface. */
export async function openPrinter(device: USBDevice): Promise<PrinterEndpoint> {
  try {
    if (!device.opened) await device.open();
    if (device.configuration === null) await device.selectConfiguration(1);
  } catch (error) {
    throw usbError(error, 'open');
  }
  const endpoint = device.configuration ? findPrinterEndpoint(device.configuration) : null;
  if (!endpoint) throw new PrintError('not_printer', `${hex(device.vendorId)}:${hex(device.productId)} has no printer interface`);
  const claimed = device.configuration!.interfaces.find((i) => i.interfaceNumber === endpoint.interfaceNumber)?.claimed;
  if (!claimed) {
    try {
      await device.claimInterface(endpoint.interfaceNumber);
    } catch (error) {
      throw usbError(error, 'claim');
    }
  }
  return endpoint;
}

/** Packets per transfer: 64 × 64-byte packets = 4 KiB, which every printer we know accepts. */
export const PACKETS_PER_TRANSFER = 64;

/** Sends the bytes in chunks of whole packets; a short write is resumed where it stopped. */
export async function sendToPrinter(device: USBDevice, endpoint: PrinterEndpoint, bytes: Uint8Array, packetsPerTransfer = PACKETS_PER_TRANSFER): Promise<void> {
  const chunk = Math.max(1, endpoint.packetSize) * packetsPerTransfer;
  let offset = 0;
  while (offset < bytes.length) {
    let result: USBOutTransferResult;
    try {
      result = await device.transferOut(endpoint.endpointNumber, bytes.slice(offset, offset + chunk));
    } catch (error) {
      throw usbError(error, 'send');
    }
    if (result.status === 'stall') {
      await device.clearHalt('out', endpoint.endpointNumber).catch(() => undefined);
      throw new PrintError('transfer', 'endpoint stalled');
    }
    if (result.status !== 'ok' || result.bytesWritten === 0) throw new PrintError('transfer', `transfer ${result.status}`);
    offset += result.bytesWritten;
  }
}

/** One whole job: open, claim, send. */
export async function printOverUsb(device: USBDevice, bytes: Uint8Array): Promise<void> {
  const endpoint = await openPrinter(device);
  await sendToPrinter(device, endpoint, bytes);
}
