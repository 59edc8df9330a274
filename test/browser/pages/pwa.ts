/** What the browser knows of the app as an installable PWA: manifest and service worker. */
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { SignInPage } from './sign-in-page.ts';

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

/**
 * A new page of `context` (which must allow service workers) that its service worker controls,
 * on the sign-in form: the installed app. The worker never claims a page already open
 * (app/pwa/update.ts), so control starts at the next load.
 */
export async function controlledPage(context: BrowserContext, url: string): Promise<{ page: Page; pwa: Pwa; signIn: SignInPage }> {
  const page = await context.newPage();
  const signIn = await SignInPage.open(page, url);
  const pwa = new Pwa(page);
  await pwa.activeWorker();
  await page.reload();
  await signIn.waitUntilShown();
  expect(await pwa.controller()).toBe(`${url}/sw.js`);
  return { page, pwa, signIn };
}
