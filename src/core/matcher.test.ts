import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileMatcher, mentionsToIds, snippetAround, type MatchableProvider, type Mention } from './matcher';
import { referenceFind } from './matcher-reference';

const strong = (id: string, ...aliases: string[]): MatchableProvider => ({ id, aliases, weakAliases: [] });
const weak = (id: string, term: string, ...context: string[]): MatchableProvider => ({ id, aliases: [], weakAliases: [{ term, context }] });

/** The matched substrings, for readable assertions. */
const found = (providers: MatchableProvider[], text: string) => compileMatcher(providers).find(text).map((m) => text.slice(m.start, m.end));
const ids = (providers: MatchableProvider[], text: string) => mentionsToIds(compileMatcher(providers).find(text));

describe('compileMatcher: basics', () => {
  it('finds nothing in empty text or with no providers', () => {
    expect(compileMatcher([strong('a', 'Azure')]).find('')).toEqual([]);
    expect(compileMatcher([]).find('Azure')).toEqual([]);
    expect(compileMatcher([]).patternCount).toBe(0);
  });

  it('reports ids and UTF-16 offsets into the original text', () => {
    const text = 'Hébergé chez « OVHcloud » et 😀 Scaleway.';
    const m = compileMatcher([strong('ovhcloud', 'OVHcloud'), strong('scaleway', 'Scaleway')]).find(text);
    expect(m).toEqual([
      { id: 'ovhcloud', start: 15, end: 23, weak: false },
      { id: 'scaleway', start: 32, end: 40, weak: false },
    ]);
    expect(text.slice(m[1]!.start, m[1]!.end)).toBe('Scaleway');
  });

  it('counts compiled aliases (not context words, not weak aliases without a usable context)', () => {
    const m = compileMatcher([
      { id: 'a', aliases: ['Azure', 'Microsoft Azure', ''], weakAliases: [{ term: 'Entra', context: ['Microsoft', 'cloud'] }, { term: 'Teams', context: ['', ' '] }] },
    ]);
    expect(m.patternCount).toBe(3);
  });

  it('finds every occurrence, in text order', () => {
    expect(found([strong('a', 'AWS'), strong('o', 'OVH')], 'AWS, OVH, AWS and OVH')).toEqual(['AWS', 'OVH', 'AWS', 'OVH']);
  });
});

