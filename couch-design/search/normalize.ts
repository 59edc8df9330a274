/**
 * Name normalisation for search, identical to the map of views/persons-by-name.ts (which
 * cannot import it). normalize.test.ts keeps the two in step.
 */
const FROM = 'àáâãäåāçćčèéêëēėęìíîïīñńòóôõöøōùúûüūýÿžźż';
const TO = 'aaaaaaaccceeeeeeeiiiiinnooooooouuuuuyyzzz';

/** Lower-case, accent-free tokens of a name, in order, without repeats. */
export function nameTokens(name: string): string[] {
  let plain = '';
  for (const ch of name.toLowerCase()) {
    const at = FROM.indexOf(ch);
    plain += at < 0 ? ch : TO.charAt(at);
  }
  const out: string[] = [];
  for (const t of plain.split(/[^a-z0-9]+/)) if (t && out.indexOf(t) < 0) out.push(t); // ES5: the validator bundle runs this on CouchDB's SpiderMonkey
  return out;
}
