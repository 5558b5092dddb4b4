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

export function stripDataset(data: { version: string; providers: Entry[] }) {
  const words: string[] = [];
  const index = new Map<string, number>();
  const ref = (w: string) => {
    let i = index.get(w);
    if (i === undefined) {
      i = words.length;
      words.push(w);
      index.set(w, i);
    }
    return i;
  };
  const providers = data.providers.map((p) => ({
    id: p.id,
    aliases: p.aliases,
    weakAliases: p.weakAliases.map((w) => ({ term: w.term, context: w.context.map(ref) })),
  }));
  return { version: data.version, words, providers };
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
