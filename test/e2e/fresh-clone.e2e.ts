// The README's two commands on a fresh clone, as a new user runs them: the
// committed HEAD is cloned into a temporary folder; `npm start` without a
// display installs, builds, prints the demo page's findings with no browser
// noise, writes screenshots and exits 0 within a minute of the build; then,
// with node_modules removed again, `npm test -- --unit` installs by itself
// and passes (the full `npm test` is what CI itself runs on its fresh clone).
//
// Slow (two installs): it runs in CI (CI=true) or with SL_FRESH_CLONE=1.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { countryWithCode } from '../../src/ui/format';
import { CHROMIUM } from './support/chromium';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const enabled = process.env.CI === 'true' || process.env.SL_FRESH_CLONE === '1';

/** A shell's environment: no display, nothing from the npm run this test runs under. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(npm_|INIT_CWD$|DISPLAY$|WAYLAND_DISPLAY$|SL_)/.test(k)) env[k] = v;
  return { ...env, CHROMIUM };
}

interface Run {
  code: number | null;
  out: string;
  /** When each line of stdout arrived (ms since start). */
  lines: { at: number; text: string }[];
  ms: number;
}

function run(cwd: string, args: string[], timeoutMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const child = spawn('npm', args, { cwd, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let pending = '';
    const lines: Run['lines'] = [];
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      pending += d;
      const parts = pending.split('\n');
      pending = parts.pop()!;
      for (const text of parts) lines.push({ at: Date.now() - start, text });
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      // eslint-disable-next-line no-control-regex
      resolve({ code, out: out.replace(/\x1b\[[0-9;]*m/g, ''), lines, ms: Date.now() - start });
    });
  });
}

describe('a fresh clone', { skip: enabled ? false : 'slow: runs in CI, or with SL_FRESH_CLONE=1' }, () => {
  let dir: string;
  let clone: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sl-fresh-'));
    clone = join(dir, 'sovereignty-lens');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    execFileSync('git', ['clone', '--quiet', '--no-checkout', ROOT, clone]);
    execFileSync('git', ['checkout', '--quiet', head], { cwd: clone });
    assert.equal(existsSync(join(clone, 'node_modules')), false);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('`npm start` without a display prints the demo page’s findings and screenshots, and exits 0', async () => {
    const r = await run(clone, ['start'], 15 * 60_000);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /Installing dependencies \(node_modules is missing\)/);
    assert.match(r.out, /No display found/);
    assert.match(r.out, /Page verdict: Exposed to foreign law/);
    assert.match(r.out, /Providers found: \d+/);
    for (const name of ['Microsoft Azure', 'Scaleway', 'OVHcloud']) assert.match(r.out, new RegExp(`\\n {2}${name} +\\S`), `${name} has its row`);
    const azure = JSON.parse(readFileSync(join(ROOT, 'src/data/providers/microsoft-azure.json'), 'utf8')) as { jurisdiction: { entity: string; hq: string } };
    assert.ok(r.out.includes(`Headquarters: ${azure.jurisdiction.entity} — ${countryWithCode(azure.jurisdiction.hq, 'en')}`), 'the headquarters as the dataset gives it');
    assert.match(r.out, /“[^”]*Health Data Hub[^”]*”/, 'the sentence that named a provider');
    assert.doesNotMatch(r.out, /dbus|vulkan|ERROR:|unexpected operator/i, 'no browser noise');
    const shots = /Screenshots of the demo page, its popup and the options page: (\S+)\//.exec(r.out)?.[1];
    assert.ok(shots, 'says where the screenshots are');
    const pngs = readdirSync(shots).filter((f) => f.endsWith('.png'));
    assert.ok(pngs.includes('popup-en.png'), pngs.join());
    for (const f of pngs) assert.deepEqual([...readFileSync(join(shots, f)).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    rmSync(shots, { recursive: true, force: true });
    const built = r.lines.find((l) => l.text.startsWith('The unpacked extension is in'));
    assert.ok(built, r.out);
    assert.ok(r.ms - built.at < 60_000, `exits within a minute of the build (${r.ms - built.at} ms)`);
  });

  it('`npm test` installs what is missing before it runs anything', async () => {
    rmSync(join(clone, 'node_modules'), { recursive: true, force: true });
    const r = await run(clone, ['test', '--', '--unit'], 15 * 60_000);
    assert.equal(r.code, 0, r.out.slice(-3000));
    assert.match(r.out, /Installing dependencies \(node_modules is missing\)/);
    assert.doesNotMatch(r.out, /not found|install-scripts/);
    assert.match(r.out, /Tests\s+\d+ passed/);
  });
});
