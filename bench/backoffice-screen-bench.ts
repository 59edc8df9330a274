/**
 * The delivered-documents screen in Chromium (issue 11, target: first rows and filter change
 * p95 < 150 ms): the real server's `fo_branch_dla` loaded with 20,000 submitted documents and
 * 8,000 reviews (bench/backoffice-data.ts), replicated by the app into a back-office agent's
 * on-disk IndexedDB replica (a fresh persistent profile, as on a device), then timed in the
 * page's own clock, each to the frame after the rows are in the page (requestAnimationFrame,
 * then a task: the rows are painted):
 *   - open, in-app: the Requests tab → the Documents tab (the section is built again, its
 *     rows read from the replica or kept in memory) → first rows shown;
 *   - open, page load: /backoffice reloaded → first rows shown, from the navigation's start
 *     (the app's boot included);
 *   - the same page load to every document read, the list complete (where the rest of the time goes);
 *   - filter change: the status filter cycled all → validated → refused → non-validated, to
 *     the rows of the new filter with the count the pure rows code (app/screens/backoffice/rows.ts)
 *     gives on the server's own documents: a screen showing fewer rows fails the bench.
 *
 *   npx tsx bench/backoffice-screen-bench.ts [--runs=20]     (needs `npm run build`)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM } from '../test/support/browser.ts';
import { startServer } from '../test/support/server-process.ts';
import { ADMIN, basicAuth, couchAt, engineUrl } from '../test/support/couch-http.ts';
import { branchDay } from '../app/queue/numbering.ts';
import { buildRows, filterRows, DEFAULT_FILTERS } from '../app/screens/backoffice/rows.ts';
import type { Submission, SubmissionReview } from '../couch-design/types/submission.ts';
import type { EventType } from '../couch-design/types/catalogue.ts';
import { ARGS } from './browser-run.ts';
import { backofficeBenchData } from './backoffice-data.ts';

const admin = basicAuth(ADMIN.name, ADMIN.password);
const DB = 'fo_branch_dla';
const CHUNK = 2000;
const WAIT_MS = 120_000;
const STATUSES = ['', 'validated', 'refused', 'non_validated'] as const;
type Status = (typeof STATUSES)[number];

export interface ScreenFigure {
  readonly name: string;
  readonly ms: readonly number[];
}

async function allOf<T>(engine: string, db: string, prefix: string): Promise<T[]> {
  const res = await couchAt(engine, admin, 'GET', `/${db}/_all_docs?include_docs=true&startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(prefix + '\uffff'))}`);
  if (res.status !== 200) throw new Error(`reading ${prefix} of ${db}: ${res.status}`);
  return (res.body.rows as { doc: T }[]).map((r) => r.doc);
}

async function seed(engine: string): Promise<void> {
  const { submissions, reviews } = backofficeBenchData(branchDay(new Date(), 'Africa/Douala'));
  const docs = [...submissions, ...reviews];
  for (let i = 0; i < docs.length; i += CHUNK) {
    const res = await couchAt(engine, admin, 'POST', `/${DB}/_bulk_docs`, { docs: docs.slice(i, i + CHUNK) });
    const failed = Array.isArray(res.body) ? (res.body as { id: string; error?: string; reason?: string }[]).find((r) => r.error) : res.body;
    if (res.status !== 201 || failed) throw new Error(`loading ${DB}: ${res.status} ${JSON.stringify(failed)}`);
  }
}

/** Rows each status filter must show: the screen's own pure code on every document the server holds. */
async function expectedCounts(engine: string): Promise<Record<Status, number>> {
  const submissions = (await allOf<Submission>(engine, DB, 'submission:')).filter((s) => s.type === 'submission');
  const reviews = (await allOf<SubmissionReview>(engine, DB, 'review:')).filter((r) => r.type === 'submission_review');
  const events = (await allOf<EventType>(engine, 'fo_ref', 'event:')).filter((e) => e.type === 'event');
  const required = new Map(events.map((e) => [e.code, e.requiredDocuments]));
  const rows = buildRows(submissions, reviews, (code) => required.get(code) ?? []);
  const count = (status: Status) => filterRows(rows, { ...DEFAULT_FILTERS, status }).length;
  return { '': count(''), validated: count('validated'), refused: count('refused'), non_validated: count('non_validated') };
}

/**
 * Does `act` in the page and returns the ms from just before it (or from the navigation's
 * start) to the frame after the list shows rows of `status` only; when `count` is given, that
 * many and no "loading older documents" left.
 */
