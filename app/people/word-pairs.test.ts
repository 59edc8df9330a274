import { describe, expect, it } from 'vitest';
import { rankByHits, wordPairs } from './server-search.ts';
import { nameSplits } from './device-search.ts';

describe('what a search of several words asks', () => {
  it('the server: the first two words and each word with the last, once each, as typed then reversed', () => {
    expect(wordPairs(['ekam', 'helene'])).toEqual({ typed: [['ekam', 'helene']], reversed: [['helene', 'ekam']] });
    expect(wordPairs(['ngo', 'bassa', 'pierre'])).toEqual({
      typed: [
        ['ngo', 'bassa'],
        ['ngo', 'pierre'],
        ['bassa', 'pierre'],
      ],
      reversed: [
        ['bassa', 'ngo'],
        ['pierre', 'ngo'],
        ['pierre', 'bassa'],
      ],
    });
    expect(wordPairs(['jean', 'jean'])).toEqual({ typed: [], reversed: [] });
  });

  it('the server: the persons named by most pairs first, ties in order of appearance', () => {
    expect(rankByHits([['a', 'b', 'c'], ['c', 'd'], ['d', 'c', 'c']])).toEqual(['c', 'd', 'a', 'b']);
    expect(rankByHits([['x', 'y'], []])).toEqual(['x', 'y']);
    expect(rankByHits([])).toEqual([]);
  });

  it('the device: every split into a whole family name and given names, family first or last', () => {
    expect(nameSplits(['ngo', 'bassa', 'pierre'])).toEqual([
      { family: 'ngo', given: 'bassa pierre' },
      { family: 'bassa pierre', given: 'ngo' },
      { family: 'ngo bassa', given: 'pierre' },
      { family: 'pierre', given: 'ngo bassa' },
    ]);
  });
});
