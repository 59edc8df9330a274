/**
 * A test-only script for a browser page, bundled at test time as one IIFE with what the app's
 * build gives PouchDB: the same `global` define, `events` alias and the IndexedDB adapter's fix
 * (app/tools/idb-changes-patch.ts), so the page runs PouchDB as the app does.
 */
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { idbChangesPatch } from '../../../app/tools/idb-changes-patch.ts';

const EVENTS_SHIM = fileURLToPath(new URL('../../../app/data/events-shim.ts', import.meta.url));

export async function bundleForPage(entry: string, name: string): Promise<string> {
  const result = await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    plugins: [idbChangesPatch()],
    define: { global: 'globalThis' },
    resolve: { alias: { events: EVENTS_SHIM } },
    build: { write: false, emptyOutDir: false, outDir: tmpdir(), copyPublicDir: false, minify: false, lib: { entry, formats: ['iife'], name } },
  });
  for (const out of Array.isArray(result) ? result : [result]) {
    if (!('output' in out)) continue;
    for (const chunk of out.output) if (chunk.type === 'chunk') return chunk.code;
  }
  throw new Error(`${entry}: no chunk built`);
}

/** The page's HTML with the script inline. */
export const pageWithScript = (title: string, script: string) => `<!doctype html><title>${title}</title><script>${script.replace(/<\/script/gi, '<\\/script')}</script>`;
