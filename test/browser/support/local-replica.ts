/**
 * A test's hand on a user's local PouchDB replica (IndexedDB) in the browser, WITHOUT going
 * through the app: a second tab of the same origin, served by a Playwright route, runs the
 * app's own PouchDB set-up on the same IndexedDB database. The app's tab hears of a write
 * there through PouchDB's cross-tab notification (a `storage` event), as it would for a
 * write from another tab of the app.
 *
 * Used to read what the first sync stored, and to put a document that the app's validator
 * would accept but the server refuses (no screen writes anything yet).
 * Needs a context with `serviceWorkers: 'block'`: a service worker would answer the helper
 * tab's navigation from its precache before the route could.
 */
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import type { LocalReplicaApi } from './local-replica-entry.ts';
import { bundleForPage, pageWithScript } from './page-bundle.ts';

const ENTRY = fileURLToPath(new URL('./local-replica-entry.ts', import.meta.url));
const HELPER_PATH = '/__test__/local-replica';

let bundle: Promise<string> | null = null;

/** The helper script, built once per test file (page-bundle.ts: PouchDB as the app builds it). */
function helperScript(): Promise<string> {
  bundle ??= bundleForPage(ENTRY, 'foLocalReplica');
  return bundle;
}

export class LocalReplica {
  private constructor(private readonly page: Page) {}

  /** Starts building the helper script now (it takes a second or two), e.g. while the server starts. */
  static prepare(): void {
    helperScript().catch(() => undefined); // a failure shows again, awaited, in open()
  }

  /** Opens the helper tab on `baseUrl`'s origin in `context`. */
  static async open(context: BrowserContext, baseUrl: string): Promise<LocalReplica> {
    const script = await helperScript();
    const url = baseUrl + HELPER_PATH;
    await context.route(url, (route) =>
      route.fulfill({ contentType: 'text/html', body: pageWithScript('local replica', script) }),
    );
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => 'localReplica' in globalThis);
    return new LocalReplica(page);
  }

  put(user: string, remote: string, doc: { _id: string } & Record<string, unknown>): Promise<string> {
    return this.page.evaluate(([u, r, d]) => (globalThis as unknown as { localReplica: LocalReplicaApi }).localReplica.put(u, r, d), [user, remote, doc] as const);
  }

  ids(user: string, remote: string): Promise<string[]> {
    return this.page.evaluate(([u, r]) => (globalThis as unknown as { localReplica: LocalReplicaApi }).localReplica.ids(u, r), [user, remote] as const);
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
