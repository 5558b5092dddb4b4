// `npm run bench`: prints the benchmark tables and writes bench/results.json.
// Every figure is a ratio measured in the same run, on this machine.
import { writeFileSync } from 'node:fs';
import { runMatcherBench } from './matcher.bench';

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };

const m = runMatcherBench();
results.matcher = m;
console.log(`\nMatcher on ${m.textMB.toFixed(1)} MB of generated EN/FR text (floor: toLowerCase ${m.floorMs.toFixed(1)} ms)`);
console.table(
  m.rows.map((r) => ({
    aliases: r.aliases,
    'matcher ms': r.matcherMs.toFixed(1),
    'MB/s': r.mbPerS.toFixed(0),
    '× floor (target ≤ 3)': r.vsFloor.toFixed(2),
    'naive ms': r.naiveMs.toFixed(0),
    'naive ÷ matcher (target ≥ 50)': r.naiveVsMatcher.toFixed(0),
  })),
);
console.log(`Growth from the smallest to the largest alias set: ${m.growth50to5000.toFixed(2)}× (target ≤ 2)`);

writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2));
console.log('\nbench/results.json written');