describe('word boundaries', () => {
  const p = [strong('azure', 'Azure'), strong('ovh', 'OVHcloud')];

  it('rejects matches inside words (letters, accented letters, digits, underscore)', () => {
    for (const text of ['Azureish', 'preAzure', 'éAzure', 'Azureé', 'Azure2', '2Azure', 'Azure_x', 'x_Azure', 'Azure\u0301']) expect(found(p, text), text).toEqual([]);
  });

  it('treats apostrophes, quotes, guillemets and punctuation as boundaries', () => {
    expect(found(p, "l'offre d'Azure")).toEqual(['Azure']);
    expect(found(p, 'l’offre d’Azure')).toEqual(['Azure']);
    expect(found(p, 'chez OVHcloud')).toEqual(['OVHcloud']);
    expect(found(p, "Azure's pricing")).toEqual(['Azure']);
    expect(found(p, '«Azure»')).toEqual(['Azure']);
    expect(found(p, '« Azure »')).toEqual(['Azure']);
    expect(found(p, '"Azure"')).toEqual(['Azure']);
    expect(found(p, '(Azure)')).toEqual(['Azure']);
    expect(found(p, '[Azure]')).toEqual(['Azure']);
    expect(found(p, 'Azure: yes; Azure! Azure? Azure…')).toEqual(['Azure', 'Azure', 'Azure', 'Azure']);
  });

  it('accepts a trailing full stop, comma or hyphen', () => {
    expect(found(p, 'We run on Azure.')).toEqual(['Azure']);
    expect(found(p, 'Azure, then')).toEqual(['Azure']);
    expect(found(p, 'an Azure-based app')).toEqual(['Azure']);
    expect(found(p, 'Azure- and OVHcloud-hosted')).toEqual(['Azure', 'OVHcloud']);
    expect(found(p, 'Azure.\nNext')).toEqual(['Azure']);
  });

  it('rejects names inside URLs, paths, handles and identifiers', () => {
    const texts = [
      'https://ovhcloud.com/fr',
      'see www.OVHcloud.com',
      'C:\\Azure\\bin',
      '/usr/Azure',
      '@Azure',
      '#Azure',
      'q=Azure',
      '~Azure',
      '$Azure',
      '%Azure',
      'my-Azure-app',
      'x.Azure',
      'Azure_',
      'Azure@example.org',
      'https://github.com/Azure/sdk',
      'github.com/Azure/sdk',
      'docs//Azure',
      'Azure.com',
      'api.Azure.net',
    ];
    for (const text of texts) expect(found(p, text), text).toEqual([]);
  });

  it('reads names separated by a slash in prose as two names', () => {
    expect(found(p, 'Azure/OVHcloud')).toEqual(['Azure', 'OVHcloud']);
    expect(found(p, 'we compared OVHcloud/Azure last year')).toEqual(['OVHcloud', 'Azure']);
  });

  it('accepts a hyphen or dot that does not follow a word', () => {
    expect(found(p, '- Azure')).toEqual(['Azure']);
    expect(found(p, '-Azure')).toEqual(['Azure']);
    expect(found(p, '...Azure')).toEqual(['Azure']);
    expect(found(p, '(.Azure)')).toEqual(['Azure']);
  });

  it('sees letters beyond the BMP as word characters, emoji as boundaries', () => {
    expect(found(p, '\u{1d400}Azure')).toEqual([]);
    expect(found(p, 'Azure\u{1d400}')).toEqual([]);
    expect(found(p, '☁️Azure🚀')).toEqual(['Azure']);
  });
});

describe('case rules', () => {
  it('matches short names (≤ 4 letters) with their exact case', () => {
    const p = [strong('aws', 'AWS'), strong('ovh', 'OVH'), strong('gcp', 'GCP'), strong('s3ns', 'S3NS'), strong('r2', 'R2')];
    expect(found(p, 'AWS, OVH, GCP, S3NS, R2')).toEqual(['AWS', 'OVH', 'GCP', 'S3NS', 'R2']);
    expect(found(p, 'aws, Aws, ovh, Ovh, gcp, s3ns, S3ns, r2')).toEqual([]);
  });

  it('matches names without a lower-case letter with their exact case', () => {
    const p = [strong('stackit', 'STACKIT'), strong('ionos', 'IONOS'), strong('ionos', '1&1 IONOS')];
    expect(found(p, 'STACKIT and IONOS')).toEqual(['STACKIT', 'IONOS']);
    expect(found(p, 'Stackit, stackit, Ionos, ionos')).toEqual([]);
    expect(found(p, 'at 1&1 IONOS')).toEqual(['1&1 IONOS']);
  });

  it('needs the upper-case word initials of longer names, nothing else', () => {
    const p = [strong('clever-cloud', 'Clever Cloud')];
    expect(found(p, 'Clever Cloud')).toEqual(['Clever Cloud']);
    expect(found(p, 'CLEVER CLOUD')).toEqual(['CLEVER CLOUD']);
    expect(found(p, 'CleVER ClOUD')).toEqual(['CleVER ClOUD']);
    expect(found(p, 'clever cloud')).toEqual([]);
    expect(found(p, 'Clever cloud')).toEqual([]);
    expect(found(p, 'clever Cloud')).toEqual([]);
  });

  it('leaves lower-case initials free ("kDrive")', () => {
    const p = [strong('infomaniak', 'kDrive')];
    expect(found(p, 'kDrive, kdrive, KDrive, KDRIVE')).toEqual(['kDrive', 'kdrive', 'KDrive', 'KDRIVE']);
  });

  it('ignores the case of inner capitals ("NumSpot" ~ "Numspot")', () => {
    const p = [strong('numspot', 'NumSpot')];
    expect(found(p, 'NumSpot Numspot NUMSPOT')).toEqual(['NumSpot', 'Numspot', 'NUMSPOT']);
    expect(found(p, 'numspot')).toEqual([]);
  });

  it('folds accents both ways', () => {
    expect(found([strong('c', 'Côte Cloud')], 'Cote Cloud, CÔTE CLOUD, Côté Cloud')).toEqual(['Cote Cloud', 'CÔTE CLOUD', 'Côté Cloud']);
    expect(found([strong('c', 'Cote Cloud')], 'Côte Cloud')).toEqual(['Côte Cloud']);
    expect(found([strong('c', 'Éole')], 'Eole, éole')).toEqual(['Eole']);
  });

  it('folds typographic apostrophes and hyphens', () => {
    expect(found([strong('a', "L'Hébergeur")], 'chez L’Hébergeur')).toEqual(['L’Hébergeur']);
    expect(found([strong('t', 'T-Systems')], 'T\u2011Systems')).toEqual(['T\u2011Systems']);
  });
});

