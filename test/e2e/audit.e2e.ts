// `npm run audit`: the extension's findings for many pages, through the built
// extension in Chromium. The demo page gives the same providers, levels and
// statuses as the popup for that page; pages with none, a 404 and an address
// that does not resolve each get their row and the rest go on; each output
// format is parsed back; --fail-on sets the exit status; the only requests
// are the pages asked for.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';
import { todayIso } from '../../src/core/assess';
import { bundledDataset } from '../../src/data/load';
import { parseCsv } from '../../scripts/audit/read-csv.test-helper';
import { scanPages } from '../../scripts/audit/engine';
import { auditReport, type AuditReport } from '../../scripts/audit/report';
import { CHROMIUM, DIST, launchWithExtension, tabIdOf, until, type ExtensionBrowser } from './support/chromium';
import { startServer, type TestServer } from './support/server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const html = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

describe('audit command', () => {
  let server: TestServer;
  let out: string;
  let urls: { demo: string; none: string; missing: string; unresolvable: string; files: string };

  before(async () => {
    server = await startServer();
    out = mkdtempSync(join(tmpdir(), 'sl-audit-'));
    urls = {
      demo: server.page('/demo.html', readFileSync(join(ROOT, 'demo/index.html'), 'utf8')),
      none: server.page('/bakery.html', html('<h1>Our bread</h1><p>Sourdough baked every morning.</p>')),
      missing: `${server.origin}/no-such-page.html`,
      unresolvable: 'http://sovereignty-lens-audit-test.invalid/',
      files: server.page('/files.html', html(`<p>Plain article.</p><img src="http://media.s3.amazonaws.com:${server.port}/a.png"><img src="http://media.s3.amazonaws.com:${server.port}/b.png">`)),
    };
  });
  after(async () => {
    await server.close();
    rmSync(out, { recursive: true, force: true });
  });

  describe('the engine, against the popup', () => {
    let report: AuditReport;
    const requests: string[] = [];
    let ext: ExtensionBrowser;

    before(async () => {
      const { scans, extensionVersion } = await scanPages([urls.demo, urls.files, urls.unresolvable], {
        dist: DIST,
        executablePath: CHROMIUM,
        args: [`--host-resolver-rules=MAP *.amazonaws.com 127.0.0.1, MAP *.invalid ~NOTFOUND`],
        onRequest: (u) => requests.push(u),
      });
      const dataset = bundledDataset();
      report = auditReport(scans, { providers: dataset.providers, today: todayIso(), generatedAt: new Date().toISOString(), extensionVersion, datasetVersion: dataset.version });
      ext = await launchWithExtension({ args: [`--host-resolver-rules=MAP *.amazonaws.com 127.0.0.1`] });
    });
    after(() => ext.close());

    /** What the popup shows for a page: each card's contract attributes, in order, and the resource providers. */
    async function popupFor(url: string, cards: number) {
      const page = await ext.ctx.newPage();
      await page.goto(url);
      const tabId = await tabIdOf(ext, url);
      const popup = await ext.ctx.newPage();
      await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
      await until(async () => (await popup.locator('[data-testid="provider-cards"] [data-provider-id]').count()) >= cards || (await popup.locator('[data-resource-provider-id]').count()) > 0, 'the popup’s cards', 8000);
      // The demo page adds a sentence 1.5 s after it loads.
      await new Promise((r) => setTimeout(r, 2500));
      const shown = await popup.locator('[data-testid="provider-cards"] [data-provider-id]').evaluateAll((els) =>
        els.map((e) => ({ id: e.getAttribute('data-provider-id'), level: e.getAttribute('data-level'), cloudAct: e.getAttribute('data-cloud-act'), hds: e.getAttribute('data-hds'), secnumcloud: e.getAttribute('data-secnumcloud'), snippet: e.querySelector('.snippets q')?.textContent ?? null })),
      );
      const resources = await popup.locator('[data-resource-provider-id]').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-resource-provider-id'), files: Number(e.getAttribute('data-resource-count')) })));
      const verdict = await popup.locator('[data-testid="page-verdict"]').evaluateAll((els) => els[0]?.getAttribute('data-level') ?? null);
      await popup.close();
      await page.close();
      return { shown, resources, verdict };
    }

    it('finds on the demo page the providers, levels and statuses the popup shows, in its order', async () => {
      const demo = report.pages[0]!;
      const popup = await popupFor(urls.demo, demo.providers.length);
      assert.ok(demo.providers.length >= 5, 'the demo page names several providers');
      assert.deepEqual(
        demo.providers.map((p) => ({ id: p.id, level: p.level, cloudAct: p.cloudAct.status, hds: p.hds.status, secnumcloud: p.secnumcloud.status, snippet: p.snippets[0] ?? null })),
        popup.shown,
      );
      assert.equal(demo.level, popup.verdict);
      assert.ok(demo.providers.some((p) => p.id === 'scaleway' && p.snippets.some((s) => s.includes('SNDS'))), 'text added after load is found too');
    });

    it('lists the providers serving a page’s files, as the popup does', async () => {
      const files = report.pages[1]!;
      const popup = await popupFor(urls.files, 0);
      assert.deepEqual(files.servedBy.map((s) => ({ id: s.id, files: s.files })), popup.resources);
      assert.deepEqual(files.servedBy.map((s) => s.id), ['aws']);
      assert.deepEqual(files.providers, []);
    });

    it('reports an address that does not resolve in its row', () => {
      assert.equal(report.pages[2]!.error, 'net::ERR_NAME_NOT_RESOLVED');
    });

    it('makes no request but the pages asked for and what they load', () => {
      const asked = [server.origin, `http://media.s3.amazonaws.com:${server.port}/`, urls.unresolvable];
      const other = requests.filter((u) => !asked.some((a) => u.startsWith(a)) && !u.startsWith('chrome-extension://') && !u.startsWith('data:') && u !== 'about:blank');
      assert.deepEqual(other, []);
      assert.ok(requests.includes(urls.demo));
    });
  });

  describe('the command', () => {
    /** Runs the command as `npm run audit` does (asynchronously: the test server answers in this process). */
    const audit = (...args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['scripts/audit.mjs', ...args], { cwd: ROOT, env: { ...process.env, SL_DIST: DIST, CHROMIUM, INIT_CWD: out } });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        const timer = setTimeout(() => child.kill(), 120_000);
        child.on('error', reject);
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, stdout, stderr });
        });
      });
    const four = () => [urls.demo, urls.none, urls.missing, urls.unresolvable];

    it('prints a table, goes on past the pages that fail, and exits 3 for them', async () => {
      const r = await audit(...four());
      assert.equal(r.code, 3, r.stderr);
      assert.match(r.stdout, new RegExp(`${urls.demo}\\n  Page verdict: Exposed to foreign law`));
      assert.match(r.stdout, /Microsoft Azure\s+Exposed to foreign law\s+Exposed/);
      assert.match(r.stdout, new RegExp(`${urls.none}\\n  No cloud provider found on this page`));
      assert.match(r.stdout, new RegExp(`${urls.missing}\\n  Could not audit: HTTP 404`));
      assert.match(r.stdout, new RegExp(`${urls.unresolvable}\\n  Could not audit: net::ERR_NAME_NOT_RESOLVED`));
      assert.match(r.stdout, /\nSources\n {2}\[1\] .* — https:\/\//);
      assert.match(r.stderr, /\[4\/4\]/, 'a progress line for more than three pages');
    });

    it('writes JSON, and --fail-on exposed exits 1 when a page names an exposed provider', async () => {
      const r = await audit(...four(), '--format', 'json', '--out', 'audit.json', '--fail-on', 'exposed');
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.stdout, '', 'the report goes to the file');
      const report = JSON.parse(readFileSync(join(out, 'audit.json'), 'utf8')) as AuditReport;
      assert.deepEqual(report.pages.map((p) => p.url), four());
      const [demo, none, missing, unresolvable] = report.pages;
      assert.equal(demo!.level, 'high');
      assert.ok(demo!.providers.find((p) => p.id === 'microsoft-azure')?.snippets.some((s) => s.includes('Microsoft Azure')));
      assert.deepEqual([none!.error, none!.level, none!.providers], [null, null, []]);
      assert.deepEqual([missing!.error, missing!.httpStatus], ['HTTP 404 Not Found', 404]);
      assert.equal(unresolvable!.error, 'net::ERR_NAME_NOT_RESOLVED');
    });

    it('exits 0 with --fail-on exposed when no page names an exposed provider', async () => {
      const r = await audit(urls.none, '--format', 'json', '--fail-on', 'exposed');
      assert.equal(r.code, 0, r.stderr);
      assert.equal((JSON.parse(r.stdout) as AuditReport).pages[0]!.level, null);
    });

    it('writes CSV with one row per page and provider', async () => {
      const r = await audit(...four(), '--out', 'audit.csv');
      assert.equal(r.code, 3, r.stderr);
      const [header, ...rows] = parseCsv(readFileSync(join(out, 'audit.csv'), 'utf8').replace(/^\uFEFF/, ''));
      const col = (name: string) => header!.indexOf(name);
      for (const row of rows) assert.equal(row.length, header!.length);
      const demoRows = rows.filter((r) => r[col('Page')] === urls.demo);
      assert.ok(demoRows.length >= 5);
      assert.equal(new Set(demoRows.map((r) => r[col('Provider id')])).size, demoRows.length, 'one row per provider');
      assert.deepEqual(
        rows.filter((r) => r[col('Page')] !== urls.demo).map((r) => [r[col('Page')], r[col('Page status')], r[col('Provider id')]]),
        [
          [urls.none, 'OK', ''],
          [urls.missing, 'Could not audit: HTTP 404 Not Found', ''],
          [urls.unresolvable, 'Could not audit: net::ERR_NAME_NOT_RESOLVED', ''],
        ],
      );
      assert.equal(demoRows.find((r) => r[col('Provider id')] === 'microsoft-azure')![col('CLOUD Act')], 'Exposed');
    });

    it('writes a cited Markdown table, in French when asked', async () => {
      const r = await audit(...four(), '--out', 'audit.md', '--lang', 'fr');
      assert.equal(r.code, 3, r.stderr);
      const markdown = readFileSync(join(out, 'audit.md'), 'utf8');
      const htmlOut = marked.parse(markdown, { async: false });
      const tables = [...htmlOut.matchAll(/<table>[\s\S]*?<\/table>/g)].map((m) => m[0]);
      assert.equal(tables.length, 2);
      assert.match(tables[0]!, /Exposé à un droit étranger/);
      assert.match(tables[0]!, /Audit impossible : HTTP 404/);
      assert.match(tables[1]!, /Microsoft Azure/);
      assert.match(tables[1]!, /\[\d+\]/, 'statuses cite their sources');
      assert.match(htmlOut, /<h2>Sources<\/h2>\s*<ol>\s*<li>[^<]+<a href="https:\/\//);
      assert.doesNotMatch(htmlOut, /<(script|img|iframe)/);
    });

    it('refuses an address that is not http(s), saying why, before opening any page', async () => {
      const r = await audit('javascript:alert(1)');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /"javascript:alert\(1\)" is not an http\(s\) address/);
    });
  });
});
