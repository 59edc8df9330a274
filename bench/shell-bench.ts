/**
 * First load and offline cold start (issue 15, rows "first load of the app shell" and
 * "offline cold start"):
 *   1. per role, the gzipped JS + CSS its first screen needs, from the build manifest
 *      (bench/shell-size.ts; budget 90 KB);
 *   2. per role (kiosk, display, counter), an installed device — on-disk Chromium profile,
 *      service worker in control, signed in online once, replicas synced — taken offline
 *      (`context.setOffline(true)`) and reloaded N times (≥ 10): from the navigation's start to
 *      the role's screen showing its first data, p50/p95, in the page's own clock
 *      (performance.now(), read as soon as Playwright sees the marker: an upper bound by one
 *      round trip), with the JS + CSS actually fetched before it (Resource Timing, sized
 *      gzipped from dist/). A counter reloads to its unlock form (PBKDF2, the password is never
 *      stored); unlock → counter screen is its own row.
 *
 *   npx tsx bench/shell-bench.ts [--reloads=10]     (needs `npm run build`; part `shell` of `npm run bench`)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM } from '../test/support/browser.ts';
import { startServer } from '../test/support/server-process.ts';
import { ARGS } from './browser-run.ts';
import { FIRST_LOAD_BUDGET, kb, type FirstLoad } from './shell-size.ts';
import { builtFirstLoads, gzippedSize } from './shell-size-node.ts';

/** What "interactive with its first data" means per screen (as offline-restart.test.ts waits for). */
const MARKERS = {
  kiosk: '[data-testid^="kiosk-service-"]:not([disabled])',
  display: '[data-testid="screen-display"] [data-testid^="display-waiting-"]',
  unlock: '[data-testid="unlock-password"]',
  counter: '[data-testid="screen-counter"] select, [data-testid="screen-counter"] button:not([disabled])',
} as const;

const USERS = [
  { role: 'kiosk', name: 'kiosk.dla', password: 'demo-kiosk', marker: MARKERS.kiosk },
  { role: 'display', name: 'display.dla', password: 'demo-display', marker: MARKERS.display },
  { role: 'counter', name: 'counter.dla', password: 'demo-counter', marker: MARKERS.unlock },
] as const;

export interface ColdStartRow {
  readonly role: string;
  readonly milestone: string;
  readonly ms: readonly number[];
  /** Gzipped JS + CSS fetched (from the service worker) before the milestone, per reload. */
  readonly fetchedBytes: readonly number[];
}

export interface ShellResults {
  readonly at: string;
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly budget: number;
  readonly firstLoad: Readonly<Record<'fr' | 'en', readonly { role: string; bytes: number }[]>>;
  readonly coldStart: readonly ColdStartRow[];
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** performance.now() once `selector` shows, and the JS/CSS the page fetched before that moment. */
async function when(page: Page, selector: string): Promise<{ at: number; files: string[] }> {
  await page.locator(selector).first().waitFor({ timeout: 30_000 });
  return page.evaluate(() => {
    const at = performance.now();
    const files = performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime <= at && /\/assets\/[^?]+\.(js|css)$/.test(new URL(e.name).pathname))
      .map((e) => new URL(e.name).pathname.slice(1));
    return { at, files };
  });
}

