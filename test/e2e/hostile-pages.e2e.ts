// Hostile and extreme pages: the extension reads every page a
// person opens, so on each of these the page must keep working (its own timer
// keeps ticking, no page error, no console error coming from us), the
// extension must give the right badge (or bow out cleanly), and the JS heap
// must stay bounded.
//
// Fixtures are built inline. Heavy DOMs are built by the page's own script,
// so the HTML stays small. The page is read through CDP (Runtime.evaluate with
// returnByValue), never through Playwright's page.evaluate, because some of
// these pages sabotage the JS built-ins that page-side helpers rely on.
//
// `SL_LONG=1` (or `--long`) runs the mutation storm for 30 s instead of 5 s.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CDPSession, Page } from 'playwright-core';
import { badgeText, launchWithExtension, openPopup, tabIdOf, until, type ExtensionBrowser } from './support/chromium';
import { startServer, type TestServer } from './support/server';
import { html, TICKER } from './support/hostile';

const LONG = process.env.SL_LONG === '1' || process.argv.includes('--long');
const STORM_MS = LONG ? 30_000 : 5_000;
const WARNING = '[data-sovereignty-lens="warning"]';
/** No single pause of the page's own 16 ms timer may exceed this while we scan (the scan works in slices of a few ms). */
const MAX_PAGE_PAUSE_MS = 1000;
/** JS heap of the page's renderer (page + our isolated world) after a GC: generous, this is no benchmark. */
const MAX_HEAP_MB = 32;

let ext: ExtensionBrowser;
let server: TestServer;
let extOrigin: string;


interface Watched {
  page: Page;
  cdp: CDPSession;
  /** Uncaught errors in the page: its own scripts' (Playwright reports our isolated world's here too). */
  pageErrors: string[];
  /** Errors and warnings from our content script's world, or logged against our extension's URLs. */
  ours: string[];
  /** Everything our world logged (the reason when it bows out). */
  ourLog: string[];
  dialogs: string[];
  /** Execution contexts of our content script (isolated worlds), by id. */
  ourContexts: Set<number>;
}

/** Opens a tab that records page errors, dialogs and anything our content script logs or throws (through CDP). */
async function watchedPage(): Promise<Watched> {
  const page = await ext.ctx.newPage();
  const cdp = await ext.ctx.newCDPSession(page);
  const w: Watched = { page, cdp, pageErrors: [], ours: [], ourLog: [], dialogs: [], ourContexts: new Set() };
  page.on('pageerror', (e) => w.pageErrors.push(e.message));
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  const fromUs = (url: string | undefined) => !!url && url.startsWith(extOrigin);
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin === extOrigin || (context.auxData as { type?: string } | undefined)?.type === 'isolated' && context.name === 'Sovereignty Lens') w.ourContexts.add(context.id);
  });
  cdp.on('Runtime.consoleAPICalled', (e) => {
    const frames = e.stackTrace?.callFrames ?? [];
    if (!w.ourContexts.has(e.executionContextId) && !frames.some((f) => fromUs(f.url))) return;
    const text = e.args.map((a) => a.value ?? a.description ?? '').join(' ');
    w.ourLog.push(`${e.type}: ${text}`);
    if (e.type === 'error' || e.type === 'warning' || e.type === 'assert') w.ours.push(`console.${e.type}: ${text}`);
  });
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
    if ((d.executionContextId !== undefined && w.ourContexts.has(d.executionContextId)) || fromUs(d.url) || d.stackTrace?.callFrames.some((f) => fromUs(f.url))) {
      w.ours.push(`exception: ${d.exception?.description ?? d.text}`);
    }
  });
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (fromUs(entry.url) || entry.text.includes(extOrigin) || entry.stackTrace?.callFrames.some((f) => fromUs(f.url))) w.ours.push(`${entry.source}/${entry.level}: ${entry.text}`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  return w;
}

