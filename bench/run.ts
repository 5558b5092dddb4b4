// `npm run bench`: prints the benchmark tables and writes bench/results.json.
// Every figure is a ratio measured in the same run, on this machine.
//   1. the matcher in Node, 2. the size report, 3. the browser benches
//      (built extension in headless /usr/bin/chromium; skipped with a message
//      when the browser or dist/manifest.json is missing).
// `--only=matcher,ip,size,browser` runs a subset; the sections it skips keep
// their previous figures in results.json (each section carries its date).
// The browser benches use dist/ (run `npm run build` first) or $SL_DIST.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runIpLookupBench } from './ip-lookup.bench';
import { runMatcherBench } from './matcher.bench';
import { printSize, sizeReport } from './size';

type Row = { section: string; figure: string; value: string; target: string; status: string };

/** Left-aligned text table (console.table quotes every string). */
function printTable(rows: Record<string, string>[]): void {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((v, i) => v.padEnd(width[i]!)).join('  ').trimEnd();
  console.log(line(cols));
  console.log(line(width.map((w) => '─'.repeat(w))));
  for (const r of rows) console.log(line(cols.map((c) => r[c] ?? '')));
}

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const wants = (s: string) => !only || only.includes(s);
const resultsUrl = new URL('./results.json', import.meta.url);
const previous: Record<string, unknown> = only && existsSync(resultsUrl) ? JSON.parse(readFileSync(resultsUrl, 'utf8')) : {};
const results: Record<string, unknown> = { ...previous, date: new Date().toISOString(), node: process.version };
const started = performance.now();
const stamp = () => new Date().toISOString();

// 1. Matcher in Node.
if (wants('matcher')) {
  const m = runMatcherBench();
  results.matcher = { date: stamp(), ...m };
  console.log(`\n## Matcher in Node, ${m.textMB.toFixed(1)} MB of generated EN/FR text (floor: one toLowerCase pass, ${m.floorMs.toFixed(1)} ms)\n`);
  printTable(
    m.rows.map((r) => ({
      aliases: String(r.aliases),
      'matcher ms': r.matcherMs.toFixed(1),
      'MB/s': r.mbPerS.toFixed(0),
      '× floor': r.vsFloor.toFixed(2),
      'target ≤ 3×': r.vsFloor <= 3 ? 'pass' : 'MISS',
      'naive ms': r.naiveMs.toFixed(0),
      'naive ÷ matcher': r.naiveVsMatcher.toFixed(0),
      'target ≥ 50×': r.naiveVsMatcher >= 50 ? 'pass' : 'MISS',
    })),
  );
  console.log(`\nGrowth from the smallest to the largest alias set: ${m.growth50to5000.toFixed(2)}× (target ≤ 2×): ${m.growth50to5000 <= 2 ? 'pass' : 'MISS'}`);
}

// 1b. IP → provider lookup (hosting detection).
if (wants('ip')) {
  const ip = runIpLookupBench();
  results.ipLookup = { date: stamp(), ...ip };
  console.log(`\n## IP → provider lookup (hosting detection)\n`);
  console.log(`${ip.nsPerLookup.toFixed(0)} ns per lookup over ${ip.lookups} mixed IPv4/IPv6 addresses (${ip.hits} of 100000 in a listed network); target ≤ 1 µs: ${ip.nsPerLookup <= 1000 ? 'pass' : 'MISS'}. Table ${(ip.tableBytes / 1000).toFixed(0)} kB, decoded in ${ip.compileMs.toFixed(1)} ms.`);
}

// 2. Size.
const dist = resolve(process.env.SL_DIST ?? 'dist');
if (wants('size')) {
  console.log('\n## Size\n');
  try {
    const s = sizeReport(dist);
    printSize(s);
    results.size = { date: stamp(), ...s };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    console.log(`Skipped: ${reason}`);
    results.size = { date: stamp(), skipped: reason };
  }
}

// 3. Browser.
if (wants('browser')) {
  console.log('\n## Browser (headless Chromium, built extension)\n');
  const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
  const missing = !existsSync(chromium) ? `${chromium} is missing (apt-get install chromium)` : !existsSync(join(dist, 'manifest.json')) ? `${join(dist, 'manifest.json')} is missing (run \`npm run build\` first)` : null;
  if (missing) {
    console.log(`Skipped: ${missing}.`);
    results.browser = { date: stamp(), skipped: missing };
  } else {
    // The e2e support module reads SL_DIST when it is imported.
    process.env.SL_DIST = dist;
    const { runBrowserBench } = await import('./browser.bench');
    const b = await runBrowserBench((s) => console.log(s));
    console.log('');
    let section = '';
    printTable(
      b.rows.map((r: Row) => {
        const row = { section: r.section === section ? '' : r.section, figure: r.figure, measured: r.value, target: r.target, result: r.status };
        section = r.section;
        return row;
      }),
    );
    const top = (b.details.largeProfiled as { cpu: { top: { fn: string; ms: number; where: string }[] } }).cpu.top;
    console.log('\nLarge page, full scan: top self time among the extension samples');
    printTable(top.map((t) => ({ ms: t.ms.toFixed(1), function: t.fn, code: t.where })));
    const misses = b.rows.filter((r: Row) => r.status === 'MISS');
    console.log(misses.length ? `\n${misses.length} browser target(s) missed: see bench/README.md for causes.` : '\nEvery browser target met.');
    results.browser = { date: stamp(), ...b };
  }
}

writeFileSync(resultsUrl, JSON.stringify(results, null, 2) + '\n');
console.log(`\nbench/results.json written (${((performance.now() - started) / 1000).toFixed(0)} s)`);
