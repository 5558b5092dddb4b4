// Writes src/data/providers.json from the per-provider files (npm run data:bundle).
import { readFileSync, writeFileSync } from 'node:fs';
import { assembleBundle, BUNDLE_PATH } from './dataset-files';

const { text, problems } = assembleBundle();
if (problems.length > 0) {
  console.error('The dataset files are inconsistent; src/data/providers.json not written:');
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
let before = '';
try {
  before = readFileSync(BUNDLE_PATH, 'utf8');
} catch {
  // First bundle.
}
if (before !== text) writeFileSync(BUNDLE_PATH, text);
console.log(before === text ? 'src/data/providers.json is up to date' : 'src/data/providers.json written');