describe('whitespace', () => {
  const p = [strong('azure', 'Microsoft Azure'), strong('m', 'Microsoft')];

  it('matches any run of whitespace for one space', () => {
    for (const text of ['Microsoft Azure', 'Microsoft\u00a0Azure', 'Microsoft\n      Azure', 'Microsoft\t\u202fAzure', 'Microsoft\r\nAzure']) {
      expect(compileMatcher(p).find(text), JSON.stringify(text)).toEqual([{ id: 'azure', start: 0, end: text.length, weak: false }]);
    }
  });

  it('works the same in the sparse part of the automaton', () => {
    const m = compileMatcher([strong('a', 'Clever Cloud Services'), strong('b', 'Cloud Services')], { denseCells: 1 });
    expect(m.find('Clever  \n Cloud   Services')).toEqual([{ id: 'a', start: 0, end: 26, weak: false }]);
    expect(m.find('Clever Cloud  Services')).toEqual([{ id: 'a', start: 0, end: 22, weak: false }]);
  });

  it('does not match across other characters', () => {
    expect(ids(p, 'Microsoft - Azure')).toEqual(['m']);
    expect(ids(p, 'MicrosoftAzure')).toEqual([]);
  });

  it('normalises whitespace inside and around aliases', () => {
    expect(found([strong('a', '  Microsoft \n Azure ')], 'Microsoft Azure')).toEqual(['Microsoft Azure']);
  });
});