/** Reads a value from the page's main world through CDP (no page-side helper code runs). */
async function read<T>(w: Watched, expression: string): Promise<T> {
  const r = await w.cdp.send('Runtime.evaluate', { expression, returnByValue: true });
  if (r.exceptionDetails) throw new Error(`page evaluation failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value as T;
}

async function heapMB(w: Watched): Promise<number> {
  await w.cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await w.cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

async function tabState(tabId: number): Promise<{ url: string; frames: Record<string, { ids: string[]; snippets: Record<string, string[]> }> } | undefined> {
  const sw = await ext.worker();
  return sw.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId);
}

const idsOf = (state: Awaited<ReturnType<typeof tabState>>) => [...new Set(Object.values(state?.frames ?? {}).flatMap((f) => f.ids))].sort();

/** The common end of every test: the page kept working and nothing came from us. */
function assertPageUnharmed(w: Watched, opts: { ticker?: { before: number; after: number; maxGap: number } } = {}) {
  assert.ok(w.ourContexts.size > 0, 'the watcher saw our content script’s world (so silence from it means something)');
  assert.deepEqual(w.pageErrors, [], 'no uncaught error in the page (its own or ours)');
  assert.deepEqual(w.ours, [], `no error or warning from the extension (our world logged: ${JSON.stringify(w.ourLog)})`);
  assert.deepEqual(w.dialogs, [], 'no dialog opened');
  if (opts.ticker) {
    assert.ok(opts.ticker.after > opts.ticker.before, `the page's timer kept ticking (${opts.ticker.before} → ${opts.ticker.after})`);
    assert.ok(opts.ticker.maxGap < MAX_PAGE_PAUSE_MS, `the page's timer never paused ${MAX_PAGE_PAUSE_MS} ms or more while we scanned (longest pause ${Math.round(opts.ticker.maxGap)} ms)`);
  }
}

/** Opens `url`, waits for the badge to read `expected`, and checks the page's heartbeat over that time. */
async function scanAndCount(w: Watched, url: string, expected: string, timeoutMs: number) {
  await w.page.goto(url, { timeout: 90_000 });
  // From here on our content script runs (document_idle): measure the page's pauses from now.
  const before = await read<number>(w, 'window.__ticks = window.__ticks ?? 0, window.__maxGap = 0, window.__ticks');
  const started = Date.now();
  const tabId = await tabIdOf(ext, url, timeoutMs);
  await until(async () => (await badgeText(ext, tabId)) === expected, `badge "${expected}" on ${url}`, timeoutMs);
  const ticker = { before, after: await read<number>(w, 'window.__ticks'), maxGap: await read<number>(w, 'window.__maxGap') };
  return { tabId, scanMs: Date.now() - started, ticker };
}

