/**
 * Which message keys the modules of a built app can show, read from the build's sourcemaps
 * (every module's original TypeScript is in `sourcesContent`) and parsed with TypeScript.
 * Deliberately generous: any string literal equal to a key counts, and a template or
 * concatenation that starts like a key (`cash.means.${m}`, 'cash.means.' + m) counts for every
 * key it could become — a key can be over-counted (a larger part than needed), never missed.
 * The modules a screen can reach come from their own import statements, not from chunks, so
 * a module shared through another screen's chunk does not drag that screen's keys along.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';
import type { Manifest } from '../../bench/shell-size.ts';

/** Modules whose key-shaped strings are not shown: the prefixes of the parts. */
const NOT_SHOWN = ['app/i18n/parts.ts'];

export interface AppModule {
  readonly source: string;
  /** Repository paths of the app modules it imports (values, not types), and of those it imports lazily. */
  readonly imports: readonly string[];
  readonly lazyImports: readonly string[];
  readonly keys: ReadonlySet<string>;
}

function parse(path: string, source: string, keys: readonly string[]): AppModule {
  const known = new Set(keys);
  const found = new Set<string>();
  const imports: string[] = [];
  const lazyImports: string[] = [];
  const resolve = (specifier: string) => (specifier.startsWith('.') ? normalize(join(dirname(path), specifier)) : null);
  const addPrefix = (prefix: string) => {
    // Only a start that looks like a key's (`area.` or more) widens to every key it could become.
    if (!/^[A-Za-z]\w*\./.test(prefix)) return;
    for (const key of keys) if (key.startsWith(prefix)) found.add(key);
  };
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = node.importClause?.isTypeOnly ? null : resolve(node.moduleSpecifier.text);
      if (target) imports.push(target);
      return;
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = node.isTypeOnly ? null : resolve(node.moduleSpecifier.text);
      if (target) imports.push(target);
      return;
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const target = resolve(node.arguments[0].text);
      if (target) lazyImports.push(target);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (known.has(node.text)) found.add(node.text);
    } else if (ts.isTemplateExpression(node)) {
      addPrefix(node.head.text);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && ts.isStringLiteral(node.left)) {
      addPrefix(node.left.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { source, imports, lazyImports, keys: NOT_SHOWN.includes(path) ? new Set() : found };
}

/** Every app module of the build (node_modules left out: they have no message keys), by repository path. */
export function appModules(dist: string, manifest: Manifest, keys: readonly string[]): Map<string, AppModule> {
  const modules = new Map<string, AppModule>();
  for (const chunk of Object.values(manifest)) {
    const mapFile = join(dist, `${chunk.file}.map`);
    if (!chunk.file.endsWith('.js') || !existsSync(mapFile)) continue; // Vite's own helpers have no map and no strings
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
    map.sources.forEach((source, i) => {
      const path = source.replace(/^(\.\.\/)+/, '');
      const content = map.sourcesContent?.[i];
      if (content && !source.includes('node_modules') && /\.(ts|tsx)$/.test(path) && !modules.has(path)) modules.set(path, parse(path, content, keys));
    });
  }
  return modules;
}

/**
 * The modules reachable from `roots`: by their imports, and by their lazy imports except into
 * `boundaries` (another screen or page, which awaits its own parts). A module the build does
 * not have (a type-only file, or one tree-shaken away) is skipped: nothing of it is shown.
 */
export function reachableModules(modules: ReadonlyMap<string, AppModule>, roots: readonly string[], boundaries: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    const module = modules.get(path);
    if (seen.has(path) || !module) return;
    seen.add(path);
    for (const next of module.imports) visit(next);
    for (const next of module.lazyImports) if (!boundaries.has(next)) visit(next);
  };
  for (const root of roots) {
    if (!modules.has(root)) throw new Error(`not in the build: ${root}`);
    visit(root);
  }
  return [...seen].sort();
}

/** The keys the given modules can show. */
export function keysOf(modules: ReadonlyMap<string, AppModule>, paths: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const path of paths) for (const key of modules.get(path)!.keys) found.add(key);
  return found;
}
