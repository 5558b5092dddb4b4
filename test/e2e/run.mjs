// Runs the browser tests (node:test) against the built extension: every
// test/e2e/*.e2e.ts, or the files named (`npm run test:e2e -- test/e2e/x.e2e.ts`).
// `--long` also runs the long hostile-page tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { installHint, missingBrowsers } from '../../scripts/lib/browsers.mjs';

if (!existsSync(`${process.env.SL_DIST ?? 'dist'}/manifest.json`)) {
  console.error('dist/ is missing: run `npm run build` first (npm test does).');
  process.exit(1);
}
const named = process.argv.slice(2).filter((a) => a.endsWith('.e2e.ts'));
const files = named.length > 0 ? named : readdirSync('test/e2e').filter((f) => f.endsWith('.e2e.ts')).sort().map((f) => `test/e2e/${f}`);
const browsers = missingBrowsers(files.some((f) => f.includes('firefox')) ? ['chromium', 'firefox'] : ['chromium']);
if (browsers.length > 0) {
  console.error(installHint(browsers));
  process.exit(1);
}
const env = process.argv.includes('--long') ? { ...process.env, SL_LONG: '1' } : process.env;
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
