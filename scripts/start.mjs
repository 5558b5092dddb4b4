// `npm start`: install if needed, build, then open Chromium with the extension
// loaded on the bundled demo page (served on 127.0.0.1 only).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureInstalled } from './lib/install.mjs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
ensureInstalled();
run('npm', ['run', 'build']);

const dist = resolve('dist');
const demo = readFileSync('demo/index.html');
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(demo));
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}/`;
  console.log(`\nThe unpacked extension is in ${dist}`);
  console.log('Load it by hand: chrome://extensions → Developer mode → Load unpacked → choose that folder.');
  console.log(`Demo page: ${url}\n`);
  const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.log(`No Chromium at ${chromium} (set CHROMIUM=/path/to/chrome). The demo page stays up; press Ctrl+C to stop.`);
    return;
  }
  const profile = mkdtempSync(join(tmpdir(), 'sovereignty-lens-'));
  const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (headless) console.log('No display found: starting Chromium headless (set DISPLAY to see the window).');
  const child = spawn(chromium, [
    `--user-data-dir=${profile}`, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`,
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...(headless ? ['--headless=new', '--remote-debugging-port=0'] : []), url,
  ], { stdio: 'inherit' });
  child.on('exit', () => server.close());
  process.on('SIGINT', () => child.kill());
});
