import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { applyPatches } from './validation-patch.ts';

describe('pouchdb-validation patch', () => {
  it('applies to the installed plugin: replicated revisions kept, design documents read once per revision', () => {
    const require = createRequire(createRequire(import.meta.url).resolve('express-pouchdb'));
    const patched = applyPatches(readFileSync(require.resolve('pouchdb-validation'), 'utf8'));
    expect(patched).toContain('if (!newDoc._revisions)');
    expect(patched).toContain('validatorsByRevision.get(key)');
    expect(patched).toContain('args.validationFunctions = getValidationFunctions(args.base)');
    expect(patched).toContain('validate(validationFuncs, newDoc, null, completeOptions)');
  });

  it('refuses a source it does not recognise rather than run unpatched', () => {
    expect(() => applyPatches('module.exports = {};')).toThrow(/does not apply/);
  });
});
