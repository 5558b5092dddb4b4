// The extension's storage: storage.local through the one storage module.
import browser from 'webextension-polyfill';
import { createStorage, KEYS } from './storage';

export const storage = createStorage(browser.storage.local);

/** Calls back when settings or custom providers change (in any context). */
export function onStoredChange(callback: (what: { settings: boolean; custom: boolean }) => void, signal?: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    const what = { settings: KEYS.settings in changes, custom: KEYS.custom in changes };
    if (what.settings || what.custom) callback(what);
  };
  browser.storage.onChanged.addListener(listener);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
