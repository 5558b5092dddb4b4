import { describe, expect, it } from 'vitest';
import dataset from '../src/data/providers.json';
import { bundledMatchables } from '../src/content/bundled-matchables';
import { stripDataset } from './strip-dataset';

describe('stripDataset', () => {
  it('keeps exactly what matching needs, and the content script reads it back unchanged', () => {
    const stripped = stripDataset(dataset);
    expect(JSON.stringify(stripped)).not.toContain('"sources"');
    expect(new Set(stripped.words).size).toBe(stripped.words.length);
    const full = dataset.providers.map((p) => ({ id: p.id, aliases: p.aliases, weakAliases: p.weakAliases }));
    expect(bundledMatchables(stripped)).toEqual(full);
    expect(bundledMatchables({ providers: full })).toEqual(full);
  });
});
