import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { fr } from './app/i18n/fr.ts';
import { en } from './app/i18n/en.ts';
import { PART_NAMES, messagesOfPart, type Part } from './app/i18n/parts.ts';
import { idbChangesPatch } from './app/tools/idb-changes-patch.ts';

/** Where the dev/preview server sends /db and /health: the Front Office server (`npm run dev` starts it). */
const backend = process.env.FO_DEV_BACKEND ?? 'http://127.0.0.1:8080';
const proxy = {
  '/db': { target: backend, changeOrigin: true },
  '/health': { target: backend, changeOrigin: true },
};

/**
 * One language at a time, in parts: in the app build, app/i18n/translate.ts gets the lazy
 * dictionaries (each language cut into parts, fetched as screens need them) instead of both
 * whole, which Node, the unit tests and the test support keep. Same API (app/i18n/dictionaries.ts).
 */
function oneLocaleAtATime(): Plugin {
  const i18n = fileURLToPath(new URL('./app/i18n/', import.meta.url));
  return {
    name: 'fo-one-locale-at-a-time',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './dictionaries.ts' && importer === `${i18n}translate.ts`) return `${i18n}dictionaries-lazy.ts`;
      return null;
    },
  };
}

/**
 * The parts of each language (app/i18n/parts.ts), cut from fr.ts and en.ts — still the one
 * source of the messages — into one chunk each (`i18n/parts/<locale>-<part>.js` in the build
 * manifest), and the table of their loaders, `virtual:fo-message-parts`, that
 * dictionaries-lazy.ts imports. A change to fr.ts or en.ts restarts the dev server (they are
 * dependencies of this config).
 */
function messageParts(): Plugin {
  const table = 'virtual:fo-message-parts';
  const dir = fileURLToPath(new URL('./app/i18n/parts/', import.meta.url));
  const dictionaries = { fr, en };
  const locales = Object.keys(dictionaries) as (keyof typeof dictionaries)[];
  const file = (locale: string, part: Part) => `${dir}${locale}-${part}.js`;
  return {
    name: 'fo-message-parts',
    resolveId(source) {
      if (source === table) return `\0${table}`;
      return source.startsWith(dir) ? source : null;
    },
    load(id) {
      if (id === `\0${table}`) {
        const loaders = (locale: string) => PART_NAMES.map((part) => `${part}: () => import(${JSON.stringify(file(locale, part))}).then((m) => m.default)`).join(', ');
        return `export const LOADERS = { ${locales.map((locale) => `${locale}: { ${loaders(locale)} }`).join(', ')} };`;
      }
      const match = id.startsWith(dir) ? /^(fr|en)-(\w+)\.js$/.exec(id.slice(dir.length)) : null;
      if (!match) return null;
      const [, locale, part] = match as unknown as [string, keyof typeof dictionaries, Part];
      return `export default ${JSON.stringify(messagesOfPart(dictionaries[locale], part))};`;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./app', import.meta.url)),
  publicDir: 'public',
  // PouchDB's browser builds still reference Node's `global`.
  define: { global: 'globalThis' },
  resolve: {
    // PouchDB imports Node's `events`; the browser gets a small faithful stand-in.
    alias: { events: fileURLToPath(new URL('./app/data/events-shim.ts', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 800,
    // dist/.vite/manifest.json: what each entry loads, read by bench/shell-size.ts (first-load budget).
    manifest: true,
  },
  // The dev server pre-bundles dependencies without the app's plugins: the adapter's fix is
  // given to that bundler too, so `npm run dev` runs it patched like the build.
  optimizeDeps: { rolldownOptions: { plugins: [idbChangesPatch()] } },
  server: { proxy },
  preview: { proxy },
  plugins: [
    idbChangesPatch(),
    oneLocaleAtATime(),
    messageParts(),
    solid(),
    VitePWA({
      registerType: 'prompt',
      // app/pwa/update.ts registers /sw.js itself with workbox-window.
      injectRegister: false,
      strategies: 'generateSW',
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      // The glob below already precaches every icon; don't list them twice.
      includeManifestIcons: false,
      manifest: {
        name: 'Front Office',
        short_name: 'Front Office',
        description: 'Counter system: reception, queue, counters, cash desks, back office.',
        lang: 'fr',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#0b3d91',
        background_color: '#ffffff',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,ico,woff,woff2}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/db(\/|$)/, /^\/health(\/|$)/],
        // Data never goes through the service worker's caches: PouchDB replicas hold it.
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
});
