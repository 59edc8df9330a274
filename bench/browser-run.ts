/**
 * One bench run in a fresh Chromium profile: a persistent context on a new, empty
 * user-data-dir (on-disk IndexedDB, as on a device; Playwright's plain `newContext()` is an
 * incognito context whose IndexedDB lives in memory), the bench page, one variant, closed.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../test/support/browser.ts';
import type { RunRequest, RunResult } from './page/protocol.ts';

/** The flags of test/support/browser.ts `launchChromium()`: headless, no calls out. */
export const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const RUN_TIMEOUT_MS = 300_000;

export interface ProfileRun {
  readonly result: RunResult;
  readonly userAgent: string;
}

export async function runInFreshProfile(baseUrl: string, request: RunRequest): Promise<ProfileRun> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const profile = mkdtempSync(join(tmpdir(), 'fo-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  const console: string[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => console.push(`pageerror: ${e.message}`));
    await page.goto(`${baseUrl}/__bench/index.html`);
    await page.waitForFunction(() => typeof window.benchRun === 'function', undefined, { timeout: 30_000 });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${request.variant} on ${request.db}: no result in ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS);
    });
    // FO_BROWSER_PROF=<dir>: a V8 CPU profile of the page's run (open it in DevTools).
    const profiler = process.env.FO_BROWSER_PROF ? await context.newCDPSession(page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 500 });
      await profiler.send('Profiler.start');
    }
    try {
      const result = await Promise.race([page.evaluate((r) => window.benchRun!(r), request), timeout]);
      if (profiler) {
        const { profile } = await profiler.send('Profiler.stop');
        writeFileSync(join(process.env.FO_BROWSER_PROF!, `${request.variant}-${request.db}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
      }
      return { result, userAgent: await page.evaluate(() => navigator.userAgent) };
    } finally {
      clearTimeout(timer);
    }
  } catch (error) {
    const tail = console.slice(-20).join('\n');
    throw new Error(`${error instanceof Error ? error.message : String(error)}${tail ? `\npage console:\n${tail}` : ''}`, { cause: error });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
