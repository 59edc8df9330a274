/**
 * Name search: each token of the family name (or company name) lower-cased and stripped of
 * accents, so 'Mbarga' finds 'MBARGA' and 'Ékotto' finds 'EKOTTO'. Query a prefix with
 * startkey 'tok', endkey 'tok\ufff0'. The app must normalise the typed text the same way
 * (normalizeName in ../search/normalize.ts; a test keeps the two equal).
 */
import type { DbKind } from '../validate/problems.ts';

declare function emit(key: unknown, value?: unknown): void;

export const dbs: readonly DbKind[] = ['people'];

export function map(doc: Record<string, unknown>): void {
  if (doc.type !== 'person') return;
  var name = doc.kind === 'employer' ? doc.companyName : doc.familyName;
  if (typeof name !== 'string') return;
  var from = 'àáâãäåāçćčèéêëēėęìíîïīñńòóôõöøōùúûüūýÿžźż';
  var to = 'aaaaaaaccceeeeeeeiiiiinnooooooouuuuuyyzzz';
  var lower = name.toLowerCase();
  var plain = '';
  for (var i = 0; i < lower.length; i++) {
    var ch = lower.charAt(i);
    var at = from.indexOf(ch);
    plain += at < 0 ? ch : to.charAt(at);
  }
  var tokens = plain.split(/[^a-z0-9]+/);
  var seen: Record<string, boolean> = {};
  for (var j = 0; j < tokens.length; j++) {
    var t = tokens[j];
    if (t && !seen[t]) {
      seen[t] = true;
      emit(t, doc.kind);
    }
  }
}
