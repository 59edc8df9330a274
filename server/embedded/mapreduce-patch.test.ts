import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { applyPatches } from './mapreduce-patch.ts';

describe('pouchdb-node map/reduce patch', () => {
  it('applies to the installed library: a view function compiled once per context', () => {
    const require = createRequire(import.meta.url);
    const patched = applyPatches(readFileSync(require.resolve('pouchdb-node'), 'utf8'));
    expect(patched).toContain('var compiled = vm.runInNewContext(');
    expect(patched).not.toContain('var output = vm.runInNewContext(code);');
  });

  it('refuses a source it does not recognise rather than run unpatched', () => {
    expect(() => applyPatches('module.exports = {};')).toThrow(/does not apply/);
  });
});
