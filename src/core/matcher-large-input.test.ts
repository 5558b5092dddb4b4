// Inputs as large as a hostile page can make. Kept apart from matcher.test.ts
// so mutation testing (which reruns the logic tests for every mutant) can
// leave out the few slow ones.
import { describe, expect, it } from 'vitest';
import { compileMatcher } from './matcher';

const ids = (found: { id: string }[]) => [...new Set(found.map((m) => m.id))].sort();

describe('large input', () => {
  it('scans a 20 MB string', () => {
    const m = compileMatcher([
      { id: 'aws', aliases: ['AWS'], weakAliases: [] },
      { id: 'azure', aliases: [], weakAliases: [{ term: 'Azure', context: ['cloud'] }] },
    ]);
    const text = 'lorem ipsum dolor sit amet, '.repeat(750_000) + 'on AWS';
    expect(text.length).toBeGreaterThan(20_000_000);
    expect(ids(m.find(text))).toEqual(['aws']);
  });
});
