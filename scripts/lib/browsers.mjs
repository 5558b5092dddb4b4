// The browsers the browser tests, `npm start` and `npm run audit` drive: the
// Debian builds (nothing downloads a browser). Says in one line what to
// install when one is missing.
import { existsSync } from 'node:fs';

export const BROWSERS = {
  chromium: { name: 'Chromium', env: 'CHROMIUM', path: '/usr/bin/chromium', debian: 'chromium' },
  firefox: { name: 'Firefox ESR', env: 'FIREFOX', path: '/usr/bin/firefox-esr', debian: 'firefox-esr' },
};

/** The browser's executable: its environment variable, else the Debian path. */
export function browserPath(kind, env = process.env) {
  return env[BROWSERS[kind].env] || BROWSERS[kind].path;
}

/** The kinds whose executable is not there. */
export function missingBrowsers(kinds, env = process.env, exists = existsSync) {
  return kinds.filter((kind) => !exists(browserPath(kind, env)));
}

/** One line: what is missing, the Debian packages that bring it, and the variables that point elsewhere. */
export function installHint(kinds, env = process.env) {
  const list = kinds.map((kind) => `${BROWSERS[kind].name} (${browserPath(kind, env)})`).join(' and ');
  const packages = kinds.map((kind) => BROWSERS[kind].debian).join(' ');
  const vars = kinds.map((kind) => `${BROWSERS[kind].env}=/path/to/it`).join(' ');
  return `Missing ${list}: install with \`sudo apt-get install ${packages}\` (Debian/Ubuntu), or set ${vars}.`;
}
