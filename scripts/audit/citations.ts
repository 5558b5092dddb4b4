// Numbers each distinct source once, in order of first citation, so a table
// can cite "[3]" and list the sources once below it. Only https sources are
// cited (the dataset allows nothing else; this never lets another scheme through).
import type { Source } from '../../src/data/schema';
import { safeHttpsUrl } from '../../src/ui/format';

export class Citations {
  readonly list: Source[] = [];
  private readonly index = new Map<string, number>();

  cite(sources: readonly Source[]): number[] {
    const refs: number[] = [];
    for (const s of sources) {
      const url = safeHttpsUrl(s.url);
      if (!url) continue;
      let n = this.index.get(url);
      if (n === undefined) {
        this.list.push({ ...s, url });
        n = this.list.length;
        this.index.set(url, n);
      }
      if (!refs.includes(n)) refs.push(n);
    }
    return refs;
  }
}

/** "[1][3]" in ascending order, or '' without sources. */
export const refsText = (refs: readonly number[]) =>
  [...refs]
    .sort((a, b) => a - b)
    .map((n) => `[${n}]`)
    .join('');
