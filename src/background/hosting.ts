// Hosting detection (off by default, the `hostingDetection` setting): the IP
// address of each tab's top document (webRequest) is mapped offline to a
// provider through the ASN table (src/data/generated/asn-table.json). Nothing
// leaves the browser; the address is kept in storage.session only, per tab.
// webRequest is a declared permission, not an optional one: in Chromium 156
// an optional grant gave no events at all, even after a reload; while the
// setting is off the listener returns at once.
import browser, { type WebRequest } from 'webextension-polyfill';
import { compileIpLookup, type AsnTable, type IpOwner } from '../core/ip-lookup';
import asnTable from '../data/generated/asn-table.json';
import { onStoredChange, storage } from '../shared/browser-storage';
import type { Hosting } from '../shared/protocol';


type Served = Hosting & { url: string };

const key = (tabId: number) => `hosting:${tabId}`;

/**
 * Browser tests serve pages from 127.0.0.1, which no provider announces: a
 * test build (VITE_SL_TEST_LOOPBACK_PROVIDER=<id>) maps loopback to that
 * provider. Undefined in every shipped build, so this line is dropped
 * (test/e2e/hosting.e2e.ts checks that the shipped dist has no such mapping).
 */
const TEST_LOOPBACK_PROVIDER: string | undefined = import.meta.env.VITE_SL_TEST_LOOPBACK_PROVIDER;

let lookup: ((ip: string) => IpOwner | null) | undefined;
/** The table is decoded on the first address only: most people never turn this on. */
function ipLookup() {
  lookup ??= compileIpLookup(asnTable as unknown as AsnTable);
  return lookup;
}

export async function readHosting(tabId: number): Promise<Served | null> {
  const v = (await browser.storage.session.get(key(tabId)))[key(tabId)] as Served | undefined;
  return v ?? null;
}

export function forgetHosting(tabId: number): Promise<void> {
  return browser.storage.session.remove(key(tabId));
}

let enabled: Promise<boolean> | undefined;
const isEnabled = () => (enabled ??= storage.readSettings().then((s) => s.value.hostingDetection, () => false));

async function record(details: WebRequest.OnResponseStartedDetailsType): Promise<void> {
  if (details.tabId < 0 || !/^https?:/i.test(details.url) || !(await isEnabled())) return;
  const ip = details.ip ?? '';
  // No address (served from the cache or a service worker): say nothing rather than something stale.
  if (!ip) return forgetHosting(details.tabId);
  const owner = TEST_LOOPBACK_PROVIDER && ip.startsWith('127.') ? { providerId: TEST_LOOPBACK_PROVIDER, asn: 64_512 } : ipLookup()(ip);
  const served: Served = { url: details.url, ip, providerId: owner?.providerId ?? null, asn: owner?.asn ?? null };
  await browser.storage.session.set({ [key(details.tabId)]: served });
}

const onResponse = (details: WebRequest.OnResponseStartedDetailsType) => void record(details).catch((e: unknown) => console.warn('[Sovereignty Lens] hosting:', e));

/** Listens from the worker's first line (so a restarted worker gets the event); acts only while the setting is on. */
export function watchHosting(): void {
  browser.webRequest?.onResponseStarted.addListener(onResponse, { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] });
  onStoredChange(({ settings }) => {
    if (!settings) return;
    enabled = undefined;
    // Turned off: forget every address already recorded.
    void isEnabled().then(async (on) => {
      if (on) return;
      const all = await browser.storage.session.get(null);
      await browser.storage.session.remove(Object.keys(all).filter((k) => k.startsWith('hosting:')));
    });
  });
}
