// `npm run audit -- <url | file>…`: installs and builds what is missing, then
// runs the audit (scripts/audit/main.ts) with the extension built from this
// checkout. Plain Node, so that it works on a fresh clone.
import { spawnSync } from 'node:child_process';
import { browserPath, installHint, missingBrowsers } from './lib/browsers.mjs';
import { buildQuietly } from './lib/build.mjs';
import { ensureInstalled } from './lib/install.mjs';

const args = process.argv.slice(2);
const help = args.includes('-h') || args.includes('--help');
if (!help) {
  const missing = missingBrowsers(['chromium']);
  if (missing.length > 0) {
    console.error(installHint(missing));
    process.exit(2);
  }
}
ensureInstalled();
// Always rebuilt (a few seconds): the audit runs the extension of this checkout, not an older dist/.
if (!help && !process.env.SL_DIST) buildQuietly();
const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit/main.ts', ...args], { stdio: 'inherit', env: { ...process.env, CHROMIUM: browserPath('chromium') } });
process.exit(r.status ?? 2);
