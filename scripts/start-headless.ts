// `npm start` without a display: the demo page scanned by the built extension
// in headless Chromium, printed as the popup shows it (page verdict, each
// provider with its level, headquarters, CLOUD Act, HDS and SecNumCloud
// status, and the sentence that named it), then screenshots of the page, the
// popup and the options page (scripts/screenshots.ts). Exits 0 when all of it worked.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { todayIso } from '../src/core/assess';
import { bundledDataset } from '../src/data/load';
import { scanPages } from './audit/engine';
import { render } from './audit/formats';
import { auditReport } from './audit/report';

const dist = resolve(process.env.SL_DIST ?? 'dist');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';

const demo = readFileSync('demo/index.html');
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(demo));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const address = server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;

let code = 0;
try {
  const { scans, extensionVersion } = await scanPages([url], { dist, executablePath: chromium });
  const dataset = bundledDataset();
  const report = auditReport(scans, { providers: dataset.providers, today: todayIso(), generatedAt: new Date().toISOString(), extensionVersion, datasetVersion: dataset.version });
  process.stdout.write(render(report, 'table', { lang: 'en', width: process.stdout.columns ?? 120, cite: false }));
  if (report.pages[0]?.error) code = 1;
} catch (e) {
  process.stderr.write(`The demo page could not be scanned: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
  code = 1;
} finally {
  server.close();
}

if (code === 0) {
  const shots = mkdtempSync(join(tmpdir(), 'sovereignty-lens-screenshots-'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/screenshots.ts', shots, 'en'], { encoding: 'utf8', env: process.env });
  if (r.status === 0) {
    const files = readdirSync(shots).filter((f) => f.endsWith('.png')).sort();
    process.stdout.write(`\nScreenshots of the demo page, its popup and the options page: ${shots}/ (${files.join(', ')})\n`);
  } else {
    process.stderr.write(`\nThe screenshots failed: ${(r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' ')}\n`);
    code = 1;
  }
}
process.stdout.write(`\nThe same for any pages, with sources: npm run audit -- <url or list file> (see the README).\n`);
process.exit(code);