export async function benchShellColdStart(reloads = 10, log: (line: string) => void = () => {}): Promise<ColdStartRow[]> {
  const server = await startServer();
  const size = gzippedSize();
  const bytes = (files: readonly string[]) => [...new Set(files)].reduce((sum, f) => sum + size(f), 0);
  const rows: ColdStartRow[] = [];
  try {
    for (const user of USERS) {
      const profile = mkdtempSync(join(tmpdir(), 'fo-shell-bench-'));
      const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, locale: 'fr-FR', serviceWorkers: 'allow' });
      try {
        // Install: the worker controls the page from the next load; sign in online; first sync done.
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(`${server.url}/signin`);
        await page.evaluate(async () => {
          const worker = (await navigator.serviceWorker.ready).active!;
          if (worker.state !== 'activated') await new Promise<void>((r) => worker.addEventListener('statechange', () => worker.state === 'activated' && r()));
        });
        await page.reload();
        await page.getByTestId('signin-name').fill(user.name);
        await page.getByTestId('signin-password').fill(user.password);
        await page.getByTestId('signin-submit').click();
        await page.locator('[data-testid="sync-indicator"][data-state="online"]').waitFor({ timeout: 60_000 });
        await page.locator(user.role === 'counter' ? MARKERS.counter : user.marker).first().waitFor({ timeout: 30_000 });

        await context.setOffline(true);
        const screen: ColdStartRow = { role: user.role, milestone: user.role === 'counter' ? 'unlock form' : `${user.role} screen, first data`, ms: [], fetchedBytes: [] };
        const unlocked: ColdStartRow = { role: user.role, milestone: 'unlock submitted → counter screen', ms: [], fetchedBytes: [] };
        for (let i = 0; i < reloads; i++) {
          await page.reload({ waitUntil: 'commit' });
          const shown = await when(page, user.marker);
          (screen.ms as number[]).push(shown.at);
          (screen.fetchedBytes as number[]).push(bytes(shown.files));
          if ((await page.getByTestId('signin-name').count()) > 0) throw new Error(`${user.role}: the sign-in form is shown after an offline reload`);
          if (user.role === 'counter') {
            const before = await page.evaluate(() => performance.now());
            await page.getByTestId('unlock-password').fill(user.password);
            await page.getByTestId('unlock-submit').click();
            const open = await when(page, MARKERS.counter);
            (unlocked.ms as number[]).push(open.at - before);
            (unlocked.fetchedBytes as number[]).push(bytes(open.files));
          }
        }
        rows.push(screen);
        if (unlocked.ms.length > 0) rows.push(unlocked);
        log(`  ${user.role}: ${reloads} offline reloads done`);
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    await server.stop();
  }
  return rows;
}

export function formatFirstLoads(loads: readonly FirstLoad[], other: readonly FirstLoad[]): string[] {
  return loads.map((l) => {
    const en = other.find((o) => o.role === l.role)!;
    const over = l.total > FIRST_LOAD_BUDGET || en.total > FIRST_LOAD_BUDGET ? '  OVER' : '';
    return `  ${l.role.padEnd(11)} ${kb(l.total).padStart(6)} KB (fr)  ${kb(en.total).padStart(6)} KB (en)  ${String(l.files.length).padStart(3)} files${over}`;
  });
}

export function formatColdStartRows(rows: readonly ColdStartRow[]): string[] {
  return rows.map(
    (r) =>
      `  ${r.role.padEnd(8)} ${r.milestone.padEnd(34)} p50 ${Math.round(percentile(r.ms, 50))} ms, p95 ${Math.round(percentile(r.ms, 95))} ms (${r.ms.length} reloads), ${kb(percentile(r.fetchedBytes, 50))} KB gz fetched before it`,
  );
}

export async function benchShell(reloads: number, log: (line: string) => void): Promise<ShellResults> {
  const start = loadavg()[0]!;
  const fr = builtFirstLoads(undefined, 'fr');
  const en = builtFirstLoads(undefined, 'en');
  log(`first load per role, gzipped JS + CSS before the first screen (budget ${kb(FIRST_LOAD_BUDGET)} KB):`);
  for (const line of formatFirstLoads(fr, en)) log(line);
  log(`offline cold start, installed app, network off, reload → first data on screen (target ≤ 1 s), load average ${start.toFixed(1)}:`);
  const coldStart = await benchShellColdStart(reloads, log);
  for (const line of formatColdStartRows(coldStart)) log(line);
  return {
    at: new Date().toISOString(),
    loadAverage: { start, end: loadavg()[0]! },
    budget: FIRST_LOAD_BUDGET,
    firstLoad: { fr: fr.map((l) => ({ role: l.role, bytes: l.total })), en: en.map((l) => ({ role: l.role, bytes: l.total })) },
    coldStart,
  };
}

export function writeShellResults(results: ShellResults): string {
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL('shell-latest.json', dir);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return `bench/results/${basename(file.pathname)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const reloads = Number(process.argv.find((a) => a.startsWith('--reloads='))?.slice(10) ?? '10');
  if (!Number.isInteger(reloads) || reloads < 1) throw new Error('usage: npx tsx bench/shell-bench.ts [--reloads=10]');
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(`written to ${writeShellResults(await benchShell(reloads, log))}`);
}
