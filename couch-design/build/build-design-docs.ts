/**
 * Builds the design documents of every database kind from the contract's TypeScript:
 * the validator bundle (esbuild) and each view's map, both lowered to ES5 (TypeScript) so
 * they run on CouchDB's SpiderMonkey 1.8.5 and QuickJS. `npm run build:design` writes
 * couch-design/dist/design-docs.json; tests call buildDesignDocs() to test what ships.
 */
import { build } from 'esbuild';
import ts from 'typescript';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import type { DbKind } from '../validate/problems.ts';
import type { BuiltInReduce } from '../views/view-module.ts';

export type { DbKind };
export const DB_KINDS: readonly DbKind[] = ['ref', 'people', 'branch', 'central', 'scans'];
export const DESIGN_DOC_ID = '_design/fo';

export interface BuiltView {
  map: string;
  reduce?: BuiltInReduce;
}

export interface DesignDoc {
  _id: string;
  /** First 16 hex chars of the sha256 of the content: deploy only when it changes. */
  version: string;
  language: 'javascript';
  views: Record<string, BuiltView>;
  validate_doc_update: string;
  filters: Record<string, string>;
}

/**
 * Server-side replications pass only application documents: each deployment installs its own
 * design documents, and a replicated one would overwrite the target's (the central database's
 * views differ from a branch's). A filter function, never a `selector` (see server/http/couch-proxy.ts).
 */
const REPLICABLE_FILTER = "function (doc) { return doc._id.indexOf('_design/') !== 0; }";

/**
 * A device's share of fo_people (docs/PEOPLE.md): the persons, cases and account lines of its
 * branch, `GET _changes?filter=fo/people_of_branch&branch=<code>`. A filter function, for the
 * same reason as above; it runs on the server, never in the browser.
 */
const PEOPLE_OF_BRANCH_FILTER = 'function (doc, req) { return typeof doc.branch === \'string\' && doc.branch === req.query.branch; }';

function filtersOf(kind: DbKind): Record<string, string> {
  return kind === 'people' ? { replicable: REPLICABLE_FILTER, people_of_branch: PEOPLE_OF_BRANCH_FILTER } : { replicable: REPLICABLE_FILTER };
}

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const VALIDATOR_ENTRY = join(ROOT, 'validate', 'entry.ts');
const VIEWS_DIR = join(ROOT, 'views');
export const OUTPUT = join(ROOT, 'dist', 'design-docs.json');
const REDUCERS: readonly string[] = ['_count', '_sum', '_stats'];

function toEs5(source: string, module: ts.ModuleKind, fileName: string): string {
  const out = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES5, module, removeComments: true, verbatimModuleSyntax: false },
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) throw new Error(`${fileName}: ${ts.flattenDiagnosticMessageText(errors[0]!.messageText, '\n')}`);
  return out.outputText;
}

