// The heart of the product in a real browser: pages name providers, the badge
// counts them, the notice appears and can be dismissed or silenced per site.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { badgeText, launchWithExtension, stopServiceWorker, tabIdOf, until, type ExtensionBrowser } from './support/chromium';
import { startServer, type TestServer } from './support/server';

const WARNING = '[data-sovereignty-lens="warning"]';
let ext: ExtensionBrowser;
let server: TestServer;

const html = (body: string, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

async function openAndCount(url: string, expected: string) {
  const page = await ext.ctx.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(ext, url);
  await until(async () => (await badgeText(ext, tabId)) === expected, `badge "${expected}" on ${url}`, 4000);
  return { page, tabId };
}

describe('live scan (Chromium)', () => {
  before(async () => {
    server = await startServer();
    ext = await launchWithExtension({ args: [`--host-resolver-rules=MAP azure.microsoft.com 127.0.0.1, MAP *.amazonaws.com 127.0.0.1, MAP *.googleapis.com 127.0.0.1`] });
  });
  after(async () => {
    await ext?.close();
    await server?.close();
  });

  it('counts two providers named on a static page', async () => {
    const url = server.page('/two.html', html('<h1>Hosting options</h1><p>Our data moved from Microsoft Azure to OVHcloud last year.</p>'));
    const { page } = await openAndCount(url, '2');
    await page.close();
  });

  it('shows the passive notice for an exposed provider, without taking focus', async () => {
    const url = server.page('/notice.html', html('<p>Le Health Data Hub est hébergé sur Microsoft Azure.</p><input id="q">', '<script>addEventListener("DOMContentLoaded", () => document.getElementById("q").focus())</script>'));
    const { page } = await openAndCount(url, '1');
    await page.bringToFront();
    await page.focus('#q');
    await page.waitForSelector(WARNING, { state: 'attached', timeout: 4000 });
    const focused = await page.evaluate(() => document.activeElement?.id || document.activeElement?.outerHTML.slice(0, 80));
    assert.equal(focused, 'q', 'the page keeps its focus');
    const text = await page.locator(`${WARNING} [role="region"]`).innerText();
    assert.match(text, /Microsoft Azure/);
    await page.close();
  });

  it('finds text added after load, in an open shadow root and in a same-origin iframe', async () => {
    server.page('/frame.html', html('<p>Backups are stored at Scaleway.</p>'));
    const url = server.page(
      '/dynamic.html',
      html(
        '<div id="host"></div><iframe src="/frame.html"></iframe><div id="late"></div>',
        `<script>
          addEventListener('load', () => {
            const root = document.getElementById('host').attachShadow({ mode: 'open' });
            root.innerHTML = '<p>Files sync with Clever Cloud.</p>';
            setTimeout(() => { document.getElementById('late').textContent = 'Now also on Google Cloud.'; }, 600);
          });
        </script>`,
      ),
    );
    const { page } = await openAndCount(url, '3');
    await page.close();
  });

  it('counts nothing and shows no notice on a page that names no provider', async () => {
    const url = server.page('/none.html', html('<p>The azure sky over the Côte d’Azur. Orange juice and the Oracle of Delphi.</p>'));
    const page = await ext.ctx.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(ext, url);
    assert.equal(await badgeText(ext, tabId), '');
    assert.equal(await page.locator(WARNING).count(), 0);
    await page.close();
  });

  it('starts a fresh result on an SPA route change', async () => {
    const url = server.page(
      '/spa.html',
      html(
        '<main id="app"><p>We run on Amazon Web Services.</p></main>',
        `<script>
          window.go = () => { history.pushState({}, '', '/spa-next.html'); document.getElementById('app').innerHTML = '<p>We moved to Hetzner.</p>'; };
        </script>`,
      ),
    );
    const { page, tabId } = await openAndCount(url, '1');
    await page.evaluate(() => (window as unknown as { go(): void }).go());
    const next = server.origin + '/spa-next.html';
    await until(() => tabIdOf(ext, next), 'state for the new route');
    await until(async () => {
      const sw = await ext.worker();
      const state = await sw.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId);
      const ids = Object.values(state.frames as Record<string, { ids: string[] }>).flatMap((f) => f.ids);
      return ids.includes('hetzner') && !ids.includes('aws');
    }, 'aws gone and hetzner found after the route change');
    assert.equal(await badgeText(ext, tabId), '1');
    await page.close();
  });

  it("detects a provider from the page's own host", async () => {
    const url = `http://azure.microsoft.com:${server.port}/plain.html`;
    server.page('/plain.html', html('<p>Welcome.</p>'));
    const { page } = await openAndCount(url, '1');
    await page.close();
  });

  it('dismisses the notice, and silences a site across reloads', async () => {
    const url = server.page('/silence.html', html('<p>Our CRM runs on Amazon Web Services.</p>'));
    const page = await ext.ctx.newPage();
    await page.goto(url);
    await page.waitForSelector(WARNING, { state: 'attached', timeout: 4000 });
    await page.locator(`${WARNING} >> button[data-action="dismiss"]`).click();
    await until(async () => (await page.locator(WARNING).count()) === 0, 'notice gone after dismiss');
    await page.reload();
    await page.waitForSelector(WARNING, { state: 'attached', timeout: 4000 });
    await page.locator(`${WARNING} >> button[data-action="silence-site"]`).click();
    // The notice says the site is silenced and offers an undo; closing it leaves the site silenced.
    await page.locator(`${WARNING} >> button[data-action="undo-silence"]`).waitFor({ timeout: 4000 });
    await page.locator(`${WARNING} >> button[data-action="dismiss"]`).click();
    await until(async () => (await page.locator(WARNING).count()) === 0, 'notice gone after silence');
    await page.reload();
    const tabId = await tabIdOf(ext, url);
    await until(async () => (await badgeText(ext, tabId)) === '1', 'badge still counts on a silenced site');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await page.locator(WARNING).count(), 0, 'no notice on a silenced site');
    await page.close();
  });

  it('keeps a tab’s state when the service worker restarts', async () => {
    const url = server.page('/restart.html', html('<p>Moved from Google Cloud to Scaleway and OVHcloud.</p>'));
    const { page, tabId } = await openAndCount(url, '3');
    await stopServiceWorker(ext);
    const popup = await ext.ctx.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
    await until(async () => (await popup.locator('[data-provider-id]').count()) >= 3, 'popup cards after the restart', 8000);
    // The wide pop-out view shows each claim's sources without a click.
    assert.ok(await popup.locator('[data-provider-id="google-cloud"] a[href^="https://"]').first().isVisible(), 'sources visible in the pop-out view');
    assert.equal(await badgeText(ext, tabId), '3');
    await popup.close();
    await page.close();
  });

  it('lists the providers that served the page’s resources, without counting them by default', async () => {
    const page = await ext.ctx.newPage();
    const url = server.page(
      '/resources.html',
      html(`<p>Plain article.</p><img src="http://media.s3.amazonaws.com:${server.port}/a.png"><img src="http://media.s3.amazonaws.com:${server.port}/b.png"><script src="http://fonts.googleapis.com:${server.port}/f.js"></script>`),
    );
    await page.goto(url);
    const tabId = await tabIdOf(ext, url);
    const popup = await ext.ctx.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
    await until(async () => (await popup.locator('[data-resource-provider-id]').count()) === 2, 'two resource providers in the popup');
    assert.equal(await popup.locator('[data-resource-provider-id="aws"]').getAttribute('data-resource-count'), '2');
    assert.equal(await popup.locator('[data-resource-provider-id="google-cloud"]').getAttribute('data-resource-count'), '1');
    assert.equal(await badgeText(ext, tabId), '', 'resources do not count unless the person opts in');
    await popup.close();
    await page.close();
  });

  it('writes a cited report of the page, printable and as Markdown', async () => {
    const url = server.page('/report.html', html('<p>Le Health Data Hub est hébergé sur Microsoft Azure ; alternatives : OVHcloud.</p>'));
    const { page, tabId } = await openAndCount(url, '2');
    const popup = await ext.ctx.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
    await until(() => popup.locator('[data-provider-id="microsoft-azure"] [data-alternative-id="ovhcloud"]').count(), 'certified alternatives for an exposed provider');
    assert.equal(await popup.locator('[data-provider-id="ovhcloud"] [data-alternative-id]').count(), 0, 'no alternatives for a provider that is not exposed');
    await popup.close();
    const report = await ext.ctx.newPage();
    await report.goto(`chrome-extension://${ext.extensionId}/src/report/index.html?tab=${tabId}`);
    const body = await until(async () => {
      const text = await report.locator('[data-testid="report"]').innerText();
      return text.includes('OVHcloud') ? text : '';
    }, 'the report content');
    assert.match(body, /Microsoft Azure/);
    assert.match(body, new RegExp(url.replace(/[.?]/g, '\\$&')));
    assert.match(body, /\[1\]/, 'claims carry numbered citations');
    assert.ok((await report.locator('[data-testid="report"] ol li a[href^="https://"]').count()) > 0, 'numbered sources with https links');
    const [download] = await Promise.all([report.waitForEvent('download'), report.locator('[data-testid="report-markdown"]').click()]);
    const path = await download.path();
    const markdown = (await import('node:fs')).readFileSync(path!, 'utf8');
    assert.match(markdown, /^# /);
    assert.match(markdown, /## Microsoft Azure/);
    await report.close();
    await page.close();
  });

  it('made no network request other than the local test pages', () => {
    const local = [server.origin, ...['azure.microsoft.com', 'media.s3.amazonaws.com', 'fonts.googleapis.com'].map((h) => `http://${h}:${server.port}/`)];
    const foreign = ext.requests.filter((u) => !local.some((l) => u.startsWith(l)) && !u.startsWith('chrome-extension://') && !u.startsWith('data:') && u !== 'about:blank');
    assert.deepEqual(foreign, []);
  });
});
