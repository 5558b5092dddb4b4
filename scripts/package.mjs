// `npm run package`: store-ready zips of both builds and a source zip that
// reproduces them (git-tracked files). The version comes from package.json only.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const run = (args) => {
  const r = spawnSync('npm', ['run', ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(['build']);
run(['build:firefox']);

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile())
    .sort();
}

function zip(files, root, out) {
  // Fixed timestamps keep the zips reproducible.
  const entries = Object.fromEntries(files.map((f) => [relative(root, f), [readFileSync(f), { mtime: new Date('2026-01-01T00:00:00Z') }]]));
  writeFileSync(out, zipSync(entries, { level: 9 }));
  console.log(`${out} (${files.length} files, ${(statSync(out).size / 1024).toFixed(1)} KiB)`);
}

mkdirSync('artifacts', { recursive: true });
zip(filesUnder('dist'), 'dist', `artifacts/sovereignty-lens-chrome-${version}.zip`);
zip(filesUnder('dist-firefox'), 'dist-firefox', `artifacts/sovereignty-lens-firefox-${version}.zip`);
const tracked = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
zip(tracked, '.', `artifacts/sovereignty-lens-source-${version}.zip`);
