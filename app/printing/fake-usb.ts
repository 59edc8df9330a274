/**
 * A fake USB receipt printer and a fake `navigator.usb`, for tests: records every
 * transferOut, and can refuse the claim (driver holding it), stall, or be unplugged
 * after a given number of transfers, mid-job.
 */
import type { UsbLike } from './usb-transport.ts';

export interface FakePrinterOptions {
  vendorId?: number;
  productId?: number;
  serialNumber?: string;
  packetSize?: number;
  /** Interface class of the only interface: 7 = printer. */
  interfaceClass?: number;
  /** Starts without a selected configuration, as a freshly plugged device does. */
  unconfigured?: boolean;
}

export class FakePrinter {
  readonly vendorId: number;
  readonly productId: number;
  readonly serialNumber: string | undefined;
  readonly manufacturerName = 'EPSON';
  readonly productName = 'TM-T20III';
  opened = false;
  configuration: USBConfiguration | null;
  readonly transfers: Uint8Array[] = [];
  selectedConfigurations: number[] = [];
  /** Error name the next claimInterface rejects with (e.g. 'NetworkError'). */
  claimFailure: string | null = null;
  /** Unplugged when this many transfers have gone through: the next one rejects. */
  disconnectAfter: number | null = null;
  stallNext = false;
  private readonly config: USBConfiguration;

  constructor(options: FakePrinterOptions = {}) {
    this.vendorId = options.vendorId ?? 0x04b8;
    this.productId = options.productId ?? 0x0e28;
    this.serialNumber = options.serialNumber;
    const endpoint = { endpointNumber: 1, direction: 'out', type: 'bulk', packetSize: options.packetSize ?? 64 } as USBEndpoint;
    const alternate = { alternateSetting: 0, interfaceClass: options.interfaceClass ?? 7, interfaceSubclass: 1, interfaceProtocol: 2, endpoints: [endpoint] } as unknown as USBAlternateInterface;
    const iface = { interfaceNumber: 0, alternate, alternates: [alternate], claimed: false } as USBInterface;
    this.config = { configurationValue: 1, interfaces: [iface] } as unknown as USBConfiguration;
    this.configuration = options.unconfigured ? null : this.config;
  }

  /** Everything the printer received, in order. */
  received(): Uint8Array {
    const all = new Uint8Array(this.transfers.reduce((n, t) => n + t.length, 0));
    let at = 0;
    for (const t of this.transfers) {
      all.set(t, at);
      at += t.length;
    }
    return all;
  }

  plugBackIn(): void {
    this.disconnectAfter = null;
    this.opened = false;
    (this.config.interfaces[0] as { claimed: boolean }).claimed = false;
  }

  async open(): Promise<void> {
    if (this.disconnectAfter !== null && this.transfers.length >= this.disconnectAfter) throw new DOMException('The device was disconnected.', 'NotFoundError');
    this.opened = true;
  }

  async selectConfiguration(value: number): Promise<void> {
    this.selectedConfigurations.push(value);
    this.configuration = this.config;
  }

  async claimInterface(n: number): Promise<void> {
    if (this.claimFailure) throw new DOMException('Unable to claim interface.', this.claimFailure);
    (this.config.interfaces[n] as { claimed: boolean }).claimed = true;
  }

  async clearHalt(): Promise<void> {}

  async transferOut(_endpoint: number, data: BufferSource): Promise<USBOutTransferResult> {
    if (!this.opened) throw new DOMException('The device must be opened first.', 'InvalidStateError');
    if (this.disconnectAfter !== null && this.transfers.length >= this.disconnectAfter) {
      this.opened = false;
      throw new DOMException('The device was disconnected.', 'NotFoundError');
    }
    if (this.stallNext) {
      this.stallNext = false;
      return { status: 'stall', bytesWritten: 0 } as USBOutTransferResult;
    }
    const view = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const bytes = view.slice();
    this.transfers.push(bytes);
    return { status: 'ok', bytesWritten: bytes.length } as USBOutTransferResult;
  }

  asDevice(): USBDevice {
    return this as unknown as USBDevice;
  }
}

/** `navigator.usb` with the given printers already permitted; requestDevice picks the first (or is cancelled). */
export function fakeUsb(printers: FakePrinter[], options: { cancelChooser?: boolean } = {}): UsbLike {
  return {
    getDevices: async () => printers.map((p) => p.asDevice()),
    requestDevice: async () => {
      if (options.cancelChooser || printers.length === 0) throw new DOMException('No device selected.', 'NotFoundError');
      return printers[0]!.asDevice();
    },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  } as UsbLike;
}
