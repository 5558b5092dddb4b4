// The extension is updated while a tab is open: Chrome leaves the old content
// script orphaned and injects nothing, so the background injects the new one
// (scripting), which stops the old one and takes over. The tab must end with
// exactly one notice, the right badge without a reload, and a working scan.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Worker } from 'playwright-core';
import { DIST, launchWithExtension, tabIdOf, until, type ExtensionBrowser } from './support/chromium';
import { startServer, type TestServer } from './support/server';

const COPY = join(tmpdir(), `sl-update-${process.pid}`);
const WARNING = '[data-sovereignty-lens="warning"]';

describe('extension updated while a tab is open', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;

  before(async () => {
    cpSync(DIST, COPY, { recursive: true });
    server = await startServer();
    ext = await launchWithExtension({ dist: COPY });
  });

  after(async () => {
    await ext?.close();
    await server?.close();
    rmSync(COPY, { recursive: true, force: true });
  });

  /** A running worker without the mark set on the old one: the reloaded extension's. */
  async function newWorker(): Promise<Worker> {
    return until<Worker | null>(async () => {
      for (const w of ext.ctx.serviceWorkers()) {
        const fresh = await w.evaluate(() => (globalThis as { slOld?: boolean }).slOld !== true).catch(() => false);
        if (fresh) return w;
      }
      return null;
    }, 'the reloaded service worker', 15_000) as Promise<Worker>;
  }

  it('the new content script takes over: one notice, the right badge, a working scan', async () => {
    const url = server.page('/open.html', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Open tab</title></head><body><main><p>Our records are hosted on Microsoft Azure.</p></main></body></html>');
    const page = await ext.ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    const tabId = await tabIdOf(ext, url);
    await page.locator(WARNING).waitFor({ state: 'attached' });
    // Mark the old version's notice, to tell it from the new one's.
    await page.evaluate((sel) => document.querySelector(sel)!.setAttribute('data-test-old', ''), WARNING);

    // The update: a new version on disk, then the extension reloads as Chrome does on update.
    const manifest = JSON.parse(readFileSync(join(COPY, 'manifest.json'), 'utf8'));
    manifest.version = '9.9.9';
    writeFileSync(join(COPY, 'manifest.json'), JSON.stringify(manifest));
    const old = await ext.worker();
    await old.evaluate(() => {
      (globalThis as { slOld?: boolean }).slOld = true;
      setTimeout(() => chrome.runtime.reload(), 50);
    });
    const sw = await newWorker();

    // Without reloading the page: the new script reports, the badge is right again.
    await until(async () => (await sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)) === '1', 'badge 1 after the update', 10_000);
    await until(async () => (await page.locator(WARNING).count()) === 1, 'the new notice', 5000);
    // Still one notice a moment later (the old instance left nothing behind).
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(await page.locator(WARNING).count(), 1);
    assert.equal(await page.locator(`${WARNING}[data-test-old]`).count(), 0, "the old version's notice is gone");

    // The new instance watches the page: a provider added now is counted.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Backups moved to OVHcloud.';
      document.querySelector('main')!.append(p);
    });
    await until(async () => (await sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)) === '2', 'badge 2 after a DOM change', 5000);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
