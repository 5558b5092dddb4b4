import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/support/fixture-providers';
import { foldForSearch, searchProviders } from './search';

const first = (q: string) => searchProviders(FIXTURES, q)[0]?.provider.id;

describe('foldForSearch', () => {
  it('drops case, accents and punctuation', () => {
    expect(foldForSearch('  Éclair-HÉBERGEMENT! ')).toBe('eclair hebergement');
    expect(foldForSearch('Ｎｕｍｓｐｏｔ')).toBe('numspot');
  });
});

describe('searchProviders', () => {
  it('finds providers by name start, alias or word, case- and accent-insensitively', () => {
    expect(first('ovh')).toBe('ovhcloud');
    expect(first('OVH')).toBe('ovhcloud');
    expect(first('clever')).toBe('clever-cloud');
    expect(first('numspot')).toBe('numspot');
    expect(first('NUMSPOT')).toBe('numspot');
    expect(first('azur')).toBe('microsoft-azure');
    expect(first('eclair heberg')).toBe('eclair-hebergement');
    expect(first('ÉCLAIR')).toBe('eclair-hebergement');
    expect(first('outscale')).toBe('outscale');
  });

  it('finds by alias and says which alias matched', () => {
    const [hit] = searchProviders(FIXTURES, 'gcp');
    expect(hit?.provider.id).toBe('google-cloud');
    expect(hit?.matched).toBe('GCP');
    expect(searchProviders(FIXTURES, 'Microsoft Azure')[0]?.matched).toBeNull();
    // The name matches too ("azur" → "Microsoft Azure"): no alias is shown.
    expect(searchProviders(FIXTURES, 'windows')[0]?.matched).toBe('Windows Azure');
    expect(searchProviders(FIXTURES, 'azur')[0]?.matched).toBeNull();
  });

  it('finds by id and by domain', () => {
    expect(first('clever-cloud')).toBe('clever-cloud');
    expect(first('outscale.com')).toBe('outscale');
  });

  it('matches words in any order and compact spellings', () => {
    expect(first('cloud clever')).toBe('clever-cloud');
    expect(first('clevercloud')).toBe('clever-cloud');
  });

  it('ranks exact and prefix matches first', () => {
    const ids = searchProviders(FIXTURES, 'cloud').map((h) => h.provider.id);
    expect(ids).toContain('clever-cloud');
    expect(ids).toContain('google-cloud');
    expect(ids).toContain('ovhcloud');
    // A word that starts with the query beats a match inside a word.
    expect(ids.indexOf('google-cloud')).toBeLessThan(ids.indexOf('ovhcloud'));
  });

  it('returns nothing for an empty or unmatched query, and respects the limit', () => {
    expect(searchProviders(FIXTURES, '   ')).toEqual([]);
    expect(searchProviders(FIXTURES, '!!!')).toEqual([]);
    expect(searchProviders(FIXTURES, 'zzzz')).toEqual([]);
    expect(searchProviders(FIXTURES, 'o', 2)).toHaveLength(2);
  });
});
