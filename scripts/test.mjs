// `npm test`: installs what is missing (as `npm start` does), then runs every
// test (`npm run test:all`). `npm test -- --unit` runs the type check and the
// unit tests only. Plain Node with no dependency: it runs before node_modules
// exists, so a fresh clone can start with it.
import { spawnSync } from 'node:child_process';
import { installHint, missingBrowsers } from './lib/browsers.mjs';
import { ensureInstalled } from './lib/install.mjs';

const unitOnly = process.argv.includes('--unit');
ensureInstalled();

const npmRun = (script) => {
  const r = spawnSync('npm', ['run', script], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (unitOnly) {
  npmRun('typecheck');
  npmRun('test:unit');
} else {
  // Say it now rather than after the builds: the browser tests need both.
  const missing = missingBrowsers(['chromium', 'firefox']);
  if (missing.length > 0) {
    console.error(installHint(missing));
    process.exit(1);
  }
  npmRun('test:all');
}
