// Debian Chromium with the built extension loaded (playwright-core; no
// downloaded browser).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const DIST = resolve(process.env.SL_DIST ?? 'dist');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  ctx: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  /** Every request the browser made, for the privacy assertions. */
  requests: string[];
  close(): Promise<void>;
}

export async function launchWithExtension(opts: { lang?: string; args?: string[]; dist?: string } = {}): Promise<ExtensionBrowser> {
  const dist = opts.dist ?? DIST;
  const profile = await mkdtemp(join(tmpdir(), 'sl-e2e-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    locale: opts.lang,
    env: opts.lang ? { ...process.env, LANG: opts.lang === 'fr' ? 'fr_FR.UTF-8' : 'en_US.UTF-8', LANGUAGE: opts.lang } : process.env,
    args: [
      '--headless=new',
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
      ...(opts.args ?? []),
    ],
  });
  const requests: string[] = [];
  ctx.on('request', (r) => requests.push(r.url()));
  const worker = async () => ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await ctx.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL((await worker()).url()).host;
  return {
    ctx,
    extensionId,
    worker,
    requests,
    async close() {
      await ctx.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Polls `fn` until it returns a truthy value or the deadline passes. */
export async function until<T>(fn: () => Promise<T> | T, what: string, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
      last = value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The tab id the background knows for a page URL (from its session state). */
export async function tabIdOf(ext: ExtensionBrowser, url: string, timeoutMs = 5000): Promise<number> {
  return until(async () => {
    const sw = await ext.worker();
    return sw.evaluate(async (u) => {
      const all = await chrome.storage.session.get(null);
      const hit = Object.entries(all).find(([k, v]) => k.startsWith('tab:') && (v as { url: string }).url === u);
      return hit ? Number(hit[0].slice(4)) : 0;
    }, url);
  }, `the tab state of ${url}`, timeoutMs);
}

export async function badgeText(ext: ExtensionBrowser, tabId: number): Promise<string> {
  const sw = await ext.worker();
  return sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

export async function openPopup(ext: ExtensionBrowser, tabId: number, page?: Page): Promise<Page> {
  const popup = page ?? (await ext.ctx.newPage());
  await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
  return popup;
}

/**
 * Stops the extension's service worker through CDP (as Chrome does when it is
 * idle) and waits until it is stopped; the next event starts a fresh one.
 */
export async function stopServiceWorker(ext: ExtensionBrowser): Promise<void> {
  const page = await ext.ctx.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
  const cdp = await ext.ctx.newCDPSession(page);
  const statuses: { versionId: string; runningStatus: string; scriptURL: string }[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: typeof statuses }) => statuses.push(...e.versions));
  await cdp.send('ServiceWorker.enable');
  const running = await until(() => statuses.find((v) => v.runningStatus === 'running' && v.scriptURL.includes(ext.extensionId)), 'a running service worker');
  const seen = statuses.length;
  await cdp.send('ServiceWorker.stopWorker', { versionId: running!.versionId });
  await until(() => statuses.slice(seen).some((v) => v.runningStatus === 'stopped'), 'the service worker to stop');
  await cdp.detach();
  await page.close();
}
