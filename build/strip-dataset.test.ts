import { describe, expect, it } from 'vitest';
import dataset from '../src/data/providers.json';
import { bundledMatchables } from '../src/content/bundled-matchables';
import { stripDataset } from './strip-dataset';

describe('stripDataset', () => {
  it('keeps exactly what matching needs, and the content script reads it back unchanged', () => {
    const stripped = stripDataset(dataset);
    expect(JSON.stringify(stripped)).not.toContain('"sources"');
    const words = stripped.words.split(',');
    expect(new Set(words).size).toBe(words.length);
    const full = dataset.providers.map((p) => ({ id: p.id, aliases: p.aliases, weakAliases: p.weakAliases }));
    expect(bundledMatchables(stripped)).toEqual(full);
    expect(bundledMatchables({ providers: full })).toEqual(full);
  });

  it('refuses a name that contains one of its separators', () => {
    const p = { id: 'x', aliases: ['A|B'], weakAliases: [] };
    expect(() => stripDataset({ version: '2026-01-01', providers: [p] })).toThrow(/separator "\|"/);
    const q = { id: 'y', aliases: [], weakAliases: [{ term: 'T', context: ['a,b'] }] };
    expect(() => stripDataset({ version: '2026-01-01', providers: [q] })).toThrow(/context word/);
  });
});
