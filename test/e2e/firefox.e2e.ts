// The Firefox build in Firefox ESR: it loads, finds providers on a page,
// sets the badge, and the popup shows them.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { until } from './support/chromium';
import { DIST_FIREFOX, FIREFOX, launchFirefox, type FirefoxExtension } from './support/firefox';
import { startServer, type TestServer } from './support/server';

const skip = !existsSync(FIREFOX) ? `no Firefox at ${FIREFOX}` : !existsSync(`${DIST_FIREFOX}/manifest.json`) ? 'no dist-firefox/: run npm run build:firefox' : false;

describe('Firefox build', { skip }, () => {
  let ff: FirefoxExtension;
  let server: TestServer;

  before(async () => {
    server = await startServer();
    ff = await launchFirefox();
  });
  after(async () => {
    await ff?.close();
    await server?.close();
  });

  it('detects two providers on a page, counts them on the badge and lists them in the popup', async () => {
    const url = server.page('/ff-two.html', '<!doctype html><meta charset="utf-8"><p>Nos serveurs sont passés de Microsoft Azure à Scaleway.</p>');
    const page = await ff.browser.newPage();
    await page.goto(url);
    const ext = await ff.extensionPage();
    const tabId = await until(
      () =>
        ext.evaluate(async (u) => {
          const api = (globalThis as unknown as { browser: typeof chrome }).browser;
          const all = await api.storage.session.get(null);
          const hit = Object.entries(all).find(([k, v]) => k.startsWith('tab:') && (v as { url: string }).url === u);
          return hit ? Number(hit[0].slice(4)) : 0;
        }, url),
      'the tab state in Firefox',
      10_000,
    );
    await until(
      async () => (await ext.evaluate((id) => (globalThis as unknown as { browser: typeof chrome }).browser.action.getBadgeText({ tabId: id }), tabId)) === '2',
      'badge 2 in Firefox',
      10_000,
    );
    void ext.goto(`${ff.base}src/popup/index.html?tab=${tabId}`).catch(() => undefined);
    const ids = await until(async () => {
      const found = await ext.evaluate(() => [...document.querySelectorAll('[data-provider-id]')].map((e) => e.getAttribute('data-provider-id')).sort()).catch(() => []);
      return found.length >= 2 ? found : null;
    }, 'popup cards in Firefox', 10_000);
    assert.deepEqual(ids, ['microsoft-azure', 'scaleway']);
  });
});
