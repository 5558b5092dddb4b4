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

export function runMatcherBench(): MatcherBench {
  const text = generateText(7 * 1024 * 1024);
  const textMB = text.length / (1024 * 1024);
  const floorMs = time(() => text.toLowerCase());
  const bundled = bundledDataset().providers;
  const rows: MatcherBench['rows'] = [];
  for (const total of [50, 500, 5000]) {
    const providers = [...bundled, ...generatedProviders(Math.max(0, total - bundled.length))].slice(0, Math.max(total, 1));
    const aliasCount = providers.reduce((n, p) => n + p.aliases.length + p.weakAliases.length, 0);
    const matcher = compileMatcher(providers);
    const matcherMs = time(() => matcher.find(text));
    const aliases = providers.flatMap((p) => p.aliases);
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
