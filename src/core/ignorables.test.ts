import { describe, expect, it } from 'vitest';
import { compileMatcher, snippetAround } from './matcher';
import { readableText, stripIgnorables } from './normalize';

const providers = [
  { id: 'hetzner', aliases: ['Hetzner'], weakAliases: [] },
  { id: 'aws', aliases: ['Amazon Web Services', 'AWS'], weakAliases: [] },
];
const m = compileMatcher(providers);

describe('invisible code points read as a person reads them', () => {
  it.each([
    ['soft hyphen', 'Hetz\u00ADner'],
    ['zero-width space', 'Hetz\u200Bner'],
    ['zero-width non-joiner', 'Het\u200Czner'],
    ['zero-width joiner', 'Het\u200Dzner'],
    ['word joiner', 'H\u2060etzner'],
    ['byte-order mark', 'Hetzne\uFEFFr'],
    ['many of them', 'H\u00AD\u00AD\u200Be\u2060t\uFEFFzner'],
  ])('a %s inside a name', (_label, name) => {
    const text = `Mail goes through ${name} now.`;
    const found = m.find(text);
    expect(found.map((x) => x.id)).toEqual(['hetzner']);
    // Offsets point into the original text, over the whole visible name.
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(name);
  });

  it('invisible code points never join two words into a name, nor split a word from a name', () => {
    expect(m.find('SuperHetz\u00ADner')).toEqual([]);
    expect(m.find('Hetzner\u200Bian')).toEqual([]);
    expect(m.find('\u200BHetzner\u200B').map((x) => x.id)).toEqual(['hetzner']);
  });

  it('an alias written with invisible code points still matches the plain name', () => {
    const custom = compileMatcher([{ id: 'x', aliases: ['Acme\u00AD Cloud'], weakAliases: [] }]);
    expect(custom.find('We use Acme Cloud.').map((x) => x.id)).toEqual(['x']);
  });

  it('maps offsets back across astral ignorables (tag characters)', () => {
    const text = 'AW\u{E0041}S and Hetzner';
    const found = m.find(text);
    expect(found.map((x) => text.slice(x.start, x.end))).toEqual(['AW\u{E0041}S', 'Hetzner']);
  });

  it('stripIgnorables keeps a map to the original offsets', () => {
    const { text, at } = stripIgnorables('a\u00ADb\u{E0001}c');
    expect(text).toBe('abc');
    expect([...at]).toEqual([0, 2, 5]);
  });
});

describe('snippets', () => {
  it('collapse every Unicode space and line separator, U+0085 included, and drop invisible code points', () => {
    expect(readableText(' a\u0085\u0085b\u2028c\u00ADd\u3000 ')).toBe('a b cd');
    const text = `Our CRM runs on Amazon${'\u0085'.repeat(3000)}Web Services.`;
    const [mention] = m.find(text);
    expect(mention?.id).toBe('aws');
    expect(snippetAround(text, mention!)).toBe('Our CRM runs on Amazon Web Services.');
  });

  it('stay within 400 characters whatever the mention spans', () => {
    const text = `Amazon${'\u00AD'.repeat(5000)} Web Services ${'x'.repeat(1000)}`;
    const [mention] = m.find(text);
    expect(mention?.id).toBe('aws');
    expect(snippetAround(text, mention!).length).toBeLessThanOrEqual(400);
  });
});