describe('hostile and extreme pages (Chromium)', () => {
  before(async () => {
    server = await startServer();
    ext = await launchWithExtension();
    extOrigin = `chrome-extension://${ext.extensionId}`;
  });
  after(async () => {
    await ext?.close();
    await server?.close();
  });

  it('the watcher itself sees an error or an exception in our content script’s world', async () => {
    const url = server.page('/canary.html', html('<p>Backups are stored at Scaleway.</p>'));
    const w = await watchedPage();
    await w.page.goto(url);
    await until(() => w.ourContexts.size > 0, 'our content script’s world');
    const contextId = [...w.ourContexts][0]!;
    await w.cdp.send('Runtime.evaluate', { expression: `console.error('canary error'); setTimeout(() => { throw new Error('canary exception'); })`, contextId });
    await until(() => w.ours.some((e) => e.includes('canary error')) && w.ours.some((e) => e.includes('canary exception')), 'both canaries recorded');
    // Playwright also reports our world's uncaught exceptions as page errors: either way a test would fail.
    assert.ok(w.pageErrors.some((e) => e.includes('canary exception')));
    await w.page.close();
  });

  it('a page of 1,000,000 text nodes is scanned to its very end, in slices', async () => {
    // 10,000 paragraphs of 100 text nodes each (split by comments, so the
    // parser keeps them apart); the only provider is named after all of them.
    const url = server.page(
      '/million.html',
      html(
        `${TICKER}<main id="m"></main><script>
          const row = '<p>' + 'w<!---->'.repeat(99) + 'w</p>';
          document.getElementById('m').innerHTML = row.repeat(10000) + '<p>Backups are stored at Scaleway.</p>';
        </script>`,
      ),
    );
    const w = await watchedPage();
    const { tabId, ticker } = await scanAndCount(w, url, '1', 45_000);
    assert.equal(await read<number>(w, `(() => { const t = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); let n = 0; while (t.nextNode()) n++; return n; })()`) >= 1_000_000, true);
    assert.deepEqual(idsOf(await tabState(tabId)), ['scaleway']);
    assertPageUnharmed(w, { ticker });
    const heap = await heapMB(w);
    assert.ok(heap < MAX_HEAP_MB, `heap after the scan: ${heap.toFixed(1)} MB`);
    await w.page.close();
  });

  it('one 20 MB text node with the provider named at its very end', async () => {
    const url = server.page(
      '/huge-text.html',
      html(
        `${TICKER}<p id="p"></p><script>
          document.getElementById('p').append(document.createTextNode('lorem ipsum '.repeat(Math.ceil(20e6 / 12)) + ' Our data moved to Hetzner.'));
        </script>`,
        // No line breaking: Chromium lays 20 MB of text out faster on one line.
        '<style>#p { white-space: pre; font: 8px monospace; }</style>',
      ),
    );
    const w = await watchedPage();
    const { tabId, ticker } = await scanAndCount(w, url, '1', 30_000);
    const state = await tabState(tabId);
    assert.deepEqual(idsOf(state), ['hetzner']);
    const snippets = state!.frames['0']!.snippets.hetzner!;
    assert.ok(snippets.length >= 1 && snippets.every((s) => s.length <= 400 && s.includes('Hetzner')), `short snippets only (${snippets.map((s) => s.length)})`);
    assertPageUnharmed(w, { ticker });
    const heap = await heapMB(w);
    assert.ok(heap < MAX_HEAP_MB, `the 20 MB text is not retained: heap ${heap.toFixed(1)} MB`);
    await w.page.close();
  });

  /** A page whose text sits 5,000 elements deep, each level styled by `levelStyle`. */
  const deepPage = (path: string, levelStyle: string) =>
    server.page(
      path,
      html(
        `${TICKER}<div style="height: 150vh">Scroll down.</div><div id="root"></div><script>
          let e = document.getElementById('root');
          for (let i = 0; i < 5000; i++) { const d = document.createElement(i % 2 ? 'section' : 'div'); d.style.cssText = '${levelStyle}'; e.append(d); e = d; }
          const p = document.createElement('p');
          p.textContent = 'Our servers are hosted by OVHcloud.';
          e.append(p);
        </script>`,
      ),
    );

  it('a DOM 5,000 levels deep', async () => {
    // Chromium 156 itself crashes laying out 5,000 nested boxes, with no
    // extension at all: the levels are `display: contents` wrappers (no box
    // of their own), as frameworks nest them; the text is in a normal <p>.
    const url = deepPage('/deep.html', 'display: contents');
    const w = await watchedPage();
    const { tabId, ticker } = await scanAndCount(w, url, '1', 15_000);
    assert.equal(await read<number>(w, `(() => { let n = 0, e = document.getElementById('root'); while (e.firstElementChild) { e = e.firstElementChild; n++; } return n; })()`), 5001);
    assert.deepEqual(idsOf(await tabState(tabId)), ['ovhcloud']);
    // A change at the bottom of the chain is seen too.
    await read(w, `(() => { let e = document.getElementById('root'); while (e.firstElementChild) e = e.firstElementChild; const p = document.createElement('p'); p.textContent = 'Mail goes through Hetzner.'; e.after(p); })()`);
    await until(async () => (await badgeText(ext, tabId)) === '2', 'badge 2 after a change 5,000 levels down', 5000);
    assertPageUnharmed(w, { ticker: { ...ticker, after: await read<number>(w, 'window.__ticks'), maxGap: await read<number>(w, 'window.__maxGap') } });
    const heap = await heapMB(w);
    assert.ok(heap < MAX_HEAP_MB, `heap ${heap.toFixed(1)} MB`);
    await w.page.close();
  });

  it(
    'a DOM 5,000 levels deep of `content-visibility: auto` boxes below the fold: the page never pauses ≥ 1 s',
    {},
    async () => {
      const url = deepPage('/deep-cv.html', 'content-visibility: auto');
      const w = await watchedPage();
      try {
        const { ticker } = await scanAndCount(w, url, '1', 15_000);
        assertPageUnharmed(w, { ticker });
      } finally {
        await w.page.close();
      }
    },
  );

  describe(`a page that mutates 1,000 times a second for ${STORM_MS / 1000} s`, () => {
    /** Measured by the first test, judged by the second (a known bug, see its todo). */
    let latency: { firstReportMs: number; newProviderMs: number } | null = null;

    it('keeps working, keeps its memory bounded and ends with the right badge', async () => {
      // Every 10 ms the page adds 10 paragraphs and drops old ones (the DOM
      // stays ~50 paragraphs). Half-way through it names a new provider once.
      const url = server.page(
        '/storm.html',
        html(
          `${TICKER}<p>Static text: backups at Scaleway.</p><div id="box"></div><script>
            const box = document.getElementById('box');
            const t0 = performance.now();
            window.__muts = 0;
            window.__added = 0;
            window.__done = false;
            let i = 0;
            const timer = setInterval(() => {
              const t = performance.now() - t0;
              if (t > ${STORM_MS}) { clearInterval(timer); window.__done = true; return; }
              for (let k = 0; k < 10; k++) {
                const p = document.createElement('p');
                p.textContent = 'tick ' + (i++) + ' of the live feed';
                box.append(p);
                if (box.childElementCount > 50) box.firstElementChild.remove();
                if (k % 2) box.firstElementChild.firstChild.data += '.';
                window.__muts++;
              }
              if (!window.__added && t > ${STORM_MS / 2}) {
                const q = document.createElement('p');
                q.textContent = 'New: mail now goes through Hetzner.';
                document.body.append(q);
                window.__added = performance.now();
              }
            }, 10);
          </script>`,
        ),
      );
      const w = await watchedPage();
      const navStart = Date.now();
      await w.page.goto(url);
      await read(w, 'window.__maxGap = 0');
      // Poll the tab's state through the storm: when did the first report, and the new provider, arrive?
      let firstReport = 0;
      let tabId = 0;
      let hetznerSeen = 0;
      const heaps: number[] = [];
      let nextHeap = Date.now() + 1000;
      while (!(await read<boolean>(w, 'window.__done'))) {
        if (!tabId) {
          tabId = await tabIdOf(ext, url, 50).catch(() => 0);
          if (tabId) firstReport = Date.now();
        } else if (!hetznerSeen && idsOf(await tabState(tabId)).includes('hetzner')) hetznerSeen = Date.now();
        if (Date.now() >= nextHeap) {
          heaps.push(await heapMB(w));
          nextHeap = Date.now() + Math.max(1000, STORM_MS / 6);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      const stormEnd = Date.now();
      const [addedAt, navPageTime] = await read<[number, number]>(w, '[window.__added, performance.timeOrigin]');
      const muts = await read<number>(w, 'window.__muts');
      const maxGap = await read<number>(w, 'window.__maxGap');
      heaps.push(await heapMB(w));
      if (!tabId) tabId = await tabIdOf(ext, url, 3000);
      // Once the page settles, the badge is right within 2 s.
      await until(async () => (await badgeText(ext, tabId)) === '2', 'badge 2 (Scaleway, Hetzner) after the storm', 2500);
      if (!hetznerSeen) hetznerSeen = Date.now();
      latency = { firstReportMs: (firstReport || stormEnd) - navStart, newProviderMs: hetznerSeen - (navPageTime + addedAt) };

      const expected = STORM_MS / 10; // ticks of 10 ms, 10 mutations each
      assert.ok(muts >= expected * 10 * 0.6, `the page made ${muts} of its ${expected * 10} mutations (not starved)`);
      assert.ok(maxGap < MAX_PAGE_PAUSE_MS, `the page never paused ${MAX_PAGE_PAUSE_MS} ms or more (longest ${Math.round(maxGap)} ms)`);
      assertPageUnharmed(w);
      const growth = heaps.at(-1)! - heaps[0]!;
      assert.ok(Math.max(...heaps) < MAX_HEAP_MB && growth < 8, `heap stays bounded through the storm: ${heaps.map((h) => h.toFixed(1)).join(' → ')} MB`);
      await w.page.close();
    });

    it(
      'reports within 2 s while the page keeps mutating (first report, and a provider added mid-storm)',
      {},
      () => {
        assert.ok(latency, 'measured by the previous test');
        // 2 s from the contract, plus the test's own polling (50 ms) and message round trips.
        assert.ok(latency.firstReportMs <= 2500, `first report ${latency.firstReportMs} ms after navigation`);
        assert.ok(latency.newProviderMs <= 2500, `new provider reported ${latency.newProviderMs} ms after it appeared`);
      },
    );
  });

  it('a page that overrides Array, Node, MutationObserver, history.pushState and JSON (we run in an isolated world)', async () => {
    // The page keeps the originals it needs, then breaks every built-in a
    // content script could use, and clobbers `browser`/`chrome` with elements.
    const sabotage = `<script>
      (() => {
        const origPush = history.pushState.bind(history);
        const setText = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent').set;
        const byId = Document.prototype.getElementById;
        window.__go = () => { origPush({}, '', '/overrides-next.html'); setText.call(byId.call(document, 'app'), 'We moved to Hetzner.'); };
        const poison = (proto, label) => {
          for (const k of Object.getOwnPropertyNames(proto)) {
            const d = Object.getOwnPropertyDescriptor(proto, k);
            if (k === 'constructor' || !d || !d.configurable) continue;
            const boom = function () { throw new Error('hostile page: ' + label + '.' + k); };
            if (typeof d.value === 'function') Object.defineProperty(proto, k, { value: boom, configurable: true, writable: true });
            else if (d.get) Object.defineProperty(proto, k, { get: boom, set: boom, configurable: true });
          }
        };
        poison(Array.prototype, 'Array.prototype');
        poison(Node.prototype, 'Node.prototype');
        poison(Element.prototype, 'Element.prototype');
        poison(Document.prototype, 'Document.prototype');
        poison(EventTarget.prototype, 'EventTarget.prototype');
        poison(String.prototype, 'String.prototype');
        poison(Promise.prototype, 'Promise.prototype');
        window.MutationObserver = function () { throw new Error('hostile page: MutationObserver'); };
        window.requestIdleCallback = function () { throw new Error('hostile page: requestIdleCallback'); };
        history.pushState = function () { throw new Error('hostile page: pushState'); };
        history.replaceState = function () { throw new Error('hostile page: replaceState'); };
        JSON.parse = JSON.stringify = function () { throw new Error('hostile page: JSON'); };
        Object.defineProperty(Object.prototype, 'then', { get() { throw new Error('hostile page: then'); }, configurable: true });
        Object.defineProperty(Object.prototype, 'type', { value: 'tab/report', configurable: true, writable: true });
        window.__sabotaged = true;
      })();
    </script>`;
    const url = server.page(
      '/overrides.html',
      html(`<div id="browser"></div><div id="chrome"></div><form name="browser"></form><main id="app">Our CRM runs on Amazon Web Services.</main>${TICKER}`, sabotage),
    );
    const w = await watchedPage();
    const { tabId, ticker } = await scanAndCount(w, url, '1', 8000);
    assert.equal(await read<boolean>(w, 'window.__sabotaged'), true, 'the sabotage ran before us');
    await w.page.waitForSelector(WARNING, { state: 'attached', timeout: 4000 });
    assert.equal(await w.page.locator(`${WARNING} [role="region"]`).count(), 1, 'the notice is built');
    // The page's own router (original pushState) still starts a fresh scan.
    await read(w, 'window.__go()');
    const next = `${server.origin}/overrides-next.html`;
    await until(async () => {
      const state = await tabState(tabId);
      return state?.url === next && idsOf(state).join() === 'hetzner';
    }, 'aws gone and hetzner found after the route change', 5000);
    await until(async () => (await badgeText(ext, tabId)) === '1', 'badge 1 after the route change');
    // We restored nothing and added nothing to the page's world.
    assert.equal(await read<string>(w, `(() => { try { [].map(); return 'restored'; } catch (e) { return e.message; } })()`), 'hostile page: Array.prototype.map');
    assert.equal(await read<string>(w, `typeof window.sovereigntyLens`), 'undefined', 'no global of ours in the page');
    assertPageUnharmed(w, { ticker: { ...ticker, after: await read<number>(w, 'window.__ticks') } });
    await w.page.close();
  });

  it("a page with a strict CSP (default-src 'none') still gets the badge, the notice and the highlight", async () => {
    const url = server.page('/csp.html', html('<h1>Health data</h1><p>Le Health Data Hub est hébergé sur Microsoft Azure.</p>'), { 'content-security-policy': "default-src 'none'" });
    const w = await watchedPage();
    await w.page.goto(url);
    const tabId = await tabIdOf(ext, url);
    await until(async () => (await badgeText(ext, tabId)) === '1', 'badge 1 under a strict CSP');
    await w.page.waitForSelector(WARNING, { state: 'attached', timeout: 4000 });
    // The notice's own <style> (in its shadow root) applied despite the page's CSP: it floats, it does not shift the page.
    const look = await read<{ position: string; zIndex: string; hostHeight: number }>(
      w,
      `(() => { const h = document.querySelector('${WARNING}'); const box = h.shadowRoot.querySelector('[role="region"]'); const s = getComputedStyle(box); return { position: s.position, zIndex: s.zIndex, hostHeight: h.getBoundingClientRect().height }; })()`,
    );
    assert.deepEqual(look, { position: 'fixed', zIndex: '2147483647', hostHeight: 0 });
    // Highlighting (off by default) also works under this CSP.
    const sw = await ext.worker();
    const saved = await sw.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    await sw.evaluate(async (s) => chrome.storage.local.set({ settings: { ...(s ?? {}), highlight: true } }), saved);
    try {
      await until(() => read<number>(w, `CSS.highlights.get('sovereignty-lens')?.size ?? 0`), 'a highlight range under a strict CSP', 4000);
    } finally {
      await sw.evaluate(async (s) => (s ? chrome.storage.local.set({ settings: s }) : chrome.storage.local.remove('settings')), saved);
    }
    assertPageUnharmed(w);
    await w.page.close();
  });

  it('sandboxed and cross-origin iframes: each frame reports its own findings, none can take over the page', async () => {
    const cross = `http://localhost:${server.port}`;
    server.page('/f-same.html', html('<p>Files sync with Clever Cloud.</p>'));
    server.page('/f-cross.html', html(`${TICKER}<p>Mail goes through Hetzner.</p>`));
    server.page('/f-sandbox.html', html('<p>Hosted by OVHcloud.</p>'));
    server.page('/f-sandbox-scripts.html', html(`${TICKER}<p>Our files are at Infomaniak.</p>`));
    const url = server.page(
      '/frames.html',
      html(
        `${TICKER}<p>Backups are stored at Scaleway.</p>
        <iframe src="/f-same.html"></iframe>
        <iframe src="${cross}/f-cross.html"></iframe>
        <iframe sandbox src="/f-sandbox.html"></iframe>
        <iframe sandbox="allow-scripts" src="/f-sandbox-scripts.html"></iframe>`,
      ),
    );
    const w = await watchedPage();
    const { tabId, ticker } = await scanAndCount(w, url, '5', 8000);
    const state = await tabState(tabId);
    assert.equal(state?.url, url, 'the top frame alone sets the page URL');
    assert.deepEqual(idsOf(state), ['clever-cloud', 'hetzner', 'infomaniak', 'ovhcloud', 'scaleway']);
    assert.equal(Object.keys(state!.frames).length, 5, 'one report per frame');
    // The notice lives in the top document only (none of these providers is "exposed", so none at all here).
    for (const frame of w.page.frames()) assert.equal(await frame.locator(WARNING).count(), 0);
    for (const frame of w.page.frames().filter((f) => f !== w.page.mainFrame() && !f.url().includes('f-sandbox.html'))) {
      // Sandboxed (with scripts) and cross-origin frames keep running their own timers.
      if (/f-cross|f-sandbox-scripts/.test(frame.url())) assert.ok((await frame.evaluate(() => (window as unknown as { __ticks: number }).__ticks)) > 0, `${frame.url()} keeps ticking`);
    }
    assertPageUnharmed(w, { ticker });
    await w.page.close();
  });

  it(
    'a same-origin srcdoc or about:blank iframe is scanned like any same-origin iframe',
    {},
    async () => {
      const url = server.page(
        '/srcdoc.html',
        html(`<p>Nothing here.</p><iframe srcdoc="<p>Backups are stored at Scaleway.</p>"></iframe><iframe id="blank"></iframe>
          <script>addEventListener('load', () => { document.getElementById('blank').contentDocument.body.innerHTML = '<p>Mail goes through Hetzner.</p>'; });</script>`),
      );
      const w = await watchedPage();
      try {
        await w.page.goto(url);
        const tabId = await tabIdOf(ext, url);
        await until(async () => (await badgeText(ext, tabId)) === '2', 'badge 2 (providers named in srcdoc and about:blank frames)', 4000);
        assertPageUnharmed(w);
      } finally {
        await w.page.close();
      }
    },
  );

  it('markup-like provider text is read as text, and the notice and popup show it as text', async () => {
    const url = server.page(
      '/markup.html',
      html(`${TICKER}<p id="m">Our data is hosted on &lt;img src=x onerror=alert(1)&gt;Azure in a Microsoft data center.</p><p>&lt;script&gt;alert(2)&lt;/script&gt;</p>`),
    );
    const w = await watchedPage();
    const { tabId, ticker } = await scanAndCount(w, url, '1', 6000);
    const state = await tabState(tabId);
    assert.deepEqual(idsOf(state), ['microsoft-azure']);
    assert.ok(state!.frames['0']!.snippets['microsoft-azure']!.some((s) => s.includes('<img src=x onerror=alert(1)>Azure')), 'the snippet keeps the literal text');
    await w.page.waitForSelector(WARNING, { state: 'attached', timeout: 4000 });
    const notice = await read<{ text: string; elements: string[] }>(
      w,
      `(() => { const r = document.querySelector('${WARNING}').shadowRoot; return { text: r.querySelector('[role="region"]').textContent, elements: [...r.querySelectorAll('*')].map((e) => e.localName) }; })()`,
    );
    assert.match(notice.text, /Microsoft Azure/, 'the notice names the provider from the dataset');
    assert.deepEqual([...new Set(notice.elements)].filter((n) => !['style', 'div', 'h2', 'p', 'button'].includes(n)), [], 'only the notice’s own elements');
    assert.equal(await read<number>(w, `document.querySelectorAll('img, script:not([src])').length`), 1, 'no element was created from the text (the one script is the ticker)');

    const popup = await openPopup(ext, tabId);
    const card = popup.locator('[data-provider-id="microsoft-azure"]');
    await card.waitFor({ timeout: 5000 });
    await card.locator('details').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const snippet = await card.locator('.snippets q').first().textContent();
    assert.ok(snippet?.includes('<img src=x onerror=alert(1)>Azure'), `the popup shows the snippet as text (${snippet})`);
    assert.equal(await popup.locator('img[src="x"], .snippets img, .snippets script').count(), 0, 'no element in the popup from the page text');
    await popup.close();
    assertPageUnharmed(w, { ticker });
    await w.page.close();
  });

  it('provider names only in attributes, form fields, scripts and styles are not read', async () => {
    const url = server.page(
      '/attributes.html',
      html(
        `<p title="Amazon Web Services" data-provider="Hetzner" aria-label="Scaleway" class="OVHcloud">A plain article.</p>
         <img alt="Microsoft Azure" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
         <a href="https://www.ovhcloud.com/" title="OVHcloud">a link</a>
         <input value="Google Cloud"><textarea>Clever Cloud</textarea><select><option>Scaleway</option></select>
         <script>/* Amazon Web Services */</script><style>/* Hetzner */</style><noscript>Microsoft Azure</noscript>
         <template><p>Amazon Web Services</p></template>`,
      ),
    );
    const w = await watchedPage();
    await w.page.goto(url);
    const tabId = await tabIdOf(ext, url);
    // The first report comes even when nothing is found; give a later one time to arrive.
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(idsOf(await tabState(tabId)), []);
    assert.equal(await badgeText(ext, tabId), '');
    assert.equal(await w.page.locator(WARNING).count(), 0);
    assertPageUnharmed(w);
    await w.page.close();
  });

  it(
    'text whose block is `display: contents` counts as visible',
    {},
    async () => {
      const url = server.page('/contents.html', html('<div style="display: contents">Our servers are hosted by OVHcloud.</div>'));
      const w = await watchedPage();
      try {
        await w.page.goto(url);
        const tabId = await tabIdOf(ext, url);
        await until(async () => (await badgeText(ext, tabId)) === '1', 'badge 1', 3000);
      } finally {
        await w.page.close();
      }
    },
  );
});
