/** What the browser knows of the app as an installable PWA: manifest and service worker. */
import type { Page } from 'playwright-core';

export interface WebManifest {
  name?: string;
  short_name?: string;
  display?: string;
  start_url?: string;
  icons?: { src: string; sizes?: string; type?: string; purpose?: string }[];
}

export interface WorkerInfo {
  readonly scope: string;
  readonly scriptURL: string;
  readonly state: string;
}

export class Pwa {
  constructor(readonly page: Page) {}

  /** The `<link rel="manifest">` URL, absolute; null without one. */
  async manifestUrl(): Promise<string | null> {
    return this.page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href ?? null);
  }

  async manifest(url: string): Promise<WebManifest> {
    const response = await this.page.request.get(url);
    if (!response.ok()) throw new Error(`manifest ${url}: HTTP ${response.status()}`);
    return (await response.json()) as WebManifest;
  }

  /** Waits for `navigator.serviceWorker.ready`, then for its worker to be activated. */
  async activeWorker(): Promise<WorkerInfo> {
    return this.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const worker = registration.active;
      if (!worker) throw new Error('ready resolved without an active worker');
      if (worker.state !== 'activated') {
        await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
      }
      return { scope: registration.scope, scriptURL: worker.scriptURL, state: worker.state };
    });
  }

  /** The script URL of the worker controlling the page, or null. */
  async controller(): Promise<string | null> {
    return this.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
  }
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature || bytes.subarray(12, 16).toString('ascii') !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
