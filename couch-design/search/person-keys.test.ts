import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildDesignDocs, type DbKind, type DesignDoc } from '../build/build-design-docs.ts';
import { es5Sandbox } from '../testing/es5-sandbox.ts';
import { personSearchField, personSearchKeys, soundKey, wordMatches } from './person-keys.ts';
import { validatePerson } from '../types/person.ts';
import { validateCase } from '../types/case.ts';
import { goodDocs } from '../testing/fixtures.ts';

let built: Record<DbKind, DesignDoc[]>;
beforeAll(async () => {
  built = await buildDesignDocs();
}, 60_000);
const sandbox = es5Sandbox();

describe('sound keys: typos that keep the consonants find the name', () => {
  it('swapped, doubled, dropped or changed vowels and alike consonants give one key', () => {
    expect(soundKey('mbarga')).toBe(soundKey('mbraga'));
    expect(soundKey('ekambi')).toBe(soundKey('ekanbu'));
    expect(soundKey('ekotto')).toBe(soundKey('ekoto'));
    expect(soundKey('atangana')).toBe(soundKey('atanganna'));
    expect(soundKey('nana')).toBe('55');
    expect(soundKey('fotso')).not.toBe(soundKey('kamga'));
    expect(soundKey('eau')).toBe('');
    expect(soundKey('415120')).toBe('415120');
  });
  it('a typed word matches a name word by its start, or by sound when typos are allowed', () => {
    expect(wordMatches('ekam', 'ekambi', false)).toBe(true);
    expect(wordMatches('ekanbu', 'ekambi', false)).toBe(false);
    expect(wordMatches('ekanbu', 'ekambi', true)).toBe(true);
    expect(wordMatches('e', 'fotso', true)).toBe(false);
  });
});

describe('a person’s search field and keys', () => {
  it('normalise the family (or company) and given names, accents and case gone', () => {
    expect(personSearchField({ kind: 'insurant', familyName: 'Ngo Bassa', givenName: 'Hélène Marie' })).toEqual({ family: 'ngo bassa', given: 'helene marie', sound: '52' });
    expect(personSearchField({ kind: 'employer', companyName: 'Brasseries du Littoral' })).toEqual({ family: 'brasseries du littoral', given: '', sound: '16262' });
    expect(personSearchKeys({ kind: 'insurant', familyName: 'Ékambi', givenName: 'Hélène' })).toEqual(['w:ekambi', 'w:helene', 's:251', 's:45', 'p:ekambi helene', 'p:helene ekambi']);
  });
  it('the people_search view as built emits exactly personSearchKeys, on an ES5 engine', () => {
    const map = built.people[0]!.views.people_search!.map;
    const chars = fc.constantFrom(...'abdehkmnrstwéèêàçôüÿ É-\'AKZ019'.split(''));
    const name = fc.array(chars, { maxLength: 20 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.constantFrom('insurant', 'employer', 'beneficiary'), name, name, (kind, a, b) => {
        const doc = kind === 'employer' ? { type: 'person', kind, companyName: a } : { type: 'person', kind, familyName: a, givenName: b };
        expect(sandbox.map(map, doc).map(([k]) => k)).toEqual(personSearchKeys(doc));
      }),
      { numRuns: 300 },
    );
  });
  it('a person may carry its home branch and search field; a stale field or a bad branch is refused, here and by the built validator', () => {
    const person = goodDocs().person!;
    const ok = { ...person, branch: 'dla', search: personSearchField(person) };
    expect(validatePerson(ok)).toEqual([]);
    expect(validatePerson({ ...ok, search: personSearchField({ kind: 'insurant', familyName: 'Other' }) })).toEqual([{ field: 'search', code: 'bad_search' }]);
    expect(validatePerson({ ...ok, search: { ...ok.search, extra: 1 } })).toEqual([{ field: 'search', code: 'bad_search' }]);
    expect(validatePerson({ ...ok, branch: 'Douala!' })).toEqual([{ field: 'branch', code: 'bad_format' }]);
    expect(validateCase({ ...goodDocs().case!, branch: 'DLA' })).toEqual([{ field: 'branch', code: 'bad_format' }]);
    const vdu = built.people[0]!.validate_doc_update;
    const admin = { name: 'a', roles: ['admin'] };
    expect(sandbox.validate(vdu, ok, null, admin)).toBeNull();
    expect(sandbox.validate(vdu, { ...ok, familyName: 'Mbarga' }, null, admin)).toEqual({ forbidden: 'search: bad_search' });
  });
});
