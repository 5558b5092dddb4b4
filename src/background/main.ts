// Background service worker (event page in Firefox). Every listener is
// registered synchronously at the top so a restarted worker gets the event.
import browser from 'webextension-polyfill';
import { assessPage, todayIso } from '../core/assess';
import type { Provider } from '../data/schema';
import { onStoredChange, storage } from '../shared/browser-storage';
import { hasHostAccess } from '../shared/host-access';
import { t } from '../shared/i18n';
import { handle, sendToTab } from '../shared/messages';
import { MAX_URL, type Notice } from '../shared/protocol';
import { setBadge } from './badge';
import { providersForHost } from '../core/hosts';
import type { Settings } from '../shared/settings-schema';
import { syncManagedPolicy, watchManagedPolicy } from './managed-sync';
import { syncMatchables } from './matchables-sync';
import { injectIntoOpenTabs } from './reinject';
import { invalidateRegistry, providersOfUrl, registry } from './provider-registry';
import { forgetTab, readTab, tabView, updateTab, type TabState } from './tab-state';
import { forgetHosting, readHosting, watchHosting } from './hosting';

const LOOKUP_MENU = 'sovereignty-lens-lookup';
const PENDING_LOOKUP = 'pendingLookup';
const POPUP = browser.runtime.getManifest().action?.default_popup ?? 'src/popup/index.html';

handle({
  async 'tab/report'(req, sender) {
    const tabId = sender.tab?.id;
    // Reports come from content scripts in web pages only, never from our own pages.
    if (tabId === undefined || tabId < 0 || !isWebUrl(sender.url)) return;
    const frameId = sender.frameId ?? 0;
    for (const d of req.dropped ?? []) logOnce(`report from a frame of ${safeHost(sender.url) ?? 'a page'}: ${d}`);
    const url = frameUrl(req.url, sender.url);
    const hostIds = frameId === 0 ? await providersOfUrl(url) : undefined;
    const known = (await registry()).byId;
    const ids = req.ids.filter((id) => known.has(id));
    // A new document clears the tab on navigation (tabs.onUpdated); here each
    // frame replaces its own findings, and the top frame sets the page URL.
    const state = await updateTab(tabId, (prev) => {
      const base: TabState = prev ?? { url: '', hostIds: [], frames: {} };
      return {
        url: frameId === 0 ? url : base.url,
        hostIds: hostIds ?? base.hostIds,
        frames: { ...base.frames, [String(frameId)]: { ids, snippets: req.snippets, resources: req.resources ?? {}, claims: req.claims ?? [] } },
      };
    });
    if (state) await refreshTab(tabId, state);
  },

  async 'tab/get-state'(req, sender) {
    const state = await readTab(req.tabId);
    if (!state) return null;
    if (isExtensionPage(sender.url)) return tabView(state, await hostLookup(), await readHosting(req.tabId));
    // A content script learns only what its own frame reported, in its own tab.
    const frameId = sender.frameId ?? 0;
    const own = state.frames[String(frameId)];
    if (sender.tab?.id !== req.tabId || !own || !sender.url) return null;
    return tabView({ url: frameId === 0 ? state.url : sender.url.slice(0, MAX_URL), hostIds: frameId === 0 ? state.hostIds : [], frames: { [String(frameId)]: own } }, await hostLookup());
  },

  async 'tab/open-details'(_req, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    await openPopup(tabId);
  },

  async 'settings/silence-site'(_req, sender) {
    // The site is the sender's own top-level site: a page can only silence itself.
    if (sender.frameId !== 0 || !isWebUrl(sender.url)) return;
    const host = safeHost(sender.url);
    if (!host) return;
    const { value } = await storage.readSettings();
    if (!value.silencedSites.includes(host)) await storage.writeSettings({ silencedSites: [...value.silencedSites, host] });
  },

  async 'settings/unsilence-site'(_req, sender) {
    // The undo of the notice's "don't warn on this site": the same site only.
    if (sender.frameId !== 0 || !isWebUrl(sender.url)) return;
    const host = safeHost(sender.url);
    if (!host) return;
    const { value } = await storage.readSettings();
    if (value.silencedSites.includes(host)) await storage.writeSettings({ silencedSites: value.silencedSites.filter((s) => s !== host) });
  },

  async 'lookup/take'() {
    const text = (await browser.storage.session.get(PENDING_LOOKUP))[PENDING_LOOKUP];
    await browser.storage.session.remove(PENDING_LOOKUP);
    return typeof text === 'string' ? text : null;
  },
});

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
  void forgetHosting(tabId);
});
// Hosting detection: only while the person has granted the optional webRequest permission.
watchHosting();
// A tab starting to load a new document starts afresh ("status" needs no `tabs` permission).
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void forgetTab(tabId).then(() => setBadge(tabId, { count: 0, level: null, names: [] }));
});

