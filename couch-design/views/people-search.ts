/**
 * Person search on the server (issue 10, docs/PEOPLE.md): `w:<word>` for each word of the
 * name, `s:<sound key>` for each word (typos), `p:<word> <word>` for each ordered pair of
 * words. Query a prefix with startkey 'w:ekam', endkey 'w:ekam\ufff0', include_docs. The
 * same keys as personSearchKeys in ../search/person-keys.ts, which a test keeps equal: a view
 * map cannot import it.
 */
import type { DbKind } from '../validate/problems.ts';

declare function emit(key: unknown, value?: unknown): void;

export const dbs: readonly DbKind[] = ['people'];

export function map(doc: Record<string, unknown>): void {
  if (doc.type !== 'person') return;
  var from = 'àáâãäåāçćčèéêëēėęìíîïīñńòóôõöøōùúûüūýÿžźż';
  var to = 'aaaaaaaccceeeeeeeiiiiinnooooooouuuuuyyzzz';
  var classes: Record<string, string> = { b: '1', f: '1', p: '1', v: '1', c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2', d: '3', t: '3', l: '4', m: '5', n: '5', r: '6' };
  var words: string[] = [];
  function addWords(v: unknown) {
    if (typeof v !== 'string') return;
    var lower = v.toLowerCase();
    var plain = '';
    for (var i = 0; i < lower.length; i++) {
      var ch = lower.charAt(i);
      var at = from.indexOf(ch);
      plain += at < 0 ? ch : to.charAt(at);
    }
    var tokens = plain.split(/[^a-z0-9]+/);
    for (var j = 0; j < tokens.length; j++) if (tokens[j] && words.indexOf(tokens[j]!) < 0) words.push(tokens[j]!);
  }
  if (doc.kind === 'employer') addWords(doc.companyName);
  else {
    addWords(doc.familyName);
    addWords(doc.givenName);
  }
  var keys: string[] = [];
  function add(k: string) {
    if (keys.indexOf(k) < 0) keys.push(k);
  }
  var a: number, b: number;
  for (a = 0; a < words.length; a++) add('w:' + words[a]);
  for (a = 0; a < words.length; a++) {
    var w = words[a]!;
    var sound = '';
    var last = '';
    for (var c = 0; c < w.length; c++) {
      var letter = w.charAt(c);
      var cls = classes.hasOwnProperty(letter) ? classes[letter]! : letter >= '0' && letter <= '9' ? letter : '';
      if (cls && cls !== last) sound += cls;
      last = cls || (letter === 'h' || letter === 'w' ? last : '');
    }
    if (sound) add('s:' + sound);
  }
  for (a = 0; a < words.length; a++) for (b = 0; b < words.length; b++) if (a !== b) add('p:' + words[a] + ' ' + words[b]);
  for (var k = 0; k < keys.length; k++) emit(keys[k], null);
}
