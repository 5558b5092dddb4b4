// Installing what is missing before `npm start`, `npm test` or `npm run audit`
// does anything else. Plain Node with no dependency: it runs before
// node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The oldest Node the project supports (package.json `engines`). */
export const MIN_NODE = [20, 19];

/** A sentence saying why this Node is too old, or null. */
export function nodeProblem(version = process.versions.node) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [needMajor, needMinor] = MIN_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return `Sovereignty Lens needs Node ${needMajor}.${needMinor} or later; this is Node ${version}.`;
}

/**
 * Why node_modules does not match package-lock.json, or null when it does.
 * npm writes node_modules/.package-lock.json at the end of an install: every
 * package the lockfile lists must be there at the same version, except
 * optional ones (platform binaries for other systems), and nothing else.
 */
export function installProblem(lock, installed) {
  if (!installed) return 'node_modules is missing';
  const want = lock?.packages ?? {};
  const have = installed.packages ?? {};
  for (const [path, entry] of Object.entries(want)) {
    if (path === '') continue;
    const got = have[path];
    if (!got) {
      if (entry.optional) continue;
      return `node_modules lacks ${path.replace(/^.*node_modules\//, '')}`;
    }
    if (got.version !== entry.version) return `node_modules has ${path.replace(/^.*node_modules\//, '')} ${got.version}, package-lock.json wants ${entry.version}`;
  }
  for (const path of Object.keys(have)) if (!Object.hasOwn(want, path)) return `node_modules has ${path.replace(/^.*node_modules\//, '')}, which package-lock.json no longer lists`;
  return null;
}

const readJson = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
};

/** Runs `npm ci` in `root` when node_modules is missing or stale; exits the process when it fails. */
export function ensureInstalled(root = process.cwd()) {
  const tooOld = nodeProblem();
  if (tooOld) {
    console.error(tooOld);
    process.exit(1);
  }
  const installedPath = join(root, 'node_modules', '.package-lock.json');
  const problem = installProblem(readJson(join(root, 'package-lock.json')), existsSync(installedPath) ? readJson(installedPath) : null);
  if (!problem) return;
  console.log(`Installing dependencies (${problem}): npm ci`);
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('npm ci failed: see the lines above.');
    process.exit(r.status ?? 1);
  }
}
