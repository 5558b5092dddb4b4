import { describe, expect, it } from 'vitest';
import { KEYS } from './storage-keys';
import { peekCustomMatchables, toInPageSettings, toMatchables } from './storage-peek';

describe('toMatchables (content-script view of custom providers)', () => {
  it('keeps the matching fields of well-formed entries', () => {
    const stored = [{ id: 'acme', name: 'Acme', aliases: ['Acme Cloud'], weakAliases: [{ term: 'Acme', context: ['hosting'] }], domains: ['acme.example'] }];
    expect(toMatchables(stored)).toEqual([{ id: 'acme', aliases: ['Acme Cloud'], weakAliases: [{ term: 'Acme', context: ['hosting'] }] }]);
  });

  it('skips damaged values instead of trusting them', () => {
    expect(toMatchables('nope')).toEqual([]);
    expect(toMatchables(null)).toEqual([]);
    const stored = [null, 7, { aliases: ['no id'] }, { id: 'x', aliases: ['ok', 3, null], weakAliases: [{ term: 1 }, { term: 'T', context: 'bad' }] }];
    expect(toMatchables(stored)).toEqual([{ id: 'x', aliases: ['ok'], weakAliases: [{ term: 'T', context: [] }] }]);
  });
});

describe('toInPageSettings', () => {
  it('falls back to the defaults that matter in the page', () => {
    expect(toInPageSettings(undefined)).toEqual({ warningsEnabled: true, highlight: false, silencedSites: [] });
    expect(toInPageSettings({ warningsEnabled: false, highlight: true, silencedSites: ['a.example', 5] })).toEqual({ warningsEnabled: false, highlight: true, silencedSites: ['a.example'] });
    expect(toInPageSettings({ highlight: 'yes' }).highlight).toBe(false);
  });
});

describe("the organisation's policy in the page", () => {
  it('overrides the user’s in-page settings and adds its silenced sites', () => {
    const managed = { settings: { highlight: true, silencedSites: ['intranet.example'] } };
    expect(toInPageSettings({ highlight: false, warningsEnabled: false, silencedSites: ['mine.example'] }, managed)).toEqual({ warningsEnabled: false, highlight: true, silencedSites: ['mine.example', 'intranet.example'] });
    expect(toInPageSettings(undefined, 'damaged')).toEqual({ warningsEnabled: true, highlight: false, silencedSites: [] });
  });

  it('matches managed providers too, before the user’s own', async () => {
    const data: Record<string, unknown> = { [KEYS.custom]: [{ id: 'mine', aliases: ['Mine Cloud'], weakAliases: [] }], [KEYS.managed]: { providers: [{ id: 'org', aliases: ['Org Cloud'], weakAliases: [] }] } };
    const area = { get: async (keys?: string | string[] | null) => Object.fromEntries([keys ?? []].flat().map((k) => [k, data[k]])) };
    expect((await peekCustomMatchables(area)).map((m) => m.id)).toEqual(['org', 'mine']);
  });
});
