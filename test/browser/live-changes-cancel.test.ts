/**
 * The IndexedDB adapter's live changes feeds stop when cancelled (app/tools/idb-changes-patch.ts):
 * unpatched, every cancelled feed read the database again after each write, forever.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import type { LiveChangesProbe } from './support/live-changes-entry.ts';
import { bundleForPage, pageWithScript } from './support/page-bundle.ts';

const ENTRY = fileURLToPath(new URL('./support/live-changes-entry.ts', import.meta.url));
// Any origin does for IndexedDB; the route below serves it.
const URL_ = 'http://fo-live-changes.test/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('live changes on the IndexedDB adapter', () => {
  it('a cancelled feed reads nothing more, while a live one sees every write', async () => {
    const script = await bundleForPage(ENTRY, 'foLiveChanges');
    const page = await browser.newPage();
    await page.route(URL_, (route) => route.fulfill({ contentType: 'text/html', body: pageWithScript('live changes', script) }));
    await page.goto(URL_);
    const result = await page.evaluate((n) => (globalThis as unknown as { liveChanges: LiveChangesProbe }).liveChanges.readsAfterCancel(n), 5);
    expect(result).toEqual({ cancelledReads: 0, liveSeen: 5 });
  }, 120_000);
});
