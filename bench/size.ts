// Size of what ships: the content script (it runs on every page) and the whole
// unpacked extension. `npx tsx bench/size.ts --check` exits 1 over budget (CI).
// Reads dist/ or $SL_DIST (or `--dist <dir>`); run `npm run build` first.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Bytes (decimal kB/MB, as size-limit and the stores count). */
export const BUDGET = {
  /** Minified, including the compiled dataset (custom providers load from storage). */
  contentScript: 40_000,
  /** Every file of the unpacked dist/. */
  total: 1_500_000,
};

export interface SizeReport {
  dist: string;
  contentScript: { file: string; bytes: number; gzip: number; budget: number; pass: boolean };
  total: { bytes: number; files: number; budget: number; pass: boolean };
  largest: { file: string; bytes: number }[];
  pass: boolean;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

export function sizeReport(dist = resolve(process.env.SL_DIST ?? 'dist')): SizeReport {
  const manifestPath = join(dist, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run \`npm run build\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const scripts = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  if (scripts.length !== 1) throw new Error(`expected one content script in the manifest, found ${scripts.length}`);
  const code = readFileSync(join(dist, scripts[0]!));
  const all = files(dist).map((f) => ({ file: relative(dist, f), bytes: statSync(f).size }));
  const total = all.reduce((n, f) => n + f.bytes, 0);
  const contentScript = { file: scripts[0]!, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length, budget: BUDGET.contentScript, pass: code.length <= BUDGET.contentScript };
  const totals = { bytes: total, files: all.length, budget: BUDGET.total, pass: total <= BUDGET.total };
  return { dist, contentScript, total: totals, largest: all.sort((a, b) => b.bytes - a.bytes).slice(0, 5), pass: contentScript.pass && totals.pass };
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;

export function printSize(r: SizeReport): void {
  const c = r.contentScript;
  console.log(`Content script ${c.file}: ${kb(c.bytes)} minified (${c.bytes} B), ${kb(c.gzip)} gzip — budget ${kb(c.budget)} minified: ${c.pass ? 'pass' : 'MISS'}`);
  console.log(`Unpacked extension ${r.dist}: ${kb(r.total.bytes)} in ${r.total.files} files — budget ${kb(r.total.budget)}: ${r.total.pass ? 'pass' : 'MISS'}`);
  console.log(`Largest files: ${r.largest.map((f) => `${f.file} ${kb(f.bytes)}`).join(', ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--dist');
  try {
    const r = sizeReport(i > 0 ? resolve(process.argv[i + 1]!) : undefined);
    printSize(r);
    if (process.argv.includes('--check') && !r.pass) {
      console.error('Over the size budget (bench/size.ts).');
      process.exit(1);
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
