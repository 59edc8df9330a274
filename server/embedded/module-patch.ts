/**
 * Loads a CommonJS module of the embedded engine (PouchDB Server 4.2.0, no longer maintained)
 * from its source with exact text replacements, and puts it in the module cache where its
 * dependants will `require` it. Each replacement must match exactly once, so a different
 * version of the package stops the engine at start-up instead of running unpatched.
 */
import Module from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Patch {
  readonly find: string;
  readonly replace: string;
}

export function applyPatches(source: string, patches: readonly Patch[], label: string): string {
  return patches.reduce((text, patch) => {
    const parts = text.split(patch.find);
    if (parts.length !== 2) throw new Error(`${label} patch does not apply (found ${parts.length - 1}×): ${patch.find}`);
    return parts.join(patch.replace);
  }, source);
}

interface CompilableModule extends NodeJS.Module {
  _compile(source: string, filename: string): void;
}

/**
 * Compiles the patched source of the module at `path` and caches it under that path.
 * `extend` may add to its exports before anything else requires it. Returns the exports.
 */
export function installPatchedModule(
  path: string,
  patches: readonly Patch[],
  label: string,
  extend?: (exports: Record<string, unknown>) => void,
): Record<string, unknown> {
  const patched = new Module(path) as unknown as CompilableModule;
  patched.filename = path;
  patched.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(path));
  patched._compile(applyPatches(readFileSync(path, 'utf8'), patches, label), path);
  extend?.(patched.exports as Record<string, unknown>);
  patched.loaded = true;
  // Every dependant resolves to this same file (npm dedupes these packages), so one entry serves all.
  Module.createRequire(path).cache[path] = patched;
  return patched.exports as Record<string, unknown>;
}
