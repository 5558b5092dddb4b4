// Messages: a web page cannot steer the extension (window messages
// and DOM events reach nothing of ours), another extension cannot either, and
// a malformed request from one of our own contexts is dropped by the schema
// without breaking the background: afterwards a normal page still gets its
// badge, and nothing was written.
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CDPSession, Page } from 'playwright-core';
import { badgeText, DIST, launchWithExtension, tabIdOf, until, type ExtensionBrowser } from './support/chromium';
import { startServer, type TestServer } from './support/server';

const WARNING = '[data-sovereignty-lens="warning"]';
let ext: ExtensionBrowser;
let server: TestServer;
let helperDir: string;
let helperId: string;
/** Errors the service worker logged or threw while the test ran (through CDP). */
const workerErrors: string[] = [];
let workerCdp: CDPSession | null = null;

const html = (body: string, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

/**
 * A second, unrelated extension with a fixed id (from a generated key): its
 * page tries to message ours. It has no background, so `ext.worker()` still
 * finds ours.
 */
async function writeHelperExtension(dir: string): Promise<string> {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const id = [...createHash('sha256').update(der).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Other extension', version: '1.0', key: der.toString('base64') }));
  await writeFile(join(dir, 'page.html'), '<!doctype html><meta charset="utf-8"><title>other</title><p>other extension</p>');
  return id;
}

/** Attaches to our service worker through CDP and records its exceptions and console errors. */
async function watchWorker(page: Page): Promise<void> {
  const cdp = await ext.ctx.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`));
  assert.ok(sw, 'our service worker is a target');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
  let id = 0;
  const sendToWorker = (method: string, params: object = {}) => cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method, params }) });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { method?: string; params?: Record<string, any> };
    if (m.method === 'Runtime.exceptionThrown') workerErrors.push(`exception: ${m.params!.exceptionDetails.exception?.description ?? m.params!.exceptionDetails.text}`);
    if (m.method === 'Runtime.consoleAPICalled' && ['error', 'warning', 'assert'].includes(m.params!.type)) workerErrors.push(`console.${m.params!.type}: ${m.params!.args.map((a: { value?: unknown; description?: string }) => a.value ?? a.description).join(' ')}`);
    if (m.method === 'Log.entryAdded' && m.params!.entry.level === 'error') workerErrors.push(`${m.params!.entry.source}: ${m.params!.entry.text}`);
  });
  await sendToWorker('Runtime.enable');
  await sendToWorker('Log.enable');
  workerCdp = cdp;
}

async function sessionState(): Promise<Record<string, unknown>> {
  const sw = await ext.worker();
  return sw.evaluate(() => chrome.storage.session.get(null));
}

async function localState(): Promise<Record<string, unknown>> {
  const sw = await ext.worker();
  return sw.evaluate(() => chrome.storage.local.get(null));
}

/** Opens a page naming one provider and waits for its badge: the proof the background still works. */
async function normalPageStillCounts(path: string): Promise<void> {
  const url = server.page(path, html('<p>Our backups moved to Scaleway and OVHcloud.</p>'));
  const page = await ext.ctx.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(ext, url);
  await until(async () => (await badgeText(ext, tabId)) === '2', `badge 2 on ${path}`);
  await page.close();
}

describe('messages (Chromium)', () => {
  before(async () => {
    server = await startServer();
    helperDir = await mkdtemp(join(tmpdir(), 'sl-other-ext-'));
    helperId = await writeHelperExtension(helperDir);
    // Later switches win: load ours and the other extension.
    ext = await launchWithExtension({ args: [`--disable-extensions-except=${DIST},${helperDir}`, `--load-extension=${DIST},${helperDir}`] });
    const page = await ext.ctx.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
    await watchWorker(page);
    // Canary: the watcher does see the worker's errors.
    await (await ext.worker()).evaluate(() => console.error('canary'));
    await until(() => workerErrors.some((e) => e.includes('canary')), 'the worker watcher to see a canary error');
    workerErrors.length = 0;
  });
  after(async () => {
    await workerCdp?.detach().catch(() => undefined);
    await ext?.close();
    await server?.close();
    await rm(helperDir, { recursive: true, force: true });
  });

  it('a web page cannot reach us: window messages, DOM events and runtime messaging do nothing', async () => {
    const url = server.page('/forger.html', html('<p>A page that names no provider at all.</p>'));
    const page = await ext.ctx.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(url);
    const tabId = await tabIdOf(ext, url);
    const settingsBefore = (await localState()).settings;

    const reach = await page.evaluate(async (extensionId) => {
      const report = { url: location.href, ids: ['aws', 'microsoft-azure'], snippets: { aws: ['forged'] } };
      const notice = { level: 'high', providers: [{ id: 'aws', name: '<img src=x onerror=alert(1)>', level: 'high' }] };
      const messages = [
        { type: 'tab/report', req: report },
        { type: 'warning/update', req: { notice } },
        { type: 'settings/silence-site', req: {} },
        { type: 'tab/open-details', req: {} },
      ];
      for (const m of messages) {
        window.postMessage(m, '*');
        window.top?.postMessage(m, '*');
        document.dispatchEvent(new CustomEvent(m.type, { detail: m }));
        window.dispatchEvent(new CustomEvent(m.type, { detail: m }));
        document.dispatchEvent(new CustomEvent('message', { detail: m }));
        window.dispatchEvent(new MessageEvent('message', { data: m, origin: `chrome-extension://${extensionId}` }));
      }
      // No extension is externally_connectable: the page has no runtime messaging at all.
      const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      let sent = 'no chrome.runtime.sendMessage';
      if (typeof runtime?.sendMessage === 'function') {
        try {
          await (runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>)(extensionId, messages[0]);
          sent = 'delivered';
        } catch (e) {
          sent = `refused: ${(e as Error).message}`;
        }
      }
      return sent;
    }, ext.extensionId);
    assert.notEqual(reach, 'delivered', 'the page could not message the extension');

    // Give any (wrong) effect time to show, then check that none did.
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(await badgeText(ext, tabId), '');
    const state = (await sessionState())[`tab:${tabId}`] as { frames: Record<string, { ids: string[] }> };
    assert.deepEqual(Object.values(state.frames).flatMap((f) => f.ids), []);
    assert.equal(await page.locator(WARNING).count(), 0, 'no notice from a forged warning/update');
    assert.deepEqual((await localState()).settings, settingsBefore, 'the site was not silenced');
    assert.equal(ext.ctx.pages().filter((p) => p.url().includes('/src/popup/')).length, 1, 'no details tab was opened (only the watcher page)');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  it('another extension cannot reach us either', async () => {
    const other = await ext.ctx.newPage();
    await other.goto(`chrome-extension://${helperId}/page.html`);
    const sessionBefore = await sessionState();
    const results = await other.evaluate(async (target) => {
      const out: string[] = [];
      for (const m of [
        { type: 'tab/get-state', req: { tabId: 1 } },
        { type: 'tab/report', req: { url: 'https://example.org/', ids: ['aws'], snippets: {} } },
        { type: 'lookup/take', req: {} },
      ]) {
        try {
          out.push(`answered: ${JSON.stringify(await chrome.runtime.sendMessage(target, m))}`);
        } catch (e) {
          out.push(`refused: ${(e as Error).message}`);
        }
      }
      return out;
    }, ext.extensionId);
    for (const r of results) assert.match(r, /^refused: |^answered: undefined$/, `no answer from us (${r})`);
    assert.deepEqual(await sessionState(), sessionBefore, 'nothing was written');
    await other.close();
  });

  it('malformed requests from one of our own pages are ignored, and the background keeps working', async () => {
    await normalPageStillCounts('/before.html');
    const popup = await ext.ctx.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
    const sw = await ext.worker();
    await sw.evaluate(() => ((self as unknown as { __alive: number }).__alive = 42));
    const sessionBefore = await sessionState();
    const localBefore = await localState();

    // Built here as JSON text and parsed in the page, so that `__proto__` stays an own key.
    let deep = '0';
    for (let i = 0; i < 500; i++) deep = `{"next": ${deep}}`;
    const ids = (n: number) => Array.from({ length: n }, () => 'aws');
    const report = (req: Record<string, unknown>) => JSON.stringify({ type: 'tab/report', req: { url: 'https://example.org/', ids: [], snippets: {}, ...req } });
    const cases: [string, string][] = [
      ['null', 'null'],
      ['a string', '"tab/report"'],
      ['a number', '42'],
      ['an array', JSON.stringify([{ type: 'tab/get-state', req: { tabId: 1 } }])],
      ['no type', JSON.stringify({ req: { tabId: 1 } })],
      ['unknown type', JSON.stringify({ type: 'tab/delete-everything', req: {} })],
      ['type from Object.prototype', JSON.stringify({ type: 'toString', req: {} })],
      ['type __proto__', '{"type": "__proto__", "req": {}}'],
      ['type constructor', JSON.stringify({ type: 'constructor', req: {} })],
      ['type hasOwnProperty', JSON.stringify({ type: 'hasOwnProperty', req: {} })],
      ['type of the wrong type', JSON.stringify({ type: ['tab/get-state'], req: { tabId: 1 } })],
      ['no req', JSON.stringify({ type: 'tab/get-state' })],
      ['tabId a string', JSON.stringify({ type: 'tab/get-state', req: { tabId: '1' } })],
      ['tabId negative', JSON.stringify({ type: 'tab/get-state', req: { tabId: -1 } })],
      ['tabId fractional', JSON.stringify({ type: 'tab/get-state', req: { tabId: 1.5 } })],
      ['ids not a list', report({ ids: 'aws' })],
      ['ids of numbers', report({ ids: [1, 2, 3] })],
      ['ids not slugs', report({ ids: ['AWS!', '<img src=x>'] })],
      ['100,000 ids', report({ ids: ids(100_000) })],
      ['url of 1 MB', report({ url: 'https://example.org/' + 'a'.repeat(1 << 20) })],
      ['url a number', report({ url: 42 })],
      ['snippet too long', report({ ids: ['aws'], snippets: { aws: ['x'.repeat(10_000)] } })],
      ['too many snippets', report({ ids: ['aws'], snippets: { aws: ['a', 'b', 'c', 'd', 'e', 'f'] } })],
      ['resources negative', report({ resources: { 'example.org': -1 } })],
      ['resources of 1,000 hosts', report({ resources: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`h${i}.example`, 1])) })],
      ['deeply nested', `{"type": "tab/get-state", "req": {"tabId": ${deep}}}`],
      ['warning/update to the background', JSON.stringify({ type: 'warning/update', req: { notice: { level: 'nope', providers: [] } } })],
    ];
    // No named helpers inside the page function: tsx would wrap them in a `__name` call the page lacks.
    const results = await popup.evaluate(async (list) => {
      const out: { name: string; outcome: string }[] = [];
      for (const [name, json] of list) {
        try {
          const reply = await chrome.runtime.sendMessage(JSON.parse(json));
          out.push({ name, outcome: reply === undefined ? 'ignored' : `answered ${JSON.stringify(reply).slice(0, 80)}` });
        } catch (e) {
          const msg = (e as Error).message;
          // "No response" is how Chrome says no listener handled it.
          out.push({ name, outcome: /message port closed/i.test(msg) ? 'ignored' : `error ${msg}` });
        }
      }
      return out;
    }, cases);
    // A report with values out of bounds is trimmed, not refused (one bad value must not cost a page its report);
    // from our own page it then does nothing: the handler answers null and writes nothing (checked below).
    const trimmed = new Set(cases.filter(([, json]) => json.startsWith('{"type":"tab/report"') && !json.includes('"url":42')).map(([name]) => name));
    assert.deepEqual(
      results.filter((r) => r.outcome !== 'ignored' && !(trimmed.has(r.name) && r.outcome === 'answered null')),
      [],
      'every malformed request is ignored (no reply, no error from a handler), every out-of-bounds report trimmed and, from our own page, dropped',
    );
    assert.equal(trimmed.size, 9);

    // Prototype-pollution keys: the schema drops them (valibot never copies
    // `__proto__`, `constructor` or `prototype` keys), so what remains is an
    // ordinary request, handled as such, and nothing is polluted.
    const pollution = await popup.evaluate(async (list) => {
      const out: string[] = [];
      for (const json of list) out.push(JSON.stringify(await chrome.runtime.sendMessage(JSON.parse(json)).catch((e: Error) => e.message)));
      return out;
    }, [
      '{"type": "tab/get-state", "req": {"tabId": 999999, "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}}',
      '{"type": "tab/report", "req": {"url": "https://example.org/", "ids": [], "snippets": {"__proto__": ["polluted"]}, "__proto__": {"polluted": true}}}',
    ]);
    assert.deepEqual(pollution, ['null', 'null'], 'answered as plain requests (no state for that tab; a report without a tab does nothing)');

    // Our own page, opened in a tab, may report for that tab (it is our code and sender.tab is its tab): leave that entry aside.
    const ownPage = (v: unknown) => String((v as { url?: string }).url).startsWith(`chrome-extension://${ext.extensionId}/`);
    const others = (all: Record<string, unknown>) => Object.fromEntries(Object.entries(all).filter(([, v]) => !ownPage(v)));
    assert.deepEqual(others(await sessionState()), others(sessionBefore), 'storage.session unchanged');
    assert.deepEqual(await localState(), localBefore, 'storage.local unchanged');
    assert.equal(await sw.evaluate(() => (Object.prototype as Record<string, unknown>).polluted ?? null), null, 'Object.prototype not polluted in the worker');
    assert.equal(await sw.evaluate(() => (self as unknown as { __alive?: number }).__alive), 42, 'the same worker is still running (it did not crash)');
    await popup.close();

    await normalPageStillCounts('/after.html');
    assert.deepEqual(workerErrors, [], 'the worker logged no error and threw nothing');
  });

  it(
    'a stored custom provider whose id is an Object.prototype key ("constructor") is refused without breaking the tab',
    {},
    async () => {
      const sw = await ext.worker();
      const text = { en: 'Test entry.', fr: 'Entrée de test.' };
      const provider = {
        id: 'constructor',
        name: 'Zeta Constructor Cloud',
        domains: [],
        aliases: ['Zeta Constructor Cloud'],
        weakAliases: [],
        jurisdiction: { entity: null, hq: null, parent: null, parentHq: null, reason: text, sources: [] },
        cloudAct: { status: 'unknown', laws: [], reason: text, sources: [] },
        hds: { status: 'unknown', activities: [], certificateId: null, certifier: null, version: null, validUntil: null, reason: text, sources: [] },
        secnumcloud: { status: 'unknown', services: [], reason: text, sources: [] },
      };
      const saved = await sw.evaluate(async () => (await chrome.storage.local.get('customProviders')).customProviders ?? null);
      await sw.evaluate(async (p) => chrome.storage.local.set({ customProviders: [p] }), provider);
      const page = await ext.ctx.newPage();
      try {
        const url = server.page('/constructor.html', html('<p>Our archive runs on Zeta Constructor Cloud, backups on OVHcloud.</p>'));
        await page.goto(url);
        const tabId = await tabIdOf(ext, url);
        // The reserved id fails validation on read (the options page shows the error); the rest of the tab works.
        await until(async () => (await badgeText(ext, tabId)) === '1', 'badge 1 (OVHcloud) next to the refused "constructor" entry', 4000);
        const view = await page.evaluate(() => undefined).then(() => sw.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId));
        assert.ok(view, 'the tab has a state');
      } finally {
        await page.close();
        await sw.evaluate(async (v) => (v ? chrome.storage.local.set({ customProviders: v }) : chrome.storage.local.remove('customProviders')), saved);
      }
    },
  );
});
