/**
 * Runs built design-document functions as an old engine would: in a fresh V8 context
 * from which the ES2015+ library is deleted (SpiderMonkey 1.8.5 has none of it), with the
 * documents parsed inside that context so they carry its stripped prototypes too.
 */
import vm from 'node:vm';

const STRIP = `
(function () {
  var del = function (o, names) { for (var i = 0; i < names.length; i++) { try { delete o[names[i]]; } catch (e) {} } };
  del(Object, ['assign', 'entries', 'values', 'fromEntries', 'getOwnPropertySymbols', 'is', 'setPrototypeOf']);
  del(Array, ['from', 'of']);
  del(Array.prototype, ['includes', 'find', 'findIndex', 'findLast', 'fill', 'flat', 'flatMap', 'copyWithin', 'entries', 'keys', 'values', 'at']);
  del(String.prototype, ['startsWith', 'endsWith', 'includes', 'padStart', 'padEnd', 'repeat', 'trimStart', 'trimEnd', 'codePointAt', 'normalize', 'at', 'replaceAll']);
  del(String, ['fromCodePoint', 'raw']);
  del(Number, ['isInteger', 'isFinite', 'isNaN', 'isSafeInteger', 'parseFloat', 'parseInt']);
  del(Math, ['trunc', 'sign', 'log10', 'log2', 'cbrt', 'hypot', 'imul', 'clz32', 'fround', 'expm1', 'log1p']);
  del(globalThis, ['Map', 'Set', 'WeakMap', 'WeakSet', 'Symbol', 'Promise', 'Reflect', 'Proxy', 'BigInt', 'globalThis']);
})();
`;

export interface Sandbox {
  /** Calls a validate_doc_update source; returns the thrown value, or null when it accepted. */
  validate(source: string, newDoc: unknown, oldDoc: unknown, userCtx: unknown): unknown;
  /** Runs a map source over a document; returns what it emitted as [key, value] pairs. */
  map(source: string, doc: unknown): [unknown, unknown][];
  /** Names of the ES2015+ builtins that really are gone (to prove the sandbox works). */
  missing(): string[];
}

export function es5Sandbox(): Sandbox {
  const context = vm.createContext({});
  vm.runInContext(STRIP, context);
  const run = (code: string) => JSON.parse(vm.runInContext(code, context, { timeout: 1000 }) as string) as unknown;
  const json = (v: unknown) => JSON.stringify(JSON.stringify(v ?? null));
  // Compile each source once: the validator is 40 kB and the grid test calls it thousands of times.
  const compiled = new Map<string, number>();
  vm.runInContext('var __fns = [];', context);
  const handle = (source: string): number => {
    let i = compiled.get(source);
    if (i === undefined) {
      i = compiled.size;
      vm.runInContext(`__fns[${i}] = (${source});`, context);
      compiled.set(source, i);
    }
    return i;
  };
  // One caller compiled in the context: the grid test makes thousands of calls, and compiling
  // a script per call made it time out on a busy machine. Arguments cross as JSON text and are
  // parsed inside, so the documents carry the context's stripped prototypes.
  const callValidator = vm.runInContext(
    `(function (i, newDoc, oldDoc, userCtx) {
      try { __fns[i](JSON.parse(newDoc), JSON.parse(oldDoc), JSON.parse(userCtx), {}); return 'null'; }
      catch (e) { return JSON.stringify(e instanceof Error ? { error: String(e) } : e); }
    })`,
    context,
  ) as (i: number, newDoc: string, oldDoc: string, userCtx: string) => string;
  return {
    validate(source, newDoc, oldDoc, userCtx) {
      const text = (v: unknown) => JSON.stringify(v ?? null);
      return JSON.parse(callValidator(handle(source), text(newDoc), text(oldDoc), text(userCtx))) as unknown;
    },
    map(source, doc) {
      return run(`(function () {
        var out = [];
        var emit = function (k, v) { out.push([k, v === undefined ? null : v]); };
        var f = new Function('emit', 'return (' + ${JSON.stringify(source)} + ');')(emit);
        f(JSON.parse(${json(doc)}));
        return JSON.stringify(out);
      })()`) as [unknown, unknown][];
    },
    missing() {
      return run(`JSON.stringify([typeof Object.assign, typeof [].includes, typeof ''.startsWith, typeof Number.isInteger, typeof Map, typeof Symbol])`) as string[];
    },
  };
}
