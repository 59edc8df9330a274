/**
 * First load per role, from Vite's build manifest (dist/.vite/manifest.json, `build.manifest`
 * in vite.config.ts): the gzipped JavaScript and CSS a role's first screen needs before it is
 * usable — the app's entry, the active language's parts of the messages the shell and the
 * screen await (app/i18n/parts.ts), the data layer (every signed-in screen waits for it) and
 * the role's screen chunk, each with its static imports and their CSS. Dynamic imports not awaited by the screen (PouchDB's
 * replication plugins, PDF, printing, QR, the other language) are not counted: they are
 * fetched later or in parallel, and precached by the service worker for offline use.
 * Pure: file sizes come through `sizeOf`. Budget: 90 KB gzipped (issue 15).
 */

import { SCREEN_PARTS, SHELL_PARTS, type Part } from '../app/i18n/parts.ts';
import type { JobRole } from '../couch-design/roles.ts';

/** One entry of Vite's manifest (the fields used here). */
export interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly isDynamicEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}
export type Manifest = Readonly<Record<string, ManifestChunk>>;

/** 90 KB: the budget of every role's first screen, gzipped (1 KB = 1,024 bytes). */
export const FIRST_LOAD_BUDGET = 90 * 1024;

export type Locale = 'fr' | 'en';
/** The app's entry and each first screen's module, as keys of the manifest (relative to app/). */
export const APP_ENTRY = 'index.html';
/** A part of a language's messages in the manifest (vite.config.ts, `messageParts`); `{locale}` in a key stands for the language measured. */
export const partModule = (locale: Locale | '{locale}', part: Part) => `i18n/parts/${locale}-${part}.js`;
/** The data layer's chunk (PouchDB and the contract), fetched before any signed-in screen shows. */
export const DATA_MODULE = 'data/open-browser-data.ts';
const screen = (role: JobRole, module: string) => [DATA_MODULE, module, ...SCREEN_PARTS[role].map((part) => partModule('{locale}', part))];
export const FIRST_SCREENS: Readonly<Record<string, readonly string[]>> = {
  // The sign-in form is a lazy chunk too (app/App.tsx), counted as the sign-in page's screen.
  signin: ['screens/SignIn.tsx'],
  kiosk: screen('kiosk', 'screens/KioskScreen.tsx'),
  display: screen('display', 'screens/DisplayScreen.tsx'),
  reception: screen('reception', 'screens/ReceptionScreen.tsx'),
  counter: screen('counter', 'screens/CounterScreen.tsx'),
  cashier: screen('cashier', 'screens/cash/CashDeskScreen.tsx'),
  backoffice: screen('backoffice', 'screens/backoffice/BackofficeScreen.tsx'),
  supervisor: screen('supervisor', 'screens/supervisor/SupervisorScreen.tsx'),
  admin: screen('admin', 'screens/admin/AdminScreen.tsx'),
};

/** Every file (JS and CSS) the given manifest keys load statically: themselves, their static imports, recursively, and the CSS of each. */
export function staticClosure(manifest: Manifest, keys: readonly string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the build manifest: ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...files].sort();
}

export interface FirstLoad {
  readonly role: string;
  readonly files: readonly { readonly file: string; readonly bytes: number }[];
  /** Gzipped bytes of all of them. */
  readonly total: number;
}

/** The first load of each role's first screen, in the given language. */
export function firstLoads(manifest: Manifest, sizeOf: (file: string) => number, locale: Locale = 'fr', screens = FIRST_SCREENS): FirstLoad[] {
  const shell = SHELL_PARTS.map((part) => partModule(locale, part));
  return Object.entries(screens).map(([role, modules]) => {
    const keys = [APP_ENTRY, ...shell, ...modules.map((key) => key.replace('{locale}', locale))];
    const files = staticClosure(manifest, keys).map((file) => ({ file, bytes: sizeOf(file) }));
    return { role, files, total: files.reduce((sum, f) => sum + f.bytes, 0) };
  });
}

/** The files in every role's first load: the shell. */
export function sharedFiles(loads: readonly FirstLoad[]): string[] {
  if (loads.length === 0) return [];
  const [first, ...rest] = loads;
  return first!.files.map((f) => f.file).filter((file) => rest.every((l) => l.files.some((f) => f.file === file)));
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
