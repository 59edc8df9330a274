/**
 * What every screen must pass in the browser: no Content-Security-Policy violation (the CSP
 * forbids inline styles and scripts), axe-core's WCAG 2.1 AA rules, and a screenshot kept in
 * docs/screens/ when `SCREENS_DIR` is set (`npm run screens` refreshes them).
 */
import { createRequire } from 'node:module';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

declare global {
  interface Window { __cspViolations?: string[] }
}

/** Records every CSP violation of the context's pages, from the first byte of each page. */
export async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI || 'inline'} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

/** The violations this page has seen (needs `watchCsp` on its context). */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? ['watchCsp was not installed']);
}

export interface AxeFinding { id: string; impact: string | null; help: string; targets: string[] }

/**
 * axe-core's WCAG 2.1 A and AA rules on the page as it is now. The source is evaluated through
 * the debugging protocol, which the page's CSP does not apply to.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }, WCAG_AA);
}

/** Readable list for an assertion message. */
export function describeFindings(findings: AxeFinding[]): string {
  return findings.map((f) => `${f.id} (${f.impact}): ${f.help} — ${f.targets.join(', ')}`).join('\n');
}

/** Saves a screenshot as docs/screens/<name>.png when SCREENS_DIR is set; otherwise nothing. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}
