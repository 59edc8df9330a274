/**
 * First load per role, from Vite's build manifest (dist/.vite/manifest.json, `build.manifest`
 * in vite.config.ts): the gzipped JavaScript and CSS a role's first screen needs before it is
 * usable — the app's entry, the active language's dictionary, the data layer (every signed-in
 * screen waits for it) and the role's screen chunk, each with its static imports and their CSS. Dynamic imports not awaited by the screen (PouchDB's
 * replication plugins, PDF, printing, QR, the other language) are not counted: they are
 * fetched later or in parallel, and precached by the service worker for offline use.
 * Pure: file sizes come through `sizeOf`. Budget: 90 KB gzipped (issue 15).
 */

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

/** The app's entry and each first screen's module, as keys of the manifest (relative to app/). */
export const APP_ENTRY = 'index.html';
export const LOCALE_MODULES = { fr: 'i18n/fr.ts', en: 'i18n/en.ts' } as const;
/** The data layer's chunk (PouchDB and the contract), fetched before any signed-in screen shows. */
export const DATA_MODULE = 'data/open-browser-data.ts';
export const FIRST_SCREENS: Readonly<Record<string, readonly string[]>> = {
  signin: [],
  kiosk: [DATA_MODULE, 'screens/KioskScreen.tsx'],
  display: [DATA_MODULE, 'screens/DisplayScreen.tsx'],
  reception: [DATA_MODULE, 'screens/ReceptionScreen.tsx'],
  counter: [DATA_MODULE, 'screens/CounterScreen.tsx'],
  cashier: [DATA_MODULE, 'screens/cash/CashDeskScreen.tsx'],
  backoffice: [DATA_MODULE, 'screens/backoffice/BackofficeScreen.tsx'],
  supervisor: [DATA_MODULE, 'screens/supervisor/SupervisorScreen.tsx'],
  admin: [DATA_MODULE, 'screens/admin/AdminScreen.tsx'],
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
export function firstLoads(manifest: Manifest, sizeOf: (file: string) => number, locale: keyof typeof LOCALE_MODULES = 'fr', screens = FIRST_SCREENS): FirstLoad[] {
  return Object.entries(screens).map(([role, modules]) => {
    const files = staticClosure(manifest, [APP_ENTRY, LOCALE_MODULES[locale], ...modules]).map((file) => ({ file, bytes: sizeOf(file) }));
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
