/** bench/shell-size.ts: the static closure and first-load sums over a made-up manifest (pure). */
import { describe, expect, it } from 'vitest';
import { firstLoads, sharedFiles, staticClosure, type Manifest } from '../bench/shell-size.ts';

const manifest: Manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_solid.js', '_pouch.js'], dynamicImports: ['i18n/parts/fr-core.js', 'i18n/parts/en-core.js', 'screens/A.tsx', 'screens/B.tsx'], css: ['assets/index.css'] },
  '_solid.js': { file: 'assets/solid.js' },
  '_pouch.js': { file: 'assets/pouch.js', imports: ['_solid.js'], dynamicImports: ['_plugins.js'] },
  '_plugins.js': { file: 'assets/plugins.js', isDynamicEntry: true },
  'i18n/parts/fr-core.js': { file: 'assets/fr.js', isDynamicEntry: true },
  'i18n/parts/en-core.js': { file: 'assets/en.js', isDynamicEntry: true },
  // A screen importing the entry back (as Vite's screen chunks do) and a shared chunk with its CSS.
  'screens/A.tsx': { file: 'assets/A.js', isDynamicEntry: true, imports: ['index.html', '_shared.js'], dynamicImports: ['_pdf.js'] },
  'screens/B.tsx': { file: 'assets/B.js', isDynamicEntry: true, imports: ['_shared.js'], css: ['assets/B.css'] },
  '_shared.js': { file: 'assets/shared.js', css: ['assets/shared.css'], imports: ['_solid.js'] },
  '_pdf.js': { file: 'assets/pdf.js', isDynamicEntry: true },
};
const sizes: Record<string, number> = {
  'assets/index.js': 1000, 'assets/index.css': 300, 'assets/solid.js': 400, 'assets/pouch.js': 700, 'assets/plugins.js': 9000,
  'assets/fr.js': 200, 'assets/en.js': 190, 'assets/A.js': 50, 'assets/B.js': 60, 'assets/B.css': 5, 'assets/shared.js': 30,
  'assets/shared.css': 7, 'assets/pdf.js': 100000,
};
const sizeOf = (file: string) => sizes[file] ?? Number.NaN;

describe('staticClosure', () => {
  it('follows static imports recursively, adds each chunk’s CSS, never dynamic imports', () => {
    expect(staticClosure(manifest, ['index.html'])).toEqual(['assets/index.css', 'assets/index.js', 'assets/pouch.js', 'assets/solid.js']);
    expect(staticClosure(manifest, ['screens/B.tsx'])).toEqual(['assets/B.css', 'assets/B.js', 'assets/shared.css', 'assets/shared.js', 'assets/solid.js']);
  });

  it('counts a file once however many ways it is reached, and survives import cycles', () => {
    const files = staticClosure(manifest, ['index.html', 'screens/A.tsx', 'screens/B.tsx']);
    expect(new Set(files).size).toBe(files.length);
    expect(files).toContain('assets/A.js');
    expect(files).not.toContain('assets/pdf.js');
  });

  it('refuses a key the manifest does not have (a renamed screen must not silently weigh 0)', () => {
    expect(() => staticClosure(manifest, ['screens/Gone.tsx'])).toThrow(/not in the build manifest: screens\/Gone.tsx/);
  });
});

describe('firstLoads', () => {
  const screens = { signin: [], a: ['screens/A.tsx'], b: ['screens/B.tsx'] };

  it('sums the entry, the language and the screen, each with its static imports', () => {
    const loads = firstLoads(manifest, sizeOf, 'fr', screens);
    const total = (role: string) => loads.find((l) => l.role === role)!.total;
    const shell = 1000 + 300 + 400 + 700 + 200;
    expect(total('signin')).toBe(shell);
    expect(total('a')).toBe(shell + 50 + 30 + 7);
    expect(total('b')).toBe(shell + 60 + 5 + 30 + 7);
    expect(firstLoads(manifest, sizeOf, 'en', screens).find((l) => l.role === 'signin')!.total).toBe(shell - 200 + 190);
  });

  it('names the files every role loads (the shell)', () => {
    expect(sharedFiles(firstLoads(manifest, sizeOf, 'fr', screens)).sort()).toEqual(['assets/fr.js', 'assets/index.css', 'assets/index.js', 'assets/pouch.js', 'assets/solid.js']);
  });
});
