import { describe, expect, it } from 'vitest';
import { matchPeople, type Searchable } from './person-search.ts';

const people: Searchable[] = [
  { _id: 'person:1000123', number: '1000123', kind: 'insurant', familyName: 'Ékambi', givenName: 'Hélène' },
  { _id: 'person:1000124', number: '1000124', kind: 'insurant', familyName: 'Ekambi', givenName: 'Paul' },
  { _id: 'person:E415120', number: 'E415120', accountNumber: '415120', kind: 'employer', companyName: 'Brasseries du Littoral' },
];

describe('finding a person at the counter', () => {
  it('by number, by employer account, by name with accents and case ignored', () => {
    expect(matchPeople(people, '1000124').map((p) => p.number)).toEqual(['1000124']);
    expect(matchPeople(people, 'e415120').map((p) => p.number)).toEqual(['E415120']);
    expect(matchPeople(people, '415120').map((p) => p.number)).toEqual(['E415120']);
    expect(matchPeople(people, 'ekambi').map((p) => p.number)).toEqual(['1000123', '1000124']);
    expect(matchPeople(people, 'HELENE ekam').map((p) => p.number)).toEqual(['1000123']);
    expect(matchPeople(people, 'brass litt').map((p) => p.number)).toEqual(['E415120']);
    expect(matchPeople(people, '  ')).toEqual([]);
    expect(matchPeople(people, 'nobody')).toEqual([]);
  });
});
