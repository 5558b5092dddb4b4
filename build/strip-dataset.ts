// The content script runs on every page: it only needs what matching needs.
// This keeps names, reasons and sources (most of providers.json) out of it,
// and stores each context word once (weak aliases refer to it by index).
// src/content/match-data.ts reads both this form and the full one.
import type { Plugin } from 'vite';

interface Weak {
  term: string;
  context: string[];
}
interface Entry {
  id: string;
  aliases: string[];
  weakAliases: Weak[];
}

/** Separators of the packed text; a name that contains one is refused at build time. */
export const SEP = { provider: '\n', field: '\t', item: '|', weak: '~', context: ':', word: ',' } as const;

/** The separators each kind of text must not contain. */
const FORBIDDEN = {
  id: [SEP.provider, SEP.field],
  alias: [SEP.provider, SEP.field, SEP.item],
  'weak alias': [SEP.provider, SEP.field, SEP.weak, SEP.context],
  'context word': [SEP.word],
} as const;

function checked(s: string, what: keyof typeof FORBIDDEN): string {
  for (const c of FORBIDDEN[what]) if (s.includes(c)) throw new Error(`strip-dataset: ${what} ${JSON.stringify(s)} contains the separator ${JSON.stringify(c)}`);
  return s;
}

/**
 * One text line per provider, `id<TAB>alias|alias<TAB>term:1,2~term:3`, with
 * each context word stored once in `words` and referred to by index: a third
 * of the size of the same data as object literals.
 */
export function stripDataset(data: { version: string; providers: Entry[] }) {
  const words: string[] = [];
  const index = new Map<string, number>();
  const ref = (w: string) => {
    let i = index.get(w);
    if (i === undefined) {
      i = words.length;
      words.push(checked(w, 'context word'));
      index.set(w, i);
    }
    return i;
  };
  const packed = data.providers
    .map((p) =>
      [
        checked(p.id, 'id'),
        p.aliases.map((a) => checked(a, 'alias')).join(SEP.item),
        p.weakAliases.map((w) => `${checked(w.term, 'weak alias')}${SEP.context}${w.context.map(ref).join(SEP.word)}`).join(SEP.weak),
      ].join(SEP.field),
    )
    .join(SEP.provider);
  return { version: data.version, words: words.join(SEP.word), packed };
}

export function stripDatasetForContent(): Plugin {
  return {
    name: 'sovereignty-lens:strip-dataset',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\?.*$/, '').endsWith('/src/data/providers.json')) return null;
      // Still JSON: Vite's JSON plugin turns it into a module after us.
      return { code: JSON.stringify(stripDataset(JSON.parse(code))), map: null };
    },
  };
}
