// The bundled providers as the content script sees them: the packed text of
// build/strip-dataset.ts in the build, the full JSON in unit tests.
import bundled from '../data/providers.json';
import type { MatchableEntry } from '../shared/storage-peek';

interface Packed {
  words: string;
  packed: string;
}

const list = (s: string | undefined, sep: string) => (s ? s.split(sep) : []);

export function bundledMatchables(data: Packed | { providers: MatchableEntry[] } = bundled as unknown as Packed): MatchableEntry[] {
  if (!('packed' in data)) return data.providers.map((p) => ({ id: p.id, aliases: p.aliases, weakAliases: p.weakAliases }));
  const words = data.words.split(',');
  return data.packed.split('\n').map((line) => {
    const [id = '', aliases, weak] = line.split('\t');
    return {
      id,
      aliases: list(aliases, '|'),
      weakAliases: list(weak, '~').map((w) => {
        const [term = '', context] = w.split(':');
        return { term, context: list(context, ',').map((i) => words[+i] ?? '') };
      }),
    };
  });
}
