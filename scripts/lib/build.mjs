// Builds dist/ without filling the terminal: the build's output is shown only
// when it fails. Plain Node, like install.mjs.
import { spawnSync } from 'node:child_process';

export function buildQuietly(root = process.cwd()) {
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status === 0) return;
  process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}\nThe build failed (npm run build): see above.\n`);
  process.exit(2);
}
