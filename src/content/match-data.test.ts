import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { storage: { local: { get: async () => ({}) } } } }));
const { CLAIM_ID, loadMatcher } = await import('./match-data');

describe('loadMatcher', () => {
  it('finds claims of French or sovereign hosting, apart from providers', async () => {
    const m = await loadMatcher();
    const ids = (text: string) => m.find(text).map((x) => x.id);
    expect(ids('Vos données de santé sont hébergées en France, sur Microsoft Azure.')).toEqual([CLAIM_ID, 'microsoft-azure']);
    expect(ids('Our sovereign cloud keeps data hosted in the EU.')).toEqual([CLAIM_ID, CLAIM_ID]);
    expect(ids('Un hébergement souverain.')).toEqual([CLAIM_ID]);
    expect(ids('We moved to France last year.')).toEqual([]);
  });
});
