/**
 * Offline cold start (issue 9 item 10, target ≤ 1 s): an installed device (its service worker
 * in control, on-disk Chromium profile) whose browser is closed and opened again with the
 * network down — a power cut during an outage — to its role's interactive screen:
 *   - kiosk: a service button to press; display: its screen;
 *   - counter (staff): the unlock form, then unlock (PBKDF2 against the offline verifier) to
 *     the counter screen's first control.
 * Times are the page's own clock (performance.now(), from the navigation's start), read as
 * soon as Playwright sees the element: an upper bound by one round trip.
 *
 *   npx tsx bench/cold-start-bench.ts [--runs=5]     (needs `npm run build`)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM } from '../test/support/browser.ts';
import { startServer } from '../test/support/server-process.ts';
import { ARGS } from './browser-run.ts';

export interface ColdStartFigure {
  readonly role: string;
  /** What "interactive" means for this role. */
  readonly milestone: string;
  readonly ms: readonly number[];
}

const MILESTONES = {
  kiosk: '[data-testid^="kiosk-service-"]:not([disabled])',
  display: '[data-testid="screen-display"]',
  unlock: '[data-testid="unlock-password"]',
  counter: '[data-testid="screen-counter"] select, [data-testid="screen-counter"] button:not([disabled])',
  signin: '[data-testid="signin-name"]',
};

const USERS = [
  { role: 'kiosk', name: 'kiosk.dla', password: 'demo-kiosk', path: '/kiosk' },
  { role: 'display', name: 'display.dla', password: 'demo-display', path: '/display' },
  { role: 'counter', name: 'counter.dla', password: 'demo-counter', path: '/counter' },
] as const;

async function open(profile: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, locale: 'en-US', serviceWorkers: 'allow' });
  return context;
}

/**
 * When the milestone's element is there, in the page's clock (ms since the navigation
 * started): Playwright waits for it, then reads performance.now(), so the figure includes that
 * one round trip (a few ms): an upper bound.
 */
async function milestone(context: BrowserContext, name: keyof typeof MILESTONES): Promise<number> {
  const page = context.pages()[0]!;
  await page.locator(MILESTONES[name]).first().waitFor({ timeout: 30_000 });
  return page.evaluate(() => performance.now());
}

export async function benchColdStart(runs = 5, log: (line: string) => void = () => {}): Promise<ColdStartFigure[]> {
  const server = await startServer();
  const figures: ColdStartFigure[] = [];
  try {
    for (const user of USERS) {
      const profile = mkdtempSync(join(tmpdir(), 'fo-coldstart-'));
      try {
        // Install: the worker takes control at the next load; sign in online, let the first sync finish.
        let context = await open(profile);
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(`${server.url}/signin`);
        await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.ready;
          const worker = registration.active!;
          if (worker.state !== 'activated') await new Promise<void>((r) => worker.addEventListener('statechange', () => worker.state === 'activated' && r()));
        });
        await page.reload();
        await page.getByTestId('signin-name').fill(user.name);
        await page.getByTestId('signin-password').fill(user.password);
        await page.getByTestId('signin-submit').click();
        await page.locator(`[data-testid="sync-indicator"][data-state="online"]`).waitFor({ timeout: 60_000 });
        await context.close();

        const screen = user.role === 'counter' ? 'unlock' : user.role;
        const toScreen: number[] = [];
        const toUnlocked: number[] = [];
        for (let run = 0; run < runs; run++) {
          context = await open(profile);
          await context.setOffline(true);
          const cold = context.pages()[0] ?? (await context.newPage());
          await cold.goto(`${server.url}${user.path}`);
          toScreen.push(await milestone(context, screen));
          if (user.role === 'counter') {
            const before = await cold.evaluate(() => performance.now());
            await cold.getByTestId('unlock-password').fill(user.password);
            await cold.getByTestId('unlock-submit').click();
            toUnlocked.push((await milestone(context, 'counter')) - before);
          }
          if ((await cold.locator(MILESTONES.signin).count()) > 0) throw new Error(`${user.role}: the sign-in form is shown`);
          await context.close();
        }
        figures.push({ role: user.role, milestone: user.role === 'counter' ? 'unlock form' : `${user.role} screen`, ms: toScreen });
        if (toUnlocked.length > 0) figures.push({ role: user.role, milestone: 'unlock submitted → counter screen', ms: toUnlocked });
        log(`  ${user.role}: done (${runs} cold starts)`);
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    await server.stop();
  }
  return figures;
}

export function formatColdStart(figures: readonly ColdStartFigure[]): string[] {
  return figures.map((f) => {
    const sorted = [...f.ms].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    return `  ${f.role.padEnd(8)} ${f.milestone.padEnd(36)} median ${Math.round(median)} ms, max ${Math.round(sorted[sorted.length - 1]!)} ms (${sorted.length} runs)`;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? '5');
  const figures = await benchColdStart(runs, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`offline cold start (target ≤ 1 s):\n${formatColdStart(figures).join('\n')}\n`);
}
