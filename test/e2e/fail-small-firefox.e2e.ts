// Fail small in Firefox: the cases where Firefox's content-script world
// (Xray wrappers, its own event and shadow DOM plumbing) could differ from
// Chromium's: a NEL run inside a mention, a late shadow root, names read
// through <br> and invisible characters, and scripted clicks on the notice.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { until } from './support/chromium';
import { DIST_FIREFOX, FIREFOX, launchFirefox, type FirefoxExtension } from './support/firefox';
import { figure, html, WARNING } from './support/hostile';
import { startServer, type TestServer } from './support/server';

const skip = !existsSync(FIREFOX) ? `no Firefox at ${FIREFOX}` : !existsSync(`${DIST_FIREFOX}/manifest.json`) ? 'no dist-firefox/: run npm run build:firefox' : false;

describe('fail small (Firefox)', { skip }, () => {
  let ff: FirefoxExtension;
  let server: TestServer;
  let ext: Page;

  before(async () => {
    server = await startServer();
    ff = await launchFirefox();
    ext = await ff.extensionPage();
  });
  after(async () => {
    await ff?.close();
    await server?.close();
  });

  type State = { url: string; frames: Record<string, { ids: string[]; snippets: Record<string, string[]> }> };
  const api = () => (globalThis as unknown as { browser: typeof chrome }).browser;
  const stateOf = (url: string) =>
    ext.evaluate(async (u) => {
      const all = await (globalThis as unknown as { browser: typeof chrome }).browser.storage.session.get(null);
      const hit = Object.entries(all).find(([k, v]) => k.startsWith('tab:') && (v as { url: string }).url === u);
      return hit ? { tabId: Number(hit[0].slice(4)), state: hit[1] as State } : null;
    }, url);
  const badge = (tabId: number) => ext.evaluate((id) => (globalThis as unknown as { browser: typeof chrome }).browser.action.getBadgeText({ tabId: id }), tabId);
  const ids = (s: State) => [...new Set(Object.values(s.frames).flatMap((f) => f.ids))].sort();
  void api;

  async function open(url: string, expected: string, name: string) {
    const page = await ff.browser.newPage();
    await page.goto(url);
    let found: Awaited<ReturnType<typeof stateOf>> = null;
    let text = '';
    try {
      found = await until(() => stateOf(url), `the tab state of ${url}`, 10_000);
      await until(async () => (text = await badge(found!.tabId)) === expected, `badge ${expected}`, 10_000);
      found = await stateOf(url);
    } catch {
      /* recorded, then asserted */
    }
    figure(`firefox-${name}`, { reportWritten: !!found, badge: text, ids: found ? ids(found.state) : [] });
    return { page, found, badge: text };
  }

  it('a mention with a long run of U+0085 inside it still gets its report', async () => {
    const url = server.page('/ff-nel.html', html(`<p>Our CRM runs on Amazon${'\u0085'.repeat(3000)}Web Services.</p><p>Backups are stored at Scaleway.</p>`));
    const { page, found, badge: b } = await open(url, '2', 'nel');
    assert.equal(b, '2');
    assert.deepEqual(ids(found!.state), ['aws', 'scaleway']);
    await page.close();
  });

  it('names across <br>, soft hyphens and zero-width characters', async () => {
    const url = server.page('/ff-reader.html', html('<p>Our CRM runs on Amazon<br>Web Services.</p><p>Mail goes through Hetz\u00ADner.</p><p>Backups at Scale\u200Bway.</p><p>Files at OVH\u2060cloud.</p>'));
    const { page, found } = await open(url, '4', 'reader');
    assert.deepEqual(ids(found!.state), ['aws', 'hetzner', 'ovhcloud', 'scaleway']);
    await page.close();
  });

  it('a shadow root attached late to an element already scanned', async () => {
    const url = server.page('/ff-late-shadow.html', html('<p>Backups are stored at Scaleway.</p><div id="host">light text</div>'));
    const { page, found } = await open(url, '1', 'late-shadow-first');
    await page.evaluate(() => {
      const r = document.getElementById('host')!.attachShadow({ mode: 'open' });
      r.innerHTML = '<p>Mail goes through Hetzner.</p>';
      (window as unknown as { __root: ShadowRoot }).__root = r;
    });
    let b = '';
    await until(async () => (b = await badge(found!.tabId)) === '2', 'badge 2 after a late shadow root', 10_000).catch(() => undefined);
    figure('firefox-late-shadow', { badgeAfterAttach: b });
    assert.equal(b, '2');
    await page.evaluate(() => (window as unknown as { __root: ShadowRoot }).__root.append(Object.assign(document.createElement('p'), { textContent: 'Files sync with Infomaniak.' })));
    await until(async () => (await badge(found!.tabId)) === '3', 'badge 3 after a change inside it', 10_000);
    await page.close();
  });

  it('scripted clicks on the notice do nothing', async () => {
    const url = server.page('/ff-clicks.html', html('<p>Our CRM runs on Amazon Web Services.</p>'));
    const { page } = await open(url, '1', 'clicks');
    await page.waitForSelector(WARNING, { timeout: 10_000 });
    const pagesBefore = (await ff.browser.pages()).length;
    await page.evaluate((sel) => {
      const r = document.querySelector(sel)!.shadowRoot!;
      for (let i = 0; i < 30; i++) (r.querySelector('[data-action="details"]') as HTMLElement).click();
      (r.querySelector('[data-action="silence-site"]') as HTMLElement).click();
    }, WARNING);
    await new Promise((r) => setTimeout(r, 1500));
    const opened = (await ff.browser.pages()).length - pagesBefore;
    const silenced = await ext.evaluate(async () => (((await (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get('settings')).settings ?? {}) as { silencedSites?: string[] }).silencedSites ?? []);
    figure('firefox-scripted-clicks', { tabsOpened: opened, silenced });
    assert.equal(opened, 0, 'no tab opened');
    assert.deepEqual(silenced, [], 'the site is not silenced');
    assert.equal(await page.$$eval(WARNING, (els) => els.length), 1, 'the notice is still there');
    await page.close();
  });
});
