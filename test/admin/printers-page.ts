/** The admin screen's Printers section, and a fake USB receipt printer for a device's page. */
import type { BrowserContext, Locator, Page } from 'playwright-core';

export class PrintersPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('admin-tab-printers').click();
    await this.page.getByTestId('ref-printers-list').waitFor({ timeout: 60_000 });
  }

  row(role: string): Locator {
    return this.page.getByTestId(`ref-printer-${role}`);
  }

  async edit(role: string, choice: { profile?: string; fallback?: string }): Promise<void> {
    await this.page.getByTestId(`ref-printer-edit-${role}`).click();
    if (choice.profile) await this.page.getByTestId('ref-printer-profile').selectOption(choice.profile);
    if (choice.fallback) await this.page.getByTestId('ref-printer-fallback').selectOption(choice.fallback);
  }
}

/**
 * Gives the context's pages a paired USB receipt printer (an Epson, class 7, one bulk OUT
 * endpoint) whose received bytes collect in `window.usbPrinted`, and stores this device's
 * printer without any setup of its own: the institution's settings for its role apply.
 */
export async function withFakeUsbPrinter(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    if (location.protocol !== 'http:') return; // about:blank has no storage
    const sink: number[][] = [];
    (window as unknown as { usbPrinted: number[][] }).usbPrinted = sink;
    const endpoint = { endpointNumber: 1, direction: 'out', type: 'bulk', packetSize: 64 };
    const alternate = { alternateSetting: 0, interfaceClass: 7, interfaceSubclass: 1, interfaceProtocol: 2, endpoints: [endpoint] };
    const iface = { interfaceNumber: 0, alternate, alternates: [alternate], claimed: false };
    const device = {
      vendorId: 0x04b8,
      productId: 0x0e28,
      serialNumber: 'FAKE0001',
      manufacturerName: 'EPSON',
      productName: 'TM-T20III',
      opened: false,
      configuration: { configurationValue: 1, interfaces: [iface] },
      async open() {
        device.opened = true;
      },
      async close() {
        device.opened = false;
      },
      async selectConfiguration() {},
      async claimInterface() {
        iface.claimed = true;
      },
      async clearHalt() {},
      async transferOut(_endpoint: number, data: BufferSource) {
        const view = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
        sink.push(Array.from(view));
        return { status: 'ok', bytesWritten: view.length };
      },
    };
    const usb = {
      getDevices: async () => [device],
      requestDevice: async () => device,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
    Object.defineProperty(navigator, 'usb', { value: usb, configurable: true });
    if (!localStorage.getItem('fo.printer.settings'))
      localStorage.setItem('fo.printer.settings', JSON.stringify({ own: false, printer: { vendorId: 0x04b8, productId: 0x0e28, serialNumber: 'FAKE0001', name: 'EPSON TM-T20III' } }));
  });
}

/** The bytes the fake printer received since the last call (then forgotten). */
export async function takePrinted(page: Page): Promise<Uint8Array> {
  const chunks = await page.evaluate(() => (window as unknown as { usbPrinted: number[][] }).usbPrinted.splice(0));
  return new Uint8Array(chunks.flat());
}
