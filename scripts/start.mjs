// `npm start`: install if needed, build, then show the extension at work on
// the bundled demo page (served on 127.0.0.1 only).
// - With a display: Chromium opens with the extension loaded on the demo page.
// - Without one: the demo page is scanned headlessly and what the popup shows
//   is printed, with screenshots (scripts/start-headless.ts); then it exits.
// Chromium's own messages (dbus, Vulkan…) go to a log file, not the terminal.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { browserPath, installHint, missingBrowsers } from './lib/browsers.mjs';
import { buildQuietly } from './lib/build.mjs';
import { ensureInstalled } from './lib/install.mjs';

/** Chromium that quits this soon with an error never opened its window. */
const EARLY_EXIT_MS = 5000;

ensureInstalled();
console.log('Building the extension…');
buildQuietly();
const dist = resolve('dist');
console.log(`The unpacked extension is in ${dist}`);

const missing = missingBrowsers(['chromium']);
if (missing.length > 0) {
  console.error(installHint(missing));
  console.error('Or load dist/ by hand: chrome://extensions → Developer mode → Load unpacked (see the README).');
  process.exit(1);
}

function runHeadless() {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start-headless.ts'], { stdio: 'inherit', env: { ...process.env, CHROMIUM: browserPath('chromium') } });
  process.exit(r.status ?? 1);
}

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log('No display found: scanning the demo page in headless Chromium instead of opening a window.\n');
  runHeadless();
}

const demo = readFileSync('demo/index.html');
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(demo));
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}/`;
  const profile = mkdtempSync(join(tmpdir(), 'sovereignty-lens-'));
  const log = join(profile, 'chromium.log');
  const logFd = openSync(log, 'a');
  const started = Date.now();
  const child = spawn(
    browserPath('chromium'),
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      url,
    ],
    { stdio: ['ignore', logFd, logFd] },
  );
  console.log(`Starting Chromium on the demo page (${url}) with the extension loaded.`);
  console.log('Pin the icon to see the badge: puzzle-piece menu in the toolbar → pin Sovereignty Lens. Click it for the details.');
  console.log(`Chromium's own messages go to ${log}.`);
  console.log('Press Ctrl+C here (or close Chromium) to stop.');
  const cleanUp = () => {
    server.close();
    rmSync(profile, { recursive: true, force: true });
  };
  let stopping = false;
  child.on('exit', (code) => {
    if (!stopping && code !== null && code !== 0 && Date.now() - started < EARLY_EXIT_MS) {
      const tail = readFileSync(log, 'utf8').trim().split('\n').slice(-1)[0] ?? '';
      console.log(`\nChromium could not open a window (${tail || `exit code ${code}`}): scanning the demo page headlessly instead.\n`);
      cleanUp();
      runHeadless();
    }
    cleanUp();
  });
  const stop = () => {
    stopping = true;
    child.kill();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
