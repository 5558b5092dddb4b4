// Runs the browser tests (node:test) against the built extension.
// `--long` also runs the long hostile-page tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

if (!existsSync(`${process.env.SL_DIST ?? 'dist'}/manifest.json`)) {
  console.error('dist/ is missing: run `npm run build` first (npm test does).');
  process.exit(1);
}
const files = readdirSync('test/e2e').filter((f) => f.endsWith('.e2e.ts')).sort().map((f) => `test/e2e/${f}`);
const env = process.argv.includes('--long') ? { ...process.env, SL_LONG: '1' } : process.env;
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
