/**
 * One server and one Chromium per test file; fresh browser contexts per test (closed after
 * it). Any uncaught exception in a page of the test fails it, and so does a string shown
 * before its part of the dictionary was loaded.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../support/browser.ts';
import { startServer, type RunningServer } from '../../support/server-process.ts';

export interface BrowserApp {
  /** http://127.0.0.1:<port> of this file's server. */
  readonly url: string;
  readonly server: RunningServer;
  /**
   * A new context, closed after the test: English UI and service workers blocked unless the
   * options say otherwise (only the PWA tests need the worker; it costs a precache per context).
   */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a new context. */
  page(options?: BrowserContextOptions): Promise<Page>;
}

export function useBrowserApp(): BrowserApp {
  let server: RunningServer | null = null;
  let browser: Browser | null = null;
  let contexts: BrowserContext[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterEach(async () => {
    // Errors raised while the pages are being torn down are the closing's, not the app's.
    const errors = [...pageErrors];
    const open = contexts;
    contexts = [];
    await Promise.all(open.map((c) => c.close()));
    pageErrors = [];
    expect(errors.join('\n'), 'uncaught errors in the page').toBe('');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const app: BrowserApp = {
    get url() {
      if (!server) throw new Error('server not started');
      return server.url;
    },
    get server() {
      if (!server) throw new Error('server not started');
      return server;
    },
    async context(options = {}) {
      if (!browser) throw new Error('browser not started');
      const context = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block', ...options });
      contexts.push(context);
      context.on('page', (page) => {
        page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
        // A string shown before its part of the dictionary (app/i18n/dictionaries-lazy.ts): a screen awaits too few parts.
        page.on('console', (message) => {
          if (message.type() === 'warning' && message.text().startsWith('[i18n]')) pageErrors.push(`${page.url()}: ${message.text()}`);
        });
      });
      return context;
    },
    async page(options) {
      return (await app.context(options)).newPage();
    },
  };
  return app;
}
