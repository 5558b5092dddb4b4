// Fail small (Chromium): one bad value never costs the page's whole report,
// the page cannot act for the person, no page shape freezes the page, and
// text reads as a person reads it. Each case records its figures (report
// written, longest pause of the page's own 16 ms timer, detections) to
// $SL_FIGURES when set, before asserting.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { after, before, describe, it } from 'node:test';
import { badgeText, launchWithExtension, tabIdOf, until, type ExtensionBrowser } from './support/chromium';
import { cdpPage, exposedProvider, figure, html, idsOf, longestExtensionRun, read, statesOf, TICKER, WARNING } from './support/hostile';
import { startServer, type TestServer } from './support/server';
import { cpus, loadavg } from 'node:os';

/** No pause of the page's own timer may reach this while we work (slices are a few ms; the rest is the machine's noise). */
const MAX_PAUSE_MS = 200;
/** Longest run of extension code read from the CPU profiler (slices end at 8 ms; the rest is sampling and the machine's noise). */
const MAX_RUN_MS = 50;

/**
 * A bound on time holds only on a machine that is not oversubscribed: when
 * the load average is above the number of cores, our code is descheduled for
 * reasons of its own and the figure says nothing; it is then reported, not
 * asserted (the bench measures speed; this guards against long tasks).
 */
function assertTiming(ok: boolean, message: string): void {
  if (loadavg()[0]! > cpus().length) {
    console.log(`# timing not asserted (load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores): ${message}`);
    return;
  }
  assert.ok(ok, message);
}

let ext: ExtensionBrowser;
let server: TestServer;

async function setLocal(values: Record<string, unknown>): Promise<void> {
  const sw = await ext.worker();
  await sw.evaluate((v) => chrome.storage.local.set(v), values);
}

async function removeLocal(keys: string[]): Promise<void> {
  const sw = await ext.worker();
  await sw.evaluate((k) => chrome.storage.local.remove(k), keys);
}

async function settings(): Promise<{ silencedSites: string[] } & Record<string, unknown>> {
  const sw = await ext.worker();
  return sw.evaluate(async () => (await chrome.storage.local.get('settings')).settings ?? { silencedSites: [] });
}

/** Opens `url`, resets the page's pause record once loaded, waits for the badge, and returns what happened. */
async function visit(url: string, expected: string, timeoutMs: number, name: string, opts: { profile?: boolean } = {}) {
  const { page, cdp } = await cdpPage(ext);
  await page.goto(url, { timeout: 90_000 });
  await read(cdp, 'window.__maxGap = 0');
  let tabId = 0;
  let badge = '';
  const wait = async () => {
    try {
      tabId = await tabIdOf(ext, url, timeoutMs);
      await until(async () => (badge = await badgeText(ext, tabId)) === expected, `badge "${expected}" on ${url}`, timeoutMs);
    } catch {
      /* recorded below, asserted by the caller */
    }
  };
  const longest = opts.profile ? await longestExtensionRun(cdp, wait) : (await wait(), undefined);
  const maxGap = Math.round((await read<number | undefined>(cdp, 'window.__maxGap')) ?? 0);
  const state = tabId ? (await statesOf(ext, url)).find(([id]) => id === tabId)?.[1] : undefined;
  const ids = idsOf(state);
  figure(name, { reportWritten: !!state, badge, maxPauseMs: maxGap, longestExtensionRunMs: longest, ids: ids.length > 10 ? ids.length : ids });
  return { page, cdp, tabId, badge, maxGap, longest: longest ?? 0, state };
}

