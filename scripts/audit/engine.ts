// The extension's own findings for a list of pages: each page is opened in a
// tab of headless Chromium with the built extension, and once the tab's state
// has settled it is read from the background with the message the popup sends
// ('tab/get-state'). Nothing here matches text: the extension does.
//
// The only requests are the pages asked for (and what those pages load): the
// extension makes none of its own, and Chromium's background services are off.
import type { Page } from 'playwright-core';
import type { TabView } from '../../src/shared/protocol';
import { launchAuditBrowser, type AuditBrowser, type LaunchOptions } from './browser';
import type { PageScan } from './report';

export interface ScanOptions extends LaunchOptions {
  /** Tabs open at once. */
  concurrency?: number;
  /** How long the findings must stay the same to count as settled (the page may still add text). */
  settleMs?: number;
  /** The longest wait for a page's findings after it loaded. */
  maxWaitMs?: number;
  /** The longest wait for a page to load. */
  loadTimeoutMs?: number;
  /** Called after each page, in the order pages finish. */
  onPage?: (scan: PageScan, done: number, total: number) => void;
  /** Called with every request the browser makes (pages, extension, service worker). */
  onRequest?: (url: string) => void;
}

export interface ScanResult {
  extensionVersion: string;
  scans: PageScan[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** "net::ERR_NAME_NOT_RESOLVED at http://…" → "net::ERR_NAME_NOT_RESOLVED"; Playwright's call log is dropped. */
export function navigationError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const first = message.split('\n')[0]!.replace(/^page\.goto:\s*/, '');
  const net = /net::ERR_[A-Z_]+/.exec(first);
  if (net) return net[0];
  if (/Timeout .*exceeded/i.test(first)) return 'the page did not load in time';
  if (/Download is starting/i.test(first)) return 'the address is a download, not a page';
  return first.trim() || 'could not load';
}

class Tabs {
  /** Tab ids already owned by a worker. */
  readonly claimed = new Set<number>();
  constructor(private readonly browser: AuditBrowser) {}

  /** The background's per-tab states: tab id and page URL. */
  async states(): Promise<[number, string][]> {
    return this.browser.bridge.evaluate(async () => {
      const all = (await chrome.storage.session.get(null)) as Record<string, { url?: unknown }>;
      return Object.entries(all)
        .filter(([k, v]) => k.startsWith('tab:') && typeof v?.url === 'string')
        .map(([k, v]) => [Number(k.slice(4)), v.url as string] as [number, string]);
    });
  }

  view(tabId: number): Promise<TabView | null> {
    return this.browser.bridge.evaluate((id) => chrome.runtime.sendMessage({ type: 'tab/get-state', req: { tabId: id } }) as Promise<TabView | null>, tabId);
  }
}

/** Waits until the tab's findings for the page have not changed for `settleMs`. */
async function settledView(tabs: Tabs, tabId: number, page: Page, settleMs: number, maxWaitMs: number): Promise<TabView | null> {
  const end = Date.now() + maxWaitMs;
  let last = '';
  let since = 0;
  let view: TabView | null = null;
  while (Date.now() < end) {
    const current = await tabs.view(tabId).catch(() => null);
    if (current && current.url === page.url()) {
      const json = JSON.stringify(current);
      if (json !== last) {
        last = json;
        since = Date.now();
        view = current;
      } else if (Date.now() - since >= settleMs) return view;
    }
    await sleep(200);
  }
  return view;
}

async function scanOne(tabs: Tabs, worker: { page: Page; tabId: number | null }, url: string, o: Required<Pick<ScanOptions, 'settleMs' | 'maxWaitMs' | 'loadTimeoutMs'>>): Promise<PageScan> {
  const { page } = worker;
  let httpStatus: number | null = null;
  try {
    const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: o.loadTimeoutMs });
    httpStatus = response?.status() ?? null;
    if (response && httpStatus !== null && httpStatus >= 400) {
      return { url, finalUrl: page.url(), httpStatus, error: `HTTP ${httpStatus}${response.statusText() ? ` ${response.statusText()}` : ''}`, view: null };
    }
  } catch (e) {
    return { url, finalUrl: null, httpStatus, error: navigationError(e), view: null };
  }
  const notScanned = { url, finalUrl: page.url(), httpStatus, error: 'the extension did not scan this page (not a web page?)', view: null };
  if (worker.tabId === null) {
    // The tab that shows this URL and that no other worker owns (tabs are never reused across workers).
    const end = Date.now() + o.maxWaitMs;
    while (worker.tabId === null && Date.now() < end) {
      const mine = (await tabs.states()).find(([id, u]) => u === page.url() && !tabs.claimed.has(id));
      if (mine) {
        worker.tabId = mine[0];
        tabs.claimed.add(mine[0]);
      } else await sleep(200);
    }
    if (worker.tabId === null) return notScanned;
  }
  const view = await settledView(tabs, worker.tabId, page, o.settleMs, o.maxWaitMs);
  return view ? { url, finalUrl: page.url(), httpStatus, error: null, view } : notScanned;
}

export async function scanPages(urls: readonly string[], opts: ScanOptions): Promise<ScanResult> {
  const o = { settleMs: opts.settleMs ?? 2000, maxWaitMs: opts.maxWaitMs ?? 15_000, loadTimeoutMs: opts.loadTimeoutMs ?? 30_000 };
  const browser = await launchAuditBrowser(opts);
  const { onRequest } = opts;
  if (onRequest) browser.ctx.on('request', (r) => onRequest(r.url()));
  try {
    const tabs = new Tabs(browser);
    const scans: PageScan[] = new Array(urls.length);
    let next = 0;
    let done = 0;
    const work = async () => {
      const worker = { page: await browser.ctx.newPage(), tabId: null as number | null };
      while (next < urls.length) {
        const i = next++;
        const scan = await scanOne(tabs, worker, urls[i]!, o).catch((e: unknown) => ({ url: urls[i]!, finalUrl: null, httpStatus: null, error: navigationError(e), view: null }));
        scans[i] = scan;
        opts.onPage?.(scan, ++done, urls.length);
      }
      await worker.page.close().catch(() => undefined);
    };
    const n = Math.max(1, Math.min(opts.concurrency ?? 3, urls.length));
    await Promise.all(Array.from({ length: n }, work));
    return { extensionVersion: browser.extensionVersion, scans };
  } finally {
    await browser.close();
  }
}