describe('weak aliases and contexts', () => {
  const azure = weak('azure', 'Azure', 'Microsoft', 'cloud', 'héberg*', 'Azure AD');

  it('count only with a context word within 80 characters', () => {
    expect(ids([azure], 'the Azure sky')).toEqual([]);
    expect(ids([azure], 'Azure is a cloud')).toEqual(['azure']);
    expect(ids([azure], 'cloud: Azure')).toEqual(['azure']);
    expect(compileMatcher([azure]).find('Azure is a cloud')[0]!.weak).toBe(true);
  });

  it('measure the window from the edges of the term', () => {
    const gap = (n: number) => 'x'.repeat(n - 2).padStart(n - 1, ' ') + ' ';
    expect(gap(80).length).toBe(80);
    expect(ids([azure], 'Azure' + gap(80) + 'cloud')).toEqual(['azure']);
    expect(ids([azure], 'Azure' + gap(81) + 'cloud')).toEqual([]);
    expect(ids([azure], 'cloud' + gap(80) + 'Azure')).toEqual(['azure']);
    expect(ids([azure], 'cloud' + gap(81) + 'Azure')).toEqual([]);
  });

  it('match contexts folded and case-insensitively, at word boundaries', () => {
    expect(ids([azure], 'Azure and MICROSOFT')).toEqual(['azure']);
    expect(ids([azure], 'Azure, CLOUD')).toEqual(['azure']);
    expect(ids([azure], 'Azure, cloudy')).toEqual([]);
    expect(ids([azure], 'Azure, soundcloud')).toEqual([]);
  });

  it('treat a trailing * as a word prefix', () => {
    for (const text of ['Azure, hébergé', 'Azure, hébergement', 'Azure HEBERGEUR', 'héberger sur Azure', 'Azure, héberg']) expect(ids([azure], text), text).toEqual(['azure']);
    expect(ids([azure], 'Azure, préhébergé')).toEqual([]);
  });

  it('accept a context that contains the term', () => {
    expect(ids([azure], 'Azure AD')).toEqual(['azure']);
  });

  it('still need their own case rule and boundaries', () => {
    expect(ids([azure], 'azure cloud')).toEqual([]);
    expect(ids([azure], 'my-Azure cloud')).toEqual([]);
  });

  it('are dropped when no context entry is usable', () => {
    const m = compileMatcher([{ id: 'x', aliases: [], weakAliases: [{ term: 'Azure', context: ['', '  ', '*', '-'] }] }]);
    expect(m.patternCount).toBe(0);
    expect(m.find('Azure - cloud')).toEqual([]);
  });

  it('share context words between providers', () => {
    const p = [weak('amazon', 'Amazon', 'cloud', 'héberg*'), weak('google', 'Google', 'cloud', 'héberg*')];
    expect(ids(p, 'Amazon and Google host our cloud')).toEqual(['amazon', 'google']);
    expect(ids(p, 'buy it on Amazon, search it on Google')).toEqual([]);
  });

  // How long it takes is measured in bench/matcher.bench.ts; here, that every
  // one of many dense weak mentions keeps its own context.
  it('find every mention in text full of terms and contexts', () => {
    const text = 'Azure cloud '.repeat(20_000);
    const found = compileMatcher([azure]).find(text);
    expect(found).toHaveLength(20_000);
    expect(found[19_999]).toMatchObject({ start: 12 * 19_999, end: 12 * 19_999 + 5 });
  });
});

describe('overlaps', () => {
  it('prefers the longest of matches starting at the same place', () => {
    const p = [weak('azure', 'Microsoft', 'cloud'), weak('azure', 'Azure', 'cloud'), strong('azure', 'Microsoft Azure')];
    expect(found(p, 'Microsoft Azure cloud')).toEqual(['Microsoft Azure']);
  });

  it('prefers the leftmost match', () => {
    const p = [strong('a', 'Web Services'), strong('b', 'Amazon Web')];
    expect(found(p, 'Amazon Web Services')).toEqual(['Amazon Web']);
  });

  it('lets a longer strong alias beat a weak one of another provider ("Microsoft Teams")', () => {
    const p = [weak('microsoft-azure', 'Microsoft', 'cloud'), strong('microsoft-365', 'Microsoft Teams')];
    expect(compileMatcher(p).find('Microsoft Teams in the cloud')).toEqual([{ id: 'microsoft-365', start: 0, end: 15, weak: false }]);
  });

  it('drops weak aliases without context before resolving overlaps', () => {
    const p = [weak('b', 'Amazon Web', 'shop'), strong('a', 'Web Services')];
    expect(ids(p, 'Amazon Web Services')).toEqual(['a']);
    expect(ids(p, 'Amazon Web Services shop')).toEqual(['b']);
  });

  it('gives an alias listed twice to the first provider in input order', () => {
    expect(ids([strong('custom', 'Azure'), strong('microsoft-azure', 'Azure')], 'Azure')).toEqual(['custom']);
    expect(ids([strong('microsoft-azure', 'Azure'), strong('custom', 'Azure')], 'Azure')).toEqual(['microsoft-azure']);
    expect(ids([weak('custom', 'Azure', 'cloud'), strong('microsoft-azure', 'Azure')], 'Azure cloud')).toEqual(['custom']);
  });

  it('keeps adjacent matches', () => {
    expect(found([strong('a', 'AWS'), strong('o', 'OVH')], 'AWS OVH')).toEqual(['AWS', 'OVH']);
  });
});

