/**
 * The bench page: its own small build into dist/__bench/, run AFTER the app build (the app's
 * config empties dist/). The server serves dist/ statically, so the page is same-origin with
 * /db/. Takes what PouchDB needs (`define`, the `events` alias) from the app's own config.
 */
import { defineConfig, type UserConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import appConfig from '../vite.config.ts';
import { idbChangesPatch } from '../app/tools/idb-changes-patch.ts';

const app = appConfig as UserConfig;

export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: '/__bench/',
  publicDir: false,
  define: app.define,
  resolve: app.resolve,
  // The app's fix to the IndexedDB adapter's live changes: "ours" runs the app's data layer.
  plugins: [idbChangesPatch()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/__bench', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
});
