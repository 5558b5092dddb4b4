import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureProvider } from '../../test/support/fixture-providers';
import { lookupFromSearch, pageModel, tabIdFromSearch } from './model';

describe('pageModel', () => {
  it('assesses the known providers of a tab, worst first, keeping how they were found', () => {
    const view = {
      url: 'https://example.com/',
      resources: [],
      claims: [],
      hosting: null,
      providers: [
        { id: 'ovhcloud', via: ['text' as const], snippets: ['moved to OVHcloud'] },
        { id: 'gone-provider', via: ['text' as const], snippets: [] },
        { id: 'microsoft-azure', via: ['host' as const, 'text' as const], snippets: [] },
      ],
    };
    const m = pageModel(view, FIXTURES, '2025-06-01');
    expect(m.page.providers.map((a) => a.provider.id)).toEqual(['microsoft-azure', 'ovhcloud']);
    expect(m.page.level).toBe('high');
    expect(m.found.get('ovhcloud')?.snippets).toEqual(['moved to OVHcloud']);
  });

  it('uses a custom provider that overrides a bundled one', () => {
    const custom = fixtureProvider({ id: 'ovhcloud', name: 'OVH (ours)' });
    const m = pageModel({ resources: [], claims: [], hosting: null, url: '', providers: [{ id: 'ovhcloud', via: ['text'], snippets: [] }] }, [custom, ...FIXTURES], '2025-06-01');
    expect(m.page.providers[0]?.provider.name).toBe('OVH (ours)');
  });

  it('is empty without a tab state', () => {
    expect(pageModel(null, FIXTURES, '2025-06-01').page).toEqual({ level: null, providers: [] });
  });
});

describe('query parameters', () => {
  it('reads ?tab= strictly', () => {
    expect(tabIdFromSearch('?tab=42')).toBe(42);
    expect(tabIdFromSearch('?tab=4x')).toBeNull();
    expect(tabIdFromSearch('?tab=-1')).toBeNull();
    expect(tabIdFromSearch('')).toBeNull();
  });
  it('reads ?lookup=', () => {
    expect(lookupFromSearch('?lookup=%20Clever%20Cloud%20')).toBe('Clever Cloud');
    expect(lookupFromSearch('?lookup=')).toBeNull();
    expect(lookupFromSearch('?tab=1')).toBeNull();
  });
});
