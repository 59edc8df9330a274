/**
 * Per-screen dictionaries (issue 15): the parts of the messages each screen and lazy page
 * awaits (app/i18n/parts.ts) cover every key its modules can show. The modules are the
 * build's (each chunk's sourcemap holds their original source), followed through their own
 * imports, and scanned for literal keys and key-shaped templates
 * (test/support/message-key-scan.ts). Needs `npm run build` first. Removing a part from a
 * screen's list, or a new `t('…')` whose part the screen does not await, fails here.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, readManifest } from '../bench/shell-size-node.ts';
import { fr } from '../app/i18n/fr.ts';
import { FEATURE_PARTS, SCREEN_PARTS, SHELL_PARTS, partOf, type Part } from '../app/i18n/parts.ts';
import { JOB_ROLES, type JobRole } from '../couch-design/roles.ts';
import { appModules, keysOf, reachableModules } from './support/message-key-scan.ts';

const ENTRY = 'app/main.tsx';
const DATA_MODULE = 'app/data/open-browser-data.ts';
const SCREEN_MODULES: Readonly<Record<JobRole, string>> = {
  reception: 'app/screens/ReceptionScreen.tsx',
  kiosk: 'app/screens/KioskScreen.tsx',
  display: 'app/screens/DisplayScreen.tsx',
  counter: 'app/screens/CounterScreen.tsx',
  cashier: 'app/screens/cash/CashDeskScreen.tsx',
  backoffice: 'app/screens/backoffice/BackofficeScreen.tsx',
  supervisor: 'app/screens/supervisor/SupervisorScreen.tsx',
  admin: 'app/screens/admin/AdminScreen.tsx',
};
const FEATURE_MODULES: Readonly<Record<keyof typeof FEATURE_PARTS, string>> = {
  printerSettings: 'app/printing/PrinterSettings.tsx',
  verify: 'app/screens/verify/VerifyPage.tsx',
  devicePrinter: 'app/printing/device-printer.ts',
};
// Each lazy screen or page awaits its own parts: reaching one lazily stops there.
const BOUNDARIES = new Set([...Object.values(SCREEN_MODULES), ...Object.values(FEATURE_MODULES)]);

const built = existsSync(join(DIST, '.vite', 'manifest.json'));
const modules = built ? appModules(DIST, readManifest(DIST), Object.keys(fr)) : new Map();
/** The keys `root` and all it can load show that none of `parts` holds, with their part. */
const uncovered = (root: string, parts: readonly Part[]) =>
  [...keysOf(modules, reachableModules(modules, [root], BOUNDARIES))].filter((key) => !parts.includes(partOf(key)!)).map((key) => `${key} (${partOf(key)})`).sort();

describe('the message parts each screen awaits', () => {
  it('the build is there (run `npm run build` first), and the scan sees the shell’s strings', () => {
    expect(built, 'dist/.vite/manifest.json').toBe(true);
    expect(keysOf(modules, reachableModules(modules, [ENTRY], BOUNDARIES)).size).toBeGreaterThan(100);
  });

  it('the shell, the data layer and what they load lazily show only the shell’s strings', () => {
    expect(uncovered(ENTRY, SHELL_PARTS)).toEqual([]);
    expect(uncovered(DATA_MODULE, SHELL_PARTS)).toEqual([]);
  });

  for (const role of JOB_ROLES) {
    it(`${role}: the screen and every panel it loads later show only strings of the parts it awaits`, () => {
      // Its lazy panels (a counter's visit, the PDFs…) come without parts of their own: the screen awaited them.
      expect(uncovered(SCREEN_MODULES[role], [...SHELL_PARTS, ...SCREEN_PARTS[role]]), role).toEqual([]);
    });
  }

  for (const [feature, module] of Object.entries(FEATURE_MODULES) as [keyof typeof FEATURE_PARTS, string][]) {
    it(`${feature}: shows only strings of the parts it awaits`, () => {
      expect(uncovered(module, [...SHELL_PARTS, ...FEATURE_PARTS[feature]]), feature).toEqual([]);
    });
  }
});
