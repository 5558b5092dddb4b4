// Per-tab findings in storage.session (survives service-worker restarts;
// memory is only a cache). Updates of one tab are serialised so that frames
// reporting at the same time do not overwrite each other.
import browser from 'webextension-polyfill';
import type { Hosting, ResourceProvider, TabProvider, TabView } from '../shared/protocol';

interface FrameFindings {
  ids: string[];
  snippets: Record<string, string[]>;
  /** Hosts the frame loaded resources from, with counts. */
  resources?: Record<string, number>;
  /** Sentences claiming French/EU or sovereign hosting. */
  claims?: string[];
}

export interface TabState {
  url: string;
  /** Providers whose domain the top document's host belongs to. */
  hostIds: string[];
  frames: Record<string, FrameFindings>;
}

const key = (tabId: number) => `tab:${tabId}`;
const cache = new Map<number, TabState>();
const queues = new Map<number, Promise<unknown>>();

export async function readTab(tabId: number): Promise<TabState | null> {
  const hit = cache.get(tabId);
  if (hit) return hit;
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)] as TabState | undefined;
  if (stored) cache.set(tabId, stored);
  return stored ?? null;
}

/** Runs `change` on the tab's state, one change at a time per tab, and saves the result. */
export function updateTab(tabId: number, change: (state: TabState | null) => TabState | null): Promise<TabState | null> {
  const run = async () => {
    const next = change(await readTab(tabId));
    if (next) {
      cache.set(tabId, next);
      await browser.storage.session.set({ [key(tabId)]: next });
    } else {
      cache.delete(tabId);
      await browser.storage.session.remove(key(tabId));
    }
    return next;
  };
  const queued = (queues.get(tabId) ?? Promise.resolve()).then(run, run);
  queues.set(tabId, queued.catch(() => undefined));
  return queued;
}

export function forgetTab(tabId: number): Promise<unknown> {
  return updateTab(tabId, () => null);
}

/** Distinct providers of the tab, host matches first, with up to 3 snippets each; the server when it is the page's. */
export function tabView(state: TabState, idsOfHost: (host: string) => string[] = () => [], served: (Hosting & { url: string }) | null = null): TabView {
  const found = new Map<string, TabProvider>();
  for (const id of state.hostIds) found.set(id, { id, via: ['host'], snippets: [] });
  for (const frame of Object.values(state.frames)) {
    for (const id of frame.ids) {
      const entry = found.get(id) ?? { id, via: [], snippets: [] };
      if (!entry.via.includes('text')) entry.via.push('text');
      for (const s of Object.hasOwn(frame.snippets, id) ? (frame.snippets[id] ?? []) : []) if (entry.snippets.length < 3 && !entry.snippets.includes(s)) entry.snippets.push(s);
      found.set(id, entry);
    }
  }
  const claims = [...new Set(Object.values(state.frames).flatMap((f) => f.claims ?? []))].slice(0, 3);
  const hosting = served && sameOrigin(served.url, state.url) ? { ip: served.ip, providerId: served.providerId, asn: served.asn } : null;
  return { url: state.url, providers: [...found.values()], resources: resourceProviders(state, idsOfHost), claims, hosting };
}

/** The server address is the origin's: an SPA route or a #fragment keeps it. */
function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** Providers that served resources to the tab, most resources first. */
function resourceProviders(state: TabState, idsOfHost: (host: string) => string[]): ResourceProvider[] {
  const byId = new Map<string, ResourceProvider>();
  for (const frame of Object.values(state.frames)) {
    for (const [host, count] of Object.entries(frame.resources ?? {})) {
      for (const id of idsOfHost(host)) {
        const entry = byId.get(id) ?? { id, count: 0, hosts: [] };
        entry.count += count;
        if (!entry.hosts.includes(host)) entry.hosts.push(host);
        byId.set(id, entry);
      }
    }
  }
  return [...byId.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}
