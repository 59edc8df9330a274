/**
 * Search keys of a person (issue 10, docs/PEOPLE.md), one definition for the three places that
 * use them: the server's `people_search` view (couch-design/views/people-search.ts, which
 * cannot import and repeats this code; a test keeps the two equal), the `search` field stored
 * on the person document that the device's Mango indexes read (Mango cannot normalise), and the
 * final match of both result lists. ES5 library only: the validator bundle runs
 * personSearchField on CouchDB's SpiderMonkey.
 */
import { nameTokens } from './normalize.ts';

/** Consonant classes, as Soundex groups them: letters heard alike share a digit. */
const SOUND_CLASS: Record<string, string> = {
  b: '1', f: '1', p: '1', v: '1',
  c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3',
  l: '4',
  m: '5', n: '5',
  r: '6',
};

/**
 * A typo-tolerant key of one normalised token: its consonants by class, repeats collapsed,
 * vowels dropped. 'mbarga' and 'mbraga' → '5162'; 'ekambi' and 'ekanbu' → '251'. Digits
 * (numbers typed as names) keep themselves. '' when nothing is left ('eau').
 */
export function soundKey(token: string): string {
  let out = '';
  let last = '';
  for (const ch of token) {
    const cls = Object.prototype.hasOwnProperty.call(SOUND_CLASS, ch) ? SOUND_CLASS[ch]! : ch >= '0' && ch <= '9' ? ch : '';
    if (cls && cls !== last) out += cls;
    // A vowel between two alike consonants keeps them apart, as Soundex does ('nana' → '55').
    last = cls || (ch === 'h' || ch === 'w' ? last : '');
  }
  return out;
}

/** The name a person is found by: an employer's company, or family then given names. */
function searchedName(p: { kind?: unknown; familyName?: unknown; givenName?: unknown; companyName?: unknown }): { family: string[]; given: string[] } {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  if (p.kind === 'employer') return { family: nameTokens(text(p.companyName)), given: [] };
  return { family: nameTokens(text(p.familyName)), given: nameTokens(text(p.givenName)) };
}

/**
 * What the device's Mango indexes range over, stored on the person as `search`: the
 * normalised family (or company) name and given names as single strings, and the sound key of
 * the family name's first word.
 */
export interface PersonSearchField {
  family: string;
  given: string;
  sound: string;
}

export function personSearchField(p: Parameters<typeof searchedName>[0]): PersonSearchField {
  const { family, given } = searchedName(p);
  return { family: family.join(' '), given: given.join(' '), sound: soundKey(family[0] ?? '') };
}

/**
 * The keys the server's `people_search` view emits for a person: `w:<word>` for every word of
 * the name, `s:<sound key>` for every word, and `p:<word> <word>` for every ordered pair of two
 * different words, so that two typed words ('helene ekam') are one key range even among a
 * million persons sharing the family name.
 */
export function personSearchKeys(p: Parameters<typeof searchedName>[0]): string[] {
  const { family, given } = searchedName(p);
  const words: string[] = [];
  for (const w of family.concat(given)) if (words.indexOf(w) < 0) words.push(w);
  const keys: string[] = [];
  const add = (k: string) => {
    if (keys.indexOf(k) < 0) keys.push(k);
  };
  for (const w of words) add('w:' + w);
  for (const w of words) {
    const s = soundKey(w);
    if (s) add('s:' + s);
  }
  for (const a of words) for (const b of words) if (a !== b) add('p:' + a + ' ' + b);
  return keys;
}

/** Whether a typed word names this name word: its start, or (typo) alike by sound. */
export function wordMatches(typed: string, word: string, typos: boolean): boolean {
  if (word.startsWith(typed)) return true;
  if (!typos) return false;
  const s = soundKey(typed);
  return s.length >= 2 && soundKey(word) === s;
}