/** The validator entry as ES5 script text defining `var __fo = (function () { … })();`. */
export async function buildValidatorBundle(): Promise<string> {
  const result = await build({
    entryPoints: [VALIDATOR_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__fo',
    platform: 'neutral',
    target: 'es2017',
    legalComments: 'none',
    charset: 'utf8',
  });
  const js = result.outputFiles[0]!.text;
  // It is a script, not a module; the directive would make the whole wrapper strict for nothing.
  return toEs5(js, ts.ModuleKind.CommonJS, 'validator.js').replace(/^"use strict";\s*/, '').trim();
}

/**
 * The validate_doc_update source for one database kind; always answers `forbidden` (403).
 * The bundle (the whole contract, ~40 kB) is set up once per engine process and kept on the
 * global object under its own hash, so two versions of the contract never share it: engines
 * compile a design document's function once and call it per written document, and running the
 * bundle's module set-up on every call was most of the validator's cost (an import went from
 * ~5,000 to ~9,000 docs/s). The global is reached with `Function('return this')()`, which works
 * in a strict caller (the embedded engine evaluates functions in strict mode) and in CouchDB's
 * sandbox alike; the function stays anonymous, because CouchDB's query server turns only an
 * anonymous function declaration into an expression. The contract holds no mutable module
 * state (no module-level `let`, no global regexes), so sharing it between calls is safe.
 */
export function validateDocUpdateSource(bundle: string, kind: DbKind): string {
  const key = JSON.stringify(`__fo_contract_${createHash('sha256').update(bundle).digest('hex').slice(0, 16)}`);
  return [
    'function (newDoc, oldDoc, userCtx, secObj) {',
    "var global = Function('return this')();",
    `var __fo = global[${key}];`,
    'if (!__fo) {',
    bundle,
    `global[${key}] = __fo;`,
    '}',
    `var p = __fo.validateDocUpdate(newDoc, oldDoc, userCtx, ${JSON.stringify(kind)});`,
    'if (p.length) throw({forbidden: __fo.problemsReason(p)});',
    '}',
  ].join('\n');
}

interface LoadedView extends BuiltView {
  name: string;
  dbs: readonly DbKind[];
}

/** `tickets-by-state.ts` → view `tickets_by_state`. */
export function viewName(file: string): string {
  return basename(file, '.ts').replace(/-/g, '_');
}

async function loadView(file: string): Promise<LoadedView> {
  const es5 = toEs5(await readFile(file, 'utf8'), ts.ModuleKind.CommonJS, basename(file));
  const module = { exports: {} as Record<string, unknown> };
  const noRequire = (id: string) => {
    throw new Error(`${basename(file)}: a view may not import (${id})`);
  };
  vm.runInNewContext(es5, { module, exports: module.exports, require: noRequire }, { filename: file });
  const { map, reduce, dbs } = module.exports;
  if (typeof map !== 'function') throw new Error(`${basename(file)}: no exported map function`);
  if (reduce !== undefined && !REDUCERS.includes(reduce as string)) throw new Error(`${basename(file)}: reduce must be one of ${REDUCERS}`);
  if (!Array.isArray(dbs) || dbs.length === 0) throw new Error(`${basename(file)}: export dbs`);
  // An anonymous function expression is what every engine's view server expects.
  const source = map.toString().replace(/^function\s*[\w$]*\s*\(/, 'function (');
  return { name: viewName(file), dbs: dbs as DbKind[], map: source, ...(reduce ? { reduce: reduce as BuiltInReduce } : {}) };
}

export async function loadViews(): Promise<LoadedView[]> {
  const files = (await readdir(VIEWS_DIR))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'view-module.ts')
    .sort();
  return Promise.all(files.map((f) => loadView(join(VIEWS_DIR, f))));
}

function versionOf(content: Omit<DesignDoc, '_id' | 'version'>): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}

export async function buildDesignDocs(): Promise<Record<DbKind, DesignDoc[]>> {
  const [bundle, views] = await Promise.all([buildValidatorBundle(), loadViews()]);
  const out = {} as Record<DbKind, DesignDoc[]>;
  for (const kind of DB_KINDS) {
    const kindViews: Record<string, BuiltView> = {};
    for (const v of views) if (v.dbs.includes(kind)) kindViews[v.name] = v.reduce ? { map: v.map, reduce: v.reduce } : { map: v.map };
    const content = {
      language: 'javascript' as const,
      views: kindViews,
      validate_doc_update: validateDocUpdateSource(bundle, kind),
      filters: filtersOf(kind),
    };
    out[kind] = [{ _id: DESIGN_DOC_ID, version: versionOf(content), ...content }];
  }
  return out;
}

async function main(): Promise<void> {
  const docs = await buildDesignDocs();
  await mkdir(dirname(OUTPUT), { recursive: true });
  await writeFile(OUTPUT, JSON.stringify(docs, null, 2) + '\n');
  const summary = DB_KINDS.map((k) => `${k} ${docs[k][0]!.version} (${Object.keys(docs[k][0]!.views).length} views)`);
  console.log(`design docs written to ${OUTPUT}: ${summary.join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