describe('fail small (Chromium)', () => {
  before(async () => {
    server = await startServer();
    // Any *.test host resolves to the test server (for resources from very long host names).
    ext = await launchWithExtension({ args: ['--host-resolver-rules=MAP *.test 127.0.0.1'] });
  });
  after(async () => {
    await ext?.close();
    await server?.close();
  });

  describe('one bad value never drops the report', () => {
    it('a mention with a long run of U+0085 inside it', async () => {
      const url = server.page('/nel.html', html(`<p>Our CRM runs on Amazon${'\u0085'.repeat(3000)}Web Services.</p><p>Backups are stored at Scaleway.</p>`));
      const v = await visit(url, '2', 6000, 'nel');
      assert.equal(v.badge, '2', 'badge counts both providers');
      assert.deepEqual(idsOf(v.state), ['aws', 'scaleway']);
      const snippets = v.state!.frames['0']!.snippets.aws!;
      assert.ok(snippets.every((s) => s.length <= 400 && !s.includes('\u0085')), `snippets are cut and collapsed (${snippets.map((s) => s.length)})`);
      await v.page.waitForSelector(WARNING, { state: 'attached', timeout: 4000 });
      await v.page.close();
    });

    it('a page whose URL is longer than 8,192 characters', async () => {
      const path = '/long-url.html';
      server.page(path, html('<p>Our CRM runs on Amazon Web Services.</p>'));
      const url = `${server.origin}${path}?q=${'x'.repeat(9000)}`;
      const { page, cdp } = await cdpPage(ext);
      await page.goto(url);
      const found = await until(async () => (await statesOf(ext, `${server.origin}${path}`))[0], 'the tab state of the long URL', 6000).catch(() => undefined);
      const badge = found ? await until(async () => ((await badgeText(ext, found[0])) === '1' ? '1' : ''), 'badge 1', 4000).catch(() => '') : '';
      figure('long-url', { reportWritten: !!found, badge, storedUrlLength: found?.[1].url.length ?? 0 });
      assert.ok(found, 'the tab state is written');
      assert.equal(badge, '1');
      assert.ok(found[1].url.length <= 8192, 'the stored URL is cut to the limit');
      await page.waitForSelector(WARNING, { state: 'attached', timeout: 4000 });
      void cdp;
      await page.close();
    });

    it('a page that loads a resource from a host name longer than 253 characters', async () => {
      const label = 'a'.repeat(60);
      const longHost = `${label}.${label}.${label}.${label}.${label}.test`;
      assert.ok(longHost.length > 253);
      const url = server.page(
        '/long-host.html',
        html(`<p>Our CRM runs on Amazon Web Services.</p><img src="http://${longHost}:${server.port}/nope.png" alt=""><img src="http://short.test:${server.port}/nope.png" alt="">`),
      );
      const v = await visit(url, '1', 6000, 'long-host');
      const resources = v.state?.frames['0']?.resources ?? {};
      figure('long-host-resources', { hosts: Object.keys(resources).map((h) => h.length) });
      assert.equal(v.badge, '1');
      assert.ok(Object.keys(resources).every((h) => h.length <= 253), 'no over-long host is stored');
      assert.ok('short.test' in resources, 'the other resource host still arrives');
      await v.page.waitForSelector(WARNING, { state: 'attached', timeout: 4000 });
      await v.page.close();
    });
  });

  describe('no freeze on any page shape', () => {
    it('one paragraph of 1,000,000 inline text nodes, the name at its end', async () => {
      const url = server.page(
        '/one-block.html',
        html(`${TICKER}<p id="p"></p><script>document.getElementById('p').innerHTML = 'w <!---->'.repeat(999999) + ' Backups are stored at Scaleway.';</script>`),
      );
      const v = await visit(url, '1', 60_000, 'one-block-1m-nodes', { profile: true });
      assert.equal(v.badge, '1');
      assertTiming(v.maxGap < MAX_PAUSE_MS, `longest pause of the page ${v.maxGap} ms`);
      assertTiming(v.longest < MAX_RUN_MS, `longest extension run ${v.longest} ms`);
      await v.page.close();
    });

    it('5,000 nested inline elements, the name at the bottom', async () => {
      const url = server.page(
        '/deep-inline.html',
        html(`${TICKER}<p id="p"></p><script>let e = document.getElementById('p'); for (let i = 0; i < 5000; i++) { const s = document.createElement(i % 2 ? 'span' : 'b'); s.append('w '); e.append(s); e = s; } e.append(' Backups are stored at Scaleway.');</script>`),
      );
      const v = await visit(url, '1', 30_000, 'deep-inline-5000', { profile: true });
      assert.equal(v.badge, '1');
      assertTiming(v.maxGap < MAX_PAUSE_MS, `longest pause of the page ${v.maxGap} ms`);
      assertTiming(v.longest < MAX_RUN_MS, `longest extension run ${v.longest} ms`);
      await v.page.close();
    });

    it('5,000 nested `content-visibility: auto` boxes below the fold, the name at the bottom', async () => {
      const url = server.page(
        '/deep-cv.html',
        html(`${TICKER}<div style="height: 150vh">Scroll down.</div><div id="root"></div><script>let e = document.getElementById('root'); for (let i = 0; i < 5000; i++) { const d = document.createElement(i % 2 ? 'section' : 'div'); d.style.contentVisibility = 'auto'; e.append(d); e = d; } e.append(Object.assign(document.createElement('p'), { textContent: 'Our servers are hosted by OVHcloud.' }));</script>`),
      );
      const v = await visit(url, '1', 30_000, 'deep-content-visibility-5000', { profile: true });
      assert.equal(v.badge, '1');
      // The browser's own layout of 5,000 locked boxes takes part of this; one visibility check took seconds.
      assertTiming(v.maxGap < 2 * MAX_PAUSE_MS, `longest pause of the page ${v.maxGap} ms`);
      assertTiming(v.longest < MAX_RUN_MS, `longest extension run ${v.longest} ms`);
      await v.page.close();
    });

    it('a 20 MB text node of "AWS/" repeated', async () => {
      const url = server.page(
        '/aws-slash.html',
        html(`${TICKER}<p id="p" style="white-space: pre; font: 8px monospace"></p><script>document.getElementById('p').append('AWS/'.repeat(5e6));</script>`),
      );
      const v = await visit(url, '1', 60_000, 'aws-slash-20mb', { profile: true });
      assert.equal(v.badge, '1');
      assertTiming(v.maxGap < MAX_PAUSE_MS, `longest pause of the page ${v.maxGap} ms`);
      assertTiming(v.longest < MAX_RUN_MS, `longest extension run ${v.longest} ms`);
      await v.page.close();
    });

    it('a page that inserts more than 1,000 nodes every 100 ms still gets the name at the end of its document', async () => {
      const url = server.page(
        '/flood.html',
        html(`${TICKER}<div id="feed"></div><main id="m"></main><script>
          const m = document.getElementById('m');
          m.innerHTML = '<p>filler text of the page</p>'.repeat(30000) + '<p>Backups are stored at Scaleway.</p>';
          const feed = document.getElementById('feed');
          window.__flood = setInterval(() => {
            const f = document.createDocumentFragment();
            for (let i = 0; i < 1100; i++) { const s = document.createElement('span'); s.textContent = 'x'; f.append(s); }
            feed.replaceChildren(f);
          }, 100);
        </script>`),
      );
      const v = await visit(url, '1', 20_000, 'flood');
      const flooding = await read<boolean>(v.cdp, '!!window.__flood');
      assert.equal(v.badge, '1', 'the name at the end is reported while the flood lasts');
      assert.ok(flooding);
      await read(v.cdp, 'clearInterval(window.__flood)');
      await v.page.close();
    });

    it('turning highlighting on over a large page', async () => {
      const url = server.page('/hl-large.html', html(`${TICKER}<main id="m"></main><script>document.getElementById('m').innerHTML = '<p>Files at Scaleway, mail at Hetzner and more text around the names.</p>'.repeat(20000);</script>`));
      const v = await visit(url, '2', 30_000, 'highlight-before-toggle');
      // What the browser itself pays for any ::highlight rule on this page (a whole-page restyle), measured in the page.
      const restyle = Math.round(
        await read<number>(v.cdp, `(() => { const s = document.createElement('style'); s.textContent = '::highlight(probe) { color: red }'; const t = performance.now(); document.head.append(s); document.body.offsetTop; const d = performance.now() - t; s.remove(); document.body.offsetTop; return d; })()`),
      );
      await new Promise((r) => setTimeout(r, 200));
      await read(v.cdp, 'window.__maxGap = 0');
      const saved = await settings();
      let ranges = 0;
      const longest = await longestExtensionRun(v.cdp, async () => {
        await setLocal({ settings: { ...saved, highlight: true } });
        ranges = await until(() => read<number>(v.cdp, `(CSS.highlights.get('sovereignty-lens')?.size ?? 0) >= 40000 ? CSS.highlights.get('sovereignty-lens').size : 0`), 'every mention highlighted', 30_000);
      }).finally(() => setLocal({ settings: saved }));
      const gap = Math.round(await read<number>(v.cdp, 'window.__maxGap'));
      figure('highlight-on', { ranges, longestExtensionRunMs: longest, maxPauseMs: gap, browserRestyleMs: restyle });
      // The page may still pause for the browser's own restyle and paint of 40,000 highlights; no task of ours may.
      assertTiming(longest < MAX_RUN_MS, `longest extension run while highlighting ${longest} ms (page paused ${gap} ms; the browser's own restyle for the rule: ${restyle} ms)`);
      await v.page.close();
    });
  });

  it('a shadow root attached late to an element already scanned is scanned and observed', async () => {
    const url = server.page(
      '/late-shadow.html',
      html(`<p>Backups are stored at Scaleway.</p><div id="host">light text</div><script>
        window.__attach = () => { const r = document.getElementById('host').attachShadow({ mode: 'open' }); r.innerHTML = '<p>Mail goes through Hetzner.</p>'; window.__root = r; };
      </script>`),
    );
    const v = await visit(url, '1', 6000, 'late-shadow-first');
    await read(v.cdp, 'window.__attach()');
    let badge = '';
    await until(async () => (badge = await badgeText(ext, v.tabId)) === '2', 'badge 2 after a late shadow root', 6000).catch(() => undefined);
    figure('late-shadow', { badgeAfterAttach: badge });
    assert.equal(badge, '2');
    await read(v.cdp, `window.__root.append(Object.assign(document.createElement('p'), { textContent: 'Files sync with Infomaniak.' }))`);
    await until(async () => (await badgeText(ext, v.tabId)) === '3', 'badge 3 after a change inside the late shadow root', 6000);
    await v.page.close();
  });

  it('names read as a person reads them: <br>, soft hyphen, zero-width space, word joiner', async () => {
    const url = server.page(
      '/reader.html',
      html('<p>Our CRM runs on Amazon<br>Web Services.</p><p>Mail goes through Hetz\u00ADner.</p><p>Backups at Scale\u200Bway.</p><p>Files at OVH\u2060cloud.</p><p>Docs at Info\uFEFFmaniak.</p>'),
    );
    const v = await visit(url, '5', 6000, 'reader-normalisation');
    assert.deepEqual(idsOf(v.state), ['aws', 'hetzner', 'infomaniak', 'ovhcloud', 'scaleway']);
    const snippet = v.state!.frames['0']!.snippets.hetzner![0]!;
    assert.ok(snippet.includes('Hetzner') && !snippet.includes('\u00AD'), `the snippet reads as the name (${JSON.stringify(snippet)})`);
    // Highlighting maps back to the DOM across the removed characters.
    const saved = await settings();
    await setLocal({ settings: { ...saved, highlight: true } });
    try {
      const texts = await until(
        () => read<string[]>(v.cdp, `(() => { const h = CSS.highlights.get('sovereignty-lens'); return h && h.size >= 5 ? [...h].map((r) => r.toString()) : null; })()`),
        'five highlighted names',
        6000,
      );
      assert.ok(texts.includes('Hetz\u00ADner') && texts.includes('Scale\u200Bway') && texts.includes('AmazonWeb Services'), JSON.stringify(texts));
    } finally {
      await setLocal({ settings: saved });
    }
    await v.page.close();
  });

  describe('the Markdown report and imports', () => {
    const importFile = (providers: unknown[]) => ({ name: 'providers.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'sovereignty-lens/providers', version: 1, providers })) });
    const openOptions = async () => {
      const options = await ext.ctx.newPage();
      await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
      await options.locator('[data-testid="add-provider"]').waitFor();
      return options;
    };

    it('refuses a source URL that could break out of a link, and the exported report renders no markup from the page', async () => {
      const options = await openOptions();
      const hostile = exposedProvider('hostile-src', 'Hostile Source');
      hostile.cloudAct.sources = [{ url: 'https://a.example/>\n<img src=x onerror=alert(1)>\n[x](javascript:alert(1))', title: 't', verified: '2026-01-01' }];
      await options.locator('[data-testid="import-input"]').setInputFiles(importFile([hostile]));
      const problems = await until(async () => (await options.locator('[data-testid="import-errors"] li').allInnerTexts()).join('\n'), 'the import refused');
      figure('markdown-import-url', { refused: problems.length > 0, problems });
      assert.match(problems, /cloudAct\.sources/);
      assert.equal(await options.locator('[data-testid="import-preview"]').count(), 0);
      await options.close();

      // A page whose text is markup-like: the Markdown report keeps it as text.
      const url = server.page('/md.html', html('<p>Our CRM runs on Amazon Web Services &lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1)) &lt;https://evil.example/&gt;</p>'));
      const v = await visit(url, '1', 6000, 'markdown-page');
      const report = await ext.ctx.newPage();
      await report.goto(`chrome-extension://${ext.extensionId}/src/report/index.html?tab=${v.tabId}`);
      await report.locator('h2').first().waitFor();
      const [download] = await Promise.all([report.waitForEvent('download'), report.locator('#markdown').click()]);
      const markdown = readFileSync((await download.path())!, 'utf8');
      const rendered = new MarkdownIt({ html: true, linkify: true }).render(markdown);
      const tags = [...new Set([...rendered.matchAll(/<([a-z][\w-]*)/gi)].map((m) => m[1]!.toLowerCase()))].sort();
      figure('markdown-report', { tags });
      assert.ok(markdown.includes('Amazon Web Services'), 'the report names the provider');
      assert.deepEqual(tags.filter((t) => !['a', 'blockquote', 'h1', 'h2', 'li', 'ol', 'p', 'strong', 'ul'].includes(t)), [], rendered);
      assert.doesNotMatch(rendered, /href="(javascript|data):/i);
      assert.ok([...rendered.matchAll(/href="([^"]*)"/g)].every((m) => /^https?:\/\//.test(m[1]!)), 'links are http(s) only');
      await report.close();
      await v.page.close();
    });

    it('an import that replaces a bundled provider shows the verdict it changes, before → after', async () => {
      const options = await openOptions();
      const mine = exposedProvider('aws', 'AWS (our contract)');
      const eu = { en: 'EU entity.', fr: 'Entité UE.' };
      const file = { ...mine, jurisdiction: { ...mine.jurisdiction, hq: 'FR', reason: eu }, cloudAct: { ...mine.cloudAct, status: 'not-exposed', laws: [], reason: eu } };
      await options.locator('[data-testid="import-input"]').setInputFiles(importFile([file]));
      const item = options.locator('[data-testid="import-verdicts"] li[data-provider-id="aws"]');
      await item.waitFor({ timeout: 4000 });
      const shown = { before: await item.getAttribute('data-before'), after: await item.getAttribute('data-after'), text: await item.innerText() };
      figure('import-verdict', shown);
      assert.equal(shown.before, 'high');
      assert.equal(shown.after, 'low');
      assert.match(shown.text, /Amazon Web Services: Exposed to foreign law → /);
      await options.locator('[data-testid="import-cancel"]').click();
      await options.close();
    });
  });

  describe('only the person acts', () => {
    it('scripted clicks on the notice do nothing; a real click silences with an undo', async () => {
      await setLocal({ settings: { ...(await settings()), silencedSites: [] } });
      const url = server.page('/clicks.html', html('<p>Our CRM runs on Amazon Web Services.</p>'));
      const v = await visit(url, '1', 6000, 'scripted-clicks');
      await v.page.waitForSelector(WARNING, { state: 'attached', timeout: 4000 });
      const pagesBefore = ext.ctx.pages().length;
      await read(v.cdp, `(() => { const r = document.querySelector('${WARNING}').shadowRoot; for (let i = 0; i < 30; i++) r.querySelector('[data-action="details"]').click(); r.querySelector('[data-action="silence-site"]').click(); r.querySelector('[data-action="silence-site"]').dispatchEvent(new MouseEvent('click', { bubbles: true })); })()`);
      await new Promise((r) => setTimeout(r, 1500));
      const opened = ext.ctx.pages().length - pagesBefore;
      const silenced = (await settings()).silencedSites.includes('127.0.0.1');
      const noticeLeft = await v.page.locator(WARNING).count();
      figure('scripted-clicks', { tabsOpened: opened, silenced, noticeLeft });
      assert.equal(opened, 0, 'no tab opened by scripted clicks');
      assert.equal(silenced, false, 'a scripted click does not silence the site');
      assert.equal(noticeLeft, 1, 'the notice is still there');
      // The person's own click silences, and can be undone.
      await v.page.locator(`${WARNING} [data-action="silence-site"]`).click();
      await until(async () => (await settings()).silencedSites.includes('127.0.0.1'), 'the site silenced by a real click');
      await v.page.locator(`${WARNING} [data-action="undo-silence"]`).click({ timeout: 4000 });
      await until(async () => !(await settings()).silencedSites.includes('127.0.0.1'), 'the silencing undone');
      await v.page.close();
    });
  });

  describe('bounded work, memory and boundaries', () => {
    it('the notice works with 250 warned providers on one page (summarised)', async () => {
      const custom = Array.from({ length: 250 }, (_, i) => exposedProvider(`vendor-${i}`, `Vendorname${i}x`));
      await setLocal({ customProviders: custom });
      try {
        const url = server.page('/many.html', html(`<p>${custom.map((p) => p.name).join(', ')}.</p>`));
        const v = await visit(url, '99+', 10_000, 'notice-250');
        const notice = await v.page.locator(WARNING).count() ? await v.page.locator(`${WARNING} [role="region"] p`).first().textContent() : null;
        figure('notice-250', { noticeShown: notice !== null, noticeChars: notice?.length ?? 0 });
        assert.equal(v.badge, '99+');
        assert.ok(notice, 'the notice is shown');
        assert.ok(notice.length < 600, `the notice is summarised (${notice.length} characters)`);
        await v.page.close();
      } finally {
        await removeLocal(['customProviders']);
      }
    });

    it('a right-to-left override in a provider name stays inside the name', async () => {
      await setLocal({ customProviders: [exposedProvider('rlo-vendor', 'Evil\u202Eroodkcab', ['Evilvendor'])] });
      try {
        const url = server.page('/rlo.html', html('<p>Our files are with Evilvendor.</p>'));
        const v = await visit(url, '1', 6000, 'rlo');
        await v.page.waitForSelector(WARNING, { state: 'attached', timeout: 4000 });
        const text = (await v.page.locator(`${WARNING} [role="region"] p`).first().textContent()) ?? '';
        figure('rlo', { isolated: text.includes('\u2068Evil\u202Eroodkcab\u2069') });
        assert.ok(text.includes('\u2068Evil\u202Eroodkcab\u2069'), `the name is isolated (${JSON.stringify(text)})`);
        await v.page.close();
      } finally {
        await removeLocal(['customProviders']);
      }
    });

    it("the page's own elements that carry our attribute are left alone", async () => {
      const url = server.page('/own-attr.html', html('<div data-sovereignty-lens="warning" id="mine">Hosted by OVHcloud.</div><style data-sovereignty-lens="highlight" id="mystyle">p{}</style>'));
      const v = await visit(url, '1', 6000, 'own-attribute');
      const kept = await read<number>(v.cdp, `document.querySelectorAll('#mine, #mystyle').length`);
      figure('own-attribute', { kept, badge: v.badge });
      assert.equal(kept, 2, 'both page elements are still there');
      assert.equal(v.badge, '1', 'and the page text in them is read');
      await v.page.close();
    });

    it('a content script gets only its own tab’s state', async () => {
      const other = server.page('/other-tab.html', html('<p>Our CRM runs on Amazon Web Services.</p>'));
      const o = await visit(other, '1', 6000, 'other-tab');
      const url = server.page('/asker.html', html('<p>Backups are stored at Scaleway.</p>'));
      const { page, cdp } = await cdpPage(ext);
      const contexts: number[] = [];
      cdp.on('Runtime.executionContextCreated', ({ context }) => {
        if ((context.auxData as { type?: string } | undefined)?.type === 'isolated' && context.name === 'Sovereignty Lens') contexts.push(context.id);
      });
      await cdp.send('Runtime.disable');
      await cdp.send('Runtime.enable');
      await page.goto(url);
      const me = await tabIdOf(ext, url);
      const contextId = await until(() => contexts.at(-1), 'our isolated world');
      const ask = async (tabId: number) => {
        const r = await cdp.send('Runtime.evaluate', { contextId, awaitPromise: true, returnByValue: true, expression: `chrome.runtime.sendMessage({ type: 'tab/get-state', req: { tabId: ${tabId} } }).then((s) => s ? s.url : null)` });
        return r.result.value as string | null;
      };
      const leaked = await ask(o.tabId);
      figure('cross-tab-state', { otherTabUrl: leaked });
      assert.equal(leaked, null, 'another tab’s state is not given to a content script');
      assert.equal(await ask(me), url, 'its own tab’s state is');
      await page.close();
      await o.page.close();
    });

    it('shadow roots whose host left the document are released', async () => {
      const url = server.page(
        '/shadow-stream.html',
        html(`<p>Backups are stored at Scaleway.</p><div id="box"></div><script>
          window.__n = 0;
          window.__stream = setInterval(() => {
            const box = document.getElementById('box');
            for (let k = 0; k < 5; k++) {
              const h = document.createElement('div');
              h.attachShadow({ mode: 'open' }).innerHTML = '<p>item ' + (window.__n++) + ' <b>of</b> <i>the</i> stream</p>';
              box.append(h);
              if (box.childElementCount > 20) box.firstElementChild.remove();
            }
          }, 20);
        </script>`),
      );
      const v = await visit(url, '1', 6000, 'shadow-stream-start');
      await new Promise((r) => setTimeout(r, 6000));
      await read(v.cdp, 'clearInterval(window.__stream)');
      await new Promise((r) => setTimeout(r, 1000));
      await v.cdp.send('HeapProfiler.collectGarbage');
      await v.cdp.send('HeapProfiler.collectGarbage');
      const { nodes } = (await v.cdp.send('Memory.getDOMCounters' as never)) as unknown as { nodes: number };
      const made = await read<number>(v.cdp, 'window.__n');
      figure('shadow-stream', { shadowRootsMade: made, domNodesAfterGc: nodes });
      assert.ok(made > 500, `the page streamed ${made} shadow roots`);
      assert.ok(nodes < 2000, `DOM nodes kept alive after GC: ${nodes}`);
      await v.page.close();
    });
  });
});
