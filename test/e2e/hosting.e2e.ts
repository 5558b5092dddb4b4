// Hosting detection in a real browser: turned on in the options page (off by
// default, nothing recorded while off), the top document's
// server address is read from webRequest and mapped to a provider, shown as
// "Served from" with data-hosting-provider-id, and a page that claims French
// hosting while served by a provider exposed to the CLOUD Act is flagged.
// Local pages come from 127.0.0.1, which no provider announces: a test build
// maps loopback to AWS (VITE_SL_TEST_LOOPBACK_PROVIDER); the shipped build
// must not contain that mapping. The real table is unit-tested
// (src/core/ip-lookup.test.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DIST, launchWithExtension, tabIdOf, until, type ExtensionBrowser } from './support/chromium';
import { startServer, type TestServer } from './support/server';

const TEST_DIST = join(tmpdir(), `sl-hosting-dist-${process.pid}`);
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

describe('hosting detection (off by default)', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;

  before(async () => {
    const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], {
      env: { ...process.env, SL_OUT_DIR: TEST_DIST, VITE_SL_TEST_LOOPBACK_PROVIDER: 'aws' },
      encoding: 'utf8',
    });
    assert.equal(built.status, 0, `test build failed: ${built.stderr}`);
    server = await startServer();
    ext = await launchWithExtension({ dist: TEST_DIST });
  });

  after(async () => {
    await ext?.close();
    await server?.close();
    rmSync(TEST_DIST, { recursive: true, force: true });
  });

  const page = (path: string, body: string) => server.page(path, `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${path}</title></head><body>${body}</body></html>`, { 'cache-control': 'no-store' });

  async function popupFor(url: string): Promise<{ popup: Page; close(): Promise<void> }> {
    const tab = await ext.ctx.newPage();
    await tab.goto(url);
    const tabId = await tabIdOf(ext, url);
    const popup = await ext.ctx.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
    return {
      popup,
      async close() {
        await popup.close();
        await tab.close();
      },
    };
  }

  it('the shipped build has no loopback mapping (the test build has)', () => {
    const code = files(DIST).filter((f) => f.endsWith('.js')).map((f) => readFileSync(f, 'utf8'));
    const loopback = /startsWith\(["'`]127\./;
    assert.ok(!code.some((c) => loopback.test(c)), 'the test-only loopback mapping is in the shipped build');
    assert.ok(files(TEST_DIST).some((f) => f.endsWith('.js') && loopback.test(readFileSync(f, 'utf8'))), 'the test build maps loopback');
  });

  it('is off by default: the popup offers to turn it on and shows no server', async () => {
    const { popup, close } = await popupFor(page('/off.html', '<p>Nos données sont hébergées en France chez Microsoft Azure.</p>'));
    await popup.locator('[data-testid="hosting-hint"]').waitFor();
    assert.equal(await popup.locator('[data-hosting-provider-id]').count(), 0);
    // Nothing was recorded about the page's server.
    const sw = await ext.worker();
    assert.deepEqual(await sw.evaluate(async () => Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('hosting:'))), []);
    await close();
  });

  it('turns on from the options page, shows who serves the page, and flags a false claim', async () => {
    const options = await ext.ctx.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
    const toggle = options.locator('input[data-setting="hostingDetection"]');
    assert.equal(await toggle.isChecked(), false);
    await toggle.check();
    await until(async () => (await (await ext.worker()).evaluate(async () => (await chrome.storage.local.get('settings')).settings?.hostingDetection)) === true, 'setting saved', 5000);

    const claim = await popupFor(page('/claim.html', '<p>Vos données de santé sont hébergées en France, dans un cloud souverain.</p>'));
    const served = claim.popup.locator('[data-hosting-provider-id="aws"]');
    await served.waitFor({ timeout: 5000 });
    assert.match((await served.textContent()) ?? '', /Amazon Web Services|AWS/);
    assert.match((await served.textContent()) ?? '', /127\.0\.0\.1/);
    const mismatch = claim.popup.locator('[data-hosting-mismatch]');
    await mismatch.waitFor();
    assert.match((await mismatch.textContent()) ?? '', /hébergées en France/);
    await claim.close();

    // No claim on the page: the server is shown, nothing is flagged.
    const plain = await popupFor(page('/plain.html', '<p>A page about gardening.</p>'));
    await plain.popup.locator('[data-hosting-provider-id="aws"]').waitFor({ timeout: 5000 });
    assert.equal(await plain.popup.locator('[data-hosting-mismatch]').count(), 0);
    await plain.close();

    // Turned off: the addresses seen are forgotten and the popup offers it again.
    await toggle.uncheck();
    const sw = await ext.worker();
    await until(async () => (await sw.evaluate(async () => Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('hosting:')).length)) === 0, 'recorded addresses forgotten', 5000);
    const after = await popupFor(page('/after.html', '<p>Nos données sont hébergées en France.</p>'));
    await after.popup.locator('[data-testid="hosting-hint"]').waitFor();
    assert.equal(await after.popup.locator('[data-hosting-provider-id]').count(), 0);
    await after.close();
    await options.close();
  });
});