function timeInPage(page: Page, act: { kind: 'tab' | 'filter' | 'load'; status: Status; count: number | null }): Promise<number> {
  return page.evaluate(
    ({ kind, status, count, wait }) =>
      new Promise<number>((resolve, reject) => {
        const start = kind === 'load' ? 0 : performance.now();
        if (kind === 'tab') document.querySelector<HTMLElement>('[data-testid="bo-tab-documents"]')!.click();
        if (kind === 'filter') {
          const select = document.querySelector<HTMLSelectElement>('[data-testid="bo-filter-status"]')!;
          select.value = status;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }
        const shown = () => {
          const list = document.querySelector<HTMLElement>('[data-testid="bo-list"]');
          const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="bo-row"]')];
          return list !== null && rows.length > 0 && rows.every((r) => status === '' || r.dataset.status === status) && (count === null || (list.dataset.count === String(count) && !document.querySelector('[data-testid="bo-loading-older"]')));
        };
        const check = () => {
          if (shown()) return requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
          if (performance.now() - start > wait) return reject(new Error(`${kind} ${status || 'all'}: rows not shown in ${wait} ms (list count ${document.querySelector<HTMLElement>('[data-testid="bo-list"]')?.dataset.count})`));
          requestAnimationFrame(check);
        };
        check();
      }),
    { ...act, wait: WAIT_MS },
  );
}

async function listCount(page: Page, count: number): Promise<void> {
  await page.locator(`[data-testid="bo-list"][data-count="${count}"]`).waitFor({ timeout: WAIT_MS });
}

export async function benchBackofficeScreen(runs = 20, log: (line: string) => void = () => {}): Promise<{ figures: ScreenFigure[]; documents: number; counts: Record<Status, number> }> {
  const server = await startServer();
  const profile = mkdtempSync(join(tmpdir(), 'fo-bo-bench-'));
  try {
    const engine = engineUrl(server);
    await seed(engine);
    const counts = await expectedCounts(engine);
    log(`  ${DB}: ${counts['']} documents in submissions (${counts.validated} validated, ${counts.refused} refused, ${counts.non_validated} non-validated)`);
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    try {
      // tsx names the page functions' inner closures with its `__name` helper, which the page lacks.
      await context.addInitScript('window.__name = (f) => f');
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${server.url}/signin`);
      await page.getByTestId('signin-name').fill('backoffice.dla');
      await page.getByTestId('signin-password').fill('demo-backoffice');
      await page.getByTestId('signin-submit').click();
      await page.getByTestId('screen-backoffice').waitFor({ timeout: WAIT_MS });
      const synced = Date.now();
      await page.locator('[data-testid="sync-indicator"][data-state="online"]').waitFor({ timeout: 600_000 });
      await page.getByTestId('first-sync').waitFor({ state: 'detached', timeout: 600_000 });
      await listCount(page, counts.non_validated);
      log(`  replica synced and the screen complete in ${((Date.now() - synced) / 1000).toFixed(1)} s`);

      const tab: number[] = [];
      const filter: number[] = [];
      const load: number[] = [];
      const loaded: number[] = [];
      for (let run = 0; run < runs; run++) {
        await page.getByTestId('bo-tab-requests').click();
        await page.getByTestId('bo-documents').waitFor({ state: 'detached' });
        tab.push(await timeInPage(page, { kind: 'tab', status: 'non_validated', count: null }));
        await listCount(page, counts.non_validated);
        const status = STATUSES[run % STATUSES.length]!;
        // The filter cycle starts from the default (non-validated): each change shows other rows.
        filter.push(await timeInPage(page, { kind: 'filter', status, count: counts[status] }));
      }
      for (let run = 0; run < runs; run++) {
        await page.goto(`${server.url}/backoffice?view=documents`);
        load.push(await timeInPage(page, { kind: 'load', status: 'non_validated', count: null }));
        loaded.push(await timeInPage(page, { kind: 'load', status: 'non_validated', count: counts.non_validated }));
      }
      return {
        documents: counts[''],
        counts,
        figures: [
          { name: 'open, in-app (Requests tab → Documents tab) → first rows shown', ms: tab },
          { name: 'filter change (status) → its rows shown', ms: filter },
          { name: 'open, page load of /backoffice → first rows shown', ms: load },
          { name: 'open, page load of /backoffice → every row read (none "loading older")', ms: loaded },
        ],
      };
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
    await server.stop();
  }
}

export function percentile(ms: readonly number[], p: number): number {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(s.length * p) - 1))]!;
}

export function formatScreen(figures: readonly ScreenFigure[]): string[] {
  return figures.map((f) => `  ${f.name}: p50 ${percentile(f.ms, 0.5).toFixed(0)} ms, p95 ${percentile(f.ms, 0.95).toFixed(0)} ms, max ${Math.max(...f.ms).toFixed(0)} ms (${f.ms.length} runs)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? '20');
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(`delivered documents screen in Chromium (target: p95 < 150 ms), load average ${loadavg()[0]!.toFixed(1)}:`);
  const { figures } = await benchBackofficeScreen(runs, log);
  for (const line of formatScreen(figures)) log(line);
  log(`load average at the end ${loadavg()[0]!.toFixed(1)}`);
}