browser.runtime.onInstalled.addListener(({ reason }) => {
  void storage.migrate();
  if (reason === 'install' || reason === 'update') void injectIntoOpenTabs();
  // Firefox may install us without access to pages: say so once, on a page of our own.
  if (reason === 'install') {
    void hasHostAccess().then((ok) => {
      if (!ok) void browser.tabs.create({ url: browser.runtime.getURL('src/welcome/index.html') });
    });
  }
  browser.contextMenus.create({ id: LOOKUP_MENU, title: t('contextMenuLookup'), contexts: ['selection'] }, () => void browser.runtime.lastError);
});
// Unpacked dev installs start without onInstalled; migrate() is idempotent.
void storage.migrate();
// The organisation's policy: read at every start, and when it changes.
void syncManagedPolicy().catch((e: unknown) => console.warn('[Sovereignty Lens] policy:', e));
watchManagedPolicy();

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== LOOKUP_MENU) return;
  const text = (info.selectionText ?? '').trim().slice(0, 200);
  // openPopup must be called within the user gesture: do not await before it.
  const opened = browser.action.openPopup?.();
  void browser.storage.session.set({ [PENDING_LOOKUP]: text });
  void Promise.resolve(opened).catch(() => {
    const params = new URLSearchParams({ lookup: text });
    if (tab?.id !== undefined) params.set('tab', String(tab.id));
    return browser.tabs.create({ url: browser.runtime.getURL(`${POPUP}?${params}`) });
  });
});

onStoredChange(({ custom }) => {
  if (custom) {
    invalidateRegistry();
    void syncMatchables().catch((e: unknown) => console.warn('[Sovereignty Lens] matchables:', e));
  }
  void refreshAllTabs();
});
// At every start too: an update may come from a version without that key.
void syncMatchables().catch((e: unknown) => console.warn('[Sovereignty Lens] matchables:', e));

/** Maps a resource host to provider ids through the current registry. */
async function hostLookup(): Promise<(host: string) => string[]> {
  const { hosts } = await registry();
  return (host) => providersForHost(hosts, host);
}

/** The providers that count for the badge and notice: named or hosting, plus resource providers when the person opted in. */
async function providersOf(state: TabState, countResources: boolean): Promise<Provider[]> {
  const { byId } = await registry();
  const view = tabView(state, await hostLookup());
  const ids = new Set(view.providers.map((p) => p.id));
  if (countResources) for (const r of view.resources) ids.add(r.id);
  return [...ids].flatMap((id) => byId.get(id) ?? []);
}

/** Badge, tooltip and in-page notice of a tab, from its state. */
async function refreshTab(tabId: number, state: TabState): Promise<void> {
  const settings = (await storage.readSettings()).value;
  const page = assessPage(await providersOf(state, settings.countResources), todayIso());
  await setBadge(tabId, { count: page.providers.length, level: page.level, names: page.providers.map((a) => a.provider.name) });
  const notice = noticeFor(state.url, page, settings);
  await sendToTab(tabId, 0, 'warning/update', { notice }).catch(() => undefined);
}

function noticeFor(url: string, page: ReturnType<typeof assessPage>, settings: Settings): Notice | null {
  if (!settings.warningsEnabled || page.level === null) return null;
  const host = safeHost(url);
  if (host && settings.silencedSites.includes(host)) return null;
  const warned = page.providers.filter((a) => settings.warnLevels.includes(a.level));
  if (warned.length === 0) return null;
  // The message carries the first 200; the notice lists a few and counts the rest.
  return { level: warned[0]!.level, count: warned.length, providers: warned.slice(0, 200).map((a) => ({ id: a.provider.id, name: a.provider.name.slice(0, 200), level: a.level })) };
}

/**
 * The URL a frame reports (it follows SPA routes) when it has the origin the
 * browser knows for that frame; else the browser's.
 */
function frameUrl(reported: string, known: string | undefined): string {
  if (!known) return reported;
  try {
    return new URL(reported).origin === new URL(known).origin ? reported : known;
  } catch {
    return known;
  }
}

/** A web page, or a blank/srcdoc frame inside one (those inherit the page's origin). */
function isWebUrl(url: string | undefined): url is string {
  return typeof url === 'string' && /^(https?:\/\/|about:(blank|srcdoc)$)/i.test(url);
}

/** One of this extension's own pages (the popup, also when popped out into a tab). */
function isExtensionPage(url: string | undefined): boolean {
  return typeof url === 'string' && url.startsWith(browser.runtime.getURL(''));
}

const logged = new Set<string>();
/** Logs a skipped or cut value once per worker lifetime (reports repeat every half second). */
function logOnce(line: string): void {
  if (logged.has(line) || logged.size >= 1000) return;
  logged.add(line);
  console.info(`[Sovereignty Lens] ${line}`);
}

function safeHost(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

async function refreshAllTabs(): Promise<void> {
  const all = await browser.storage.session.get(null);
  for (const [key, value] of Object.entries(all)) {
    const tabId = Number(key.startsWith('tab:') ? key.slice(4) : NaN);
    if (Number.isInteger(tabId)) await refreshTab(tabId, value as TabState);
  }
}

async function openPopup(tabId: number): Promise<void> {
  try {
    await browser.action.openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL(`${POPUP}?tab=${tabId}`) });
  }
}
