/** Reads dist/ for bench/shell-size.ts: the manifest, and each file's gzipped size (level 9, as served compressed at best). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { firstLoads, type FirstLoad, type Locale, type Manifest } from './shell-size.ts';

export const DIST = fileURLToPath(new URL('../dist', import.meta.url));

export function readManifest(dist = DIST): Manifest {
  return JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

export function gzippedSize(dist = DIST): (file: string) => number {
  const cache = new Map<string, number>();
  return (file) => {
    let size = cache.get(file);
    if (size === undefined) cache.set(file, (size = gzipSync(new Uint8Array(readFileSync(join(dist, file))), { level: 9 }).length));
    return size;
  };
}

export function builtFirstLoads(dist = DIST, locale: Locale = 'fr'): FirstLoad[] {
  return firstLoads(readManifest(dist), gzippedSize(dist), locale);
}