describe('robustness', () => {
  it('skips empty and invalid aliases without throwing', () => {
    const bad = [
      { id: 'x', aliases: ['', '   ', '\n', '-', '***', null, 42, undefined] as unknown as string[], weakAliases: [{ term: '', context: ['cloud'] }, null, { term: 'Azure', context: null }] as never },
      { id: 'y', aliases: null as unknown as string[], weakAliases: undefined as never },
      null as never,
    ];
    const m = compileMatcher(bad);
    expect(m.patternCount).toBe(0);
    expect(m.find('- *** Azure cloud')).toEqual([]);
  });

  it('does not throw on lone surrogates, NUL and control characters', () => {
    const m = compileMatcher([strong('a', 'AWS'), weak('b', 'Azure', 'cloud')]);
    expect(m.find('\ud800AWS\udc00 \u0000 Azure\ud83d cloud\udfff')).toEqual([
      { id: 'a', start: 1, end: 4, weak: false },
      { id: 'b', start: 8, end: 13, weak: true },
    ]);
  });

  it('compiles aliases that use (almost) every BMP code unit', () => {
    const aliases: string[] = [];
    for (let from = 0x21; from < 0x10000; from += 1000) {
      let a = 'Z';
      for (let c = from; c < Math.min(from + 1000, 0x10000); c++) a += String.fromCharCode(c);
      aliases.push(a);
    }
    const m = compileMatcher([{ id: 'all', aliases: [...aliases, 'AWS'], weakAliases: [] }]);
    expect(m.find('on AWS today')).toEqual([{ id: 'all', start: 3, end: 6, weak: false }]);
  });

  it('returns [] for non-strings', () => {
    expect(compileMatcher([strong('a', 'AWS')]).find(null as unknown as string)).toEqual([]);
  });

  it('never throws on arbitrary text', () => {
    const m = compileMatcher([strong('a', 'AWS'), strong('c', 'Côte Cloud'), weak('b', 'Azure', 'cloud', 'héberg*')]);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const found = m.find(s);
        for (const x of found) expect(x.start >= 0 && x.start < x.end && x.end <= s.length).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('mentionsToIds', () => {
  it('lists distinct ids in first-seen order', () => {
    const m = (id: string): Mention => ({ id, start: 0, end: 1, weak: false });
    expect(mentionsToIds([m('b'), m('a'), m('b'), m('c'), m('a')])).toEqual(['b', 'a', 'c']);
    expect(mentionsToIds([])).toEqual([]);
  });
});

describe('snippetAround', () => {
  const text = 'Depuis 2019, le Health Data Hub est hébergé sur Microsoft Azure, ce qui inquiète la CNIL et de nombreux médecins en France.';
  const start = text.indexOf('Microsoft Azure');
  const mention = { start, end: start + 'Microsoft Azure'.length };

  it('returns the whole text when it is short', () => {
    expect(snippetAround(text, mention, 500)).toBe(text);
  });

  it('cuts at word boundaries with an ellipsis', () => {
    // 18 units before the mention fall inside "Hub", 18 after inside "la".
    expect(snippetAround(text, mention, 18)).toBe('…est hébergé sur Microsoft Azure, ce qui inquiète…');
    // Cuts that already fall on spaces stay where they are.
    expect(snippetAround(text, mention, 20)).toBe('…Hub est hébergé sur Microsoft Azure, ce qui inquiète la…');
  });

  it('collapses whitespace', () => {
    expect(snippetAround('a\n\n  Microsoft\tAzure   b', { start: 5, end: 20 }, 60)).toBe('a Microsoft Azure b');
  });

  it('cuts hard inside very long words and never splits a surrogate pair', () => {
    const long = '😀'.repeat(50) + 'AWS' + '😀'.repeat(50);
    const s = snippetAround(long, { start: 100, end: 103 }, 7);
    expect(s.startsWith('…') && s.endsWith('…') && s.includes('AWS')).toBe(true);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s)).toBe(false);
  });

  it('clamps offsets outside the text', () => {
    expect(snippetAround('AWS', { start: -5, end: 99 })).toBe('AWS');
  });
});

describe('property: the automaton agrees with the reference matcher', () => {
  const words = ['Azure', 'Microsoft', 'Microsoft Azure', 'AWS', 'S3', 'S3NS', 'Clever Cloud', 'kDrive', 'NumSpot', 'Côte', 'OVHcloud', 'cloud', 'héberg', 'Amazon Web Services', 'Web', 'Teams', 'Microsoft Teams', 'Ab', 'ab ab', 'aba', 'é', 'Éa', "d'Azure", 'T-Systems', 'Rapid.Space', '1&1 IONOS'];
  const word = fc.constantFrom(...words);
  const variant = fc.tuple(word, fc.constantFrom('same', 'same', 'upper', 'lower', 'strip', 'title', 'spaced')).map(([w, how]) => {
    switch (how) {
      case 'spaced':
        return w.replace(/ /g, ' \n\u00a0 ');
      case 'upper':
        return w.toUpperCase();
      case 'lower':
        return w.toLowerCase();
      case 'strip':
        return w.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      case 'title':
        return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
      default:
        return w;
    }
  });
  const punct = fc.constantFrom(' ', ' ', '  ', '\n  ', '\u00a0', "'", '’', '«', '»', '.', '. ', ',', '-', '/', '\\', '@', '#', '=', '~', '$', '%', '_', 'x', '1', 'é', 'É', '\u0301', '😀', '\u{1d400}', '\ud800', '(', ')');
  const url = fc.constantFrom('https://', 'www.', '.com', '.net/', '?q=', 'mailto:', 'C:\\');
  const filler = fc.integer({ min: 1, max: 90 }).map((n) => 'x'.repeat(n) + ' ');
  const separator = fc.constantFrom(' ', ' ', ' ', '  ', '\n  ', ', ', '. ', "'", '’', ' « ', ' » ', '-', '.', '/', '@', '_', '', 'é', '\u00a0');
  const fragment = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(variant, separator).map(([w, sep]) => w + sep) },
    { weight: 3, arbitrary: punct },
    { weight: 1, arbitrary: url },
    { weight: 1, arbitrary: filler },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
  );
  const text = fc.array(fragment, { minLength: 4, maxLength: 40, size: 'medium' }).map((parts) => parts.join(''));
  const alias = fc.oneof({ weight: 8, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom('', '  ', '-', ' Azure ', 'a') }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) });
  const contextEntry = fc.oneof(word, word.map((w) => w + '*'), fc.constantFrom('', '*', 'héberg*', 'x'));
  const provider = fc.record({
    id: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
    aliases: fc.array(alias, { minLength: 1, maxLength: 4 }),
    weakAliases: fc.array(fc.record({ term: alias, context: fc.array(contextEntry, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 3 }),
  });
  const providers = fc.array(provider, { minLength: 1, maxLength: 5 });

  it('on random providers and texts (dense automaton)', () => {
    fc.assert(
      fc.property(providers, text, (ps, t) => {
        expect(compileMatcher(ps).find(t)).toEqual(referenceFind(ps, t));
      }),
      { numRuns: 600 },
    );
  });

  it('on random providers and texts (mostly sparse automaton)', () => {
    fc.assert(
      fc.property(providers, text, (ps, t) => {
        expect(compileMatcher(ps, { denseCells: 64 }).find(t)).toEqual(referenceFind(ps, t));
      }),
      { numRuns: 400 },
    );
  });

  it('on texts made of the aliases themselves', () => {
    fc.assert(
      fc.property(providers, fc.array(fc.oneof(variant, punct), { maxLength: 30 }), (ps, parts) => {
        const t = parts.join('');
        expect(compileMatcher(ps).find(t)).toEqual(referenceFind(ps, t));
      }),
      { numRuns: 300 },
    );
  });
});
