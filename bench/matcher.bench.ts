// Matcher throughput in Node against (a) the floor, one lower-casing pass over
// the same text, and (b) the naive approach, one RegExp per alias in a loop.
import { compileMatcher } from '../src/core/matcher';
import { bundledDataset } from '../src/data/load';
import { generatedProviders, generateText } from './text-gen';

function time(fn: () => unknown, runs = 5): number {
  fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface MatcherBench {
  textMB: number;
  floorMs: number;
  rows: { aliases: number; matcherMs: number; mbPerS: number; vsFloor: number; naiveMs: number; naiveVsMatcher: number }[];
  growth50to5000: number;
}

/** The three dataset sizes, counted in aliases (strong names and weak terms). */
export const ALIAS_COUNTS = [50, 500, 5000] as const;

type Matchable = { id: string; aliases: string[]; weakAliases: { term: string; context: string[] }[] };

/**
 * Exactly `count` aliases: the bundled providers first (in dataset order, the
 * last one cut to fit), then generated custom providers, as an organisation
 * with a long vendor list would have.
 */
export function withAliasCount(bundled: readonly Matchable[], count: number): Matchable[] {
  const out: Matchable[] = [];
  let left = count;
  for (const p of [...bundled, ...generatedProviders(count)]) {
    if (left <= 0) break;
    const weak = p.weakAliases.length <= left - 1 ? p.weakAliases : [];
    const aliases = p.aliases.slice(0, Math.max(0, left - weak.length));
    if (aliases.length + weak.length === 0) continue;
    out.push({ id: p.id, aliases, weakAliases: weak });
    left -= aliases.length + weak.length;
  }
  return out;
}

export function runMatcherBench(): MatcherBench {
  // Some vendors of the largest list are named in the text too, so a bigger
  // dataset also means more matches, as it would for an organisation.
  const vendorNames = generatedProviders(ALIAS_COUNTS[2]).flatMap((p, i) => (i % 100 === 0 ? p.aliases : []));
  const text = generateText(7 * 1024 * 1024, 42, vendorNames);
  const textMB = text.length / (1024 * 1024);
  const floorMs = time(() => text.toLowerCase());
  const bundled = bundledDataset().providers;
  const rows: MatcherBench['rows'] = [];
  for (const total of ALIAS_COUNTS) {
    const providers = withAliasCount(bundled, total);
    const aliasCount = providers.reduce((n, p) => n + p.aliases.length + p.weakAliases.length, 0);
    if (aliasCount !== total) throw new Error(`expected ${total} aliases, built ${aliasCount}`);
    const matcher = compileMatcher(providers);
    const matcherMs = time(() => matcher.find(text));
    const aliases = providers.flatMap((p) => [...p.aliases, ...p.weakAliases.map((w) => w.term)]);
    // The naive approach is very slow on 5,000 aliases: measure it on a slice and scale.
    const sample = text.slice(0, Math.min(text.length, total >= 500 ? 256 * 1024 : text.length));
    const regexes = aliases.map((a) => new RegExp(`(?<![\\p{L}\\p{N}_])${escape(a)}(?![\\p{L}\\p{N}_])`, 'giu'));
    const naiveSampleMs = time(() => {
      let n = 0;
      for (const re of regexes) {
        re.lastIndex = 0;
        while (re.exec(sample)) n++;
      }
      return n;
    }, total >= 500 ? 1 : 3);
    const naiveMs = naiveSampleMs * (text.length / sample.length);
    rows.push({ aliases: aliasCount, matcherMs, mbPerS: textMB / (matcherMs / 1000), vsFloor: matcherMs / floorMs, naiveMs, naiveVsMatcher: naiveMs / matcherMs });
  }
  return { textMB, floorMs, rows, growth50to5000: rows[2]!.matcherMs / rows[0]!.matcherMs };
}
