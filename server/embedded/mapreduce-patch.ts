/**
 * A fix to the map/reduce of `pouchdb-node` (9.x), the engine's database library, applied to
 * its source when the engine loads it (module-patch.ts: the replacement must match exactly
 * once, or the engine refuses to start).
 *
 * It sandboxed a view's function by building a new `vm` context and compiling the function's
 * source again for every document it mapped (and every reduce call): a profile of building
 * `people_search` spent ~70% of its time in `vm.createContext`, ~170 documents/s, so a
 * national `fo_people` (millions of documents) would take hours. Each function is now compiled
 * once into one context of its own, as Apache CouchDB's query server keeps one JavaScript
 * context per design document, and called per document with its arguments as JSON, parsed
 * inside that context as before, so a map function still sees only plain data of its own realm.
 */
import { applyPatches as applyEach, type Patch } from './module-patch.ts';

export const MAPREDUCE_PATCHES: readonly Patch[] = [
  {
    find: `function evalFunctionInVm(func, emit) {
  return function (arg1, arg2, arg3) {
    var code = '(function() {"use strict";' +
      'var createBuiltInError = ' + createBuiltInErrorInVm.toString() + ';' +
      'var sum = ' + sum.toString() + ';' +
      'var log = function () {};' +
      'var isArray = Array.isArray;' +
      'var toJSON = JSON.parse;' +
      'var __emitteds__ = [];' +
      'var emit = function (key, value) {__emitteds__.push([key, value]);};' +
      'var __result__ = (' +
      func.replace(/;\\s*$/, '') + ')' + '(' +
      JSON.stringify(arg1) + ',' +
      JSON.stringify(arg2) + ',' +
      JSON.stringify(arg3) + ');' +
      'return {result: __result__, emitteds: __emitteds__};' +
      '})()';

    var output = vm.runInNewContext(code);

    output.emitteds.forEach(function (emitted) {
      emit(emitted[0], emitted[1]);
    });
    if (isBuiltInError(output.result)) {
      output.result = convertToTrueError(output.result);
    }
    return output.result;
  };
}`,
    replace: `function evalFunctionInVm(func, emit) {
  var compiled = vm.runInNewContext('(function() {"use strict";' +
      'var createBuiltInError = ' + createBuiltInErrorInVm.toString() + ';' +
      'var sum = ' + sum.toString() + ';' +
      'var log = function () {};' +
      'var isArray = Array.isArray;' +
      'var toJSON = JSON.parse;' +
      'var __emitteds__ = [];' +
      'var emit = function (key, value) {__emitteds__.push([key, value]);};' +
      'var __fun__ = (' + func.replace(/;\\s*$/, '') + ');' +
      'var __arg__ = function (json) { return json === undefined ? undefined : JSON.parse(json); };' +
      'return function (a1, a2, a3) {' +
      '__emitteds__ = [];' +
      'var __result__ = __fun__(__arg__(a1), __arg__(a2), __arg__(a3));' +
      'return {result: __result__, emitteds: __emitteds__};' +
      '};' +
      '})()');
  return function (arg1, arg2, arg3) {
    var json = function (arg) { return arg === undefined ? undefined : JSON.stringify(arg); };
    var output = compiled(json(arg1), json(arg2), json(arg3));

    output.emitteds.forEach(function (emitted) {
      emit(emitted[0], emitted[1]);
    });
    if (isBuiltInError(output.result)) {
      output.result = convertToTrueError(output.result);
    }
    return output.result;
  };
}`,
  },
];

export function applyPatches(source: string, patches: readonly Patch[] = MAPREDUCE_PATCHES): string {
  return applyEach(source, patches, 'pouchdb-node map/reduce');
}
