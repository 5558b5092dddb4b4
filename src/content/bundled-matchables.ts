// The bundled providers as the content script sees them (see build/strip-dataset.ts).
import bundled from '../data/providers.json';
import type { MatchableEntry } from '../shared/storage-peek';

interface Stripped {
  words?: string[];
  providers: { id: string; aliases: string[]; weakAliases: { term: string; context: (string | number)[] }[] }[];
}

/** The bundled providers as matchable entries, from the stripped form (context words by index) or the full one. */
export function bundledMatchables(data: Stripped = bundled as Stripped): MatchableEntry[] {
  const words = data.words ?? [];
  return data.providers.map((p) => ({
    id: p.id,
    aliases: p.aliases,
    weakAliases: p.weakAliases.map((w) => ({ term: w.term, context: w.context.map((c) => (typeof c === 'number' ? (words[c] ?? '') : c)) })),
  }));
}
