// Storage change notifications, for every context (the content script too).
import browser from 'webextension-polyfill';
import { KEYS } from './storage-keys';

/**
 * Calls back when settings or custom providers change (in any context). The
 * content script passes `matchables`: it reads the providers' matching fields
 * only, so their own key is the change it waits for.
 */
export function onStoredChange(callback: (what: { settings: boolean; custom: boolean }) => void, signal?: AbortSignal, opts: { matchables?: boolean } = {}): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    // The organisation's policy can change both.
    const custom = opts.matchables ? KEYS.matchables in changes : KEYS.custom in changes || KEYS.managed in changes;
    const what = { settings: KEYS.settings in changes || KEYS.managed in changes, custom };
    if (what.settings || what.custom) callback(what);
  };
  browser.storage.onChanged.addListener(listener);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
