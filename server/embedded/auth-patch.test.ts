import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { authPatchTargets } from './auth-patch.ts';
import { applyPatches } from './module-patch.ts';

describe('engine authentication patches', () => {
  it('each applies exactly once to the installed PouchDB Server modules', () => {
    const targets = authPatchTargets(createRequire(import.meta.url).resolve('express-pouchdb'));
    expect(targets).toHaveLength(9);
    for (const t of targets) expect(() => applyPatches(readFileSync(t.path, 'utf8'), t.patches, t.label)).not.toThrow();
  });

  it('refuses a module whose source differs rather than run it unpatched', () => {
    const [utils] = authPatchTargets(createRequire(import.meta.url).resolve('express-pouchdb'));
    expect(() => applyPatches('exports.hashPassword = function () {};', utils!.patches, utils!.label)).toThrow(/does not apply/);
  });
});
