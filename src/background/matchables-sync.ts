// Keeps the custom providers' matching fields (ids, aliases, weak aliases)
// under their own storage key for the content script, so that a page reads a
// few hundred kB instead of the whole custom list in every frame. Rewritten
// when the user's or the organisation's providers change; removed when it
// cannot be written, so the content script falls back to the full keys
// rather than match against a stale list.
import browser from 'webextension-polyfill';
import { KEYS } from '../shared/storage-keys';
import { customMatchablesOf } from '../shared/storage-peek';

export async function syncMatchables(area = browser.storage.local): Promise<void> {
  const got = await area.get([KEYS.custom, KEYS.managed, KEYS.matchables]);
  const next = customMatchablesOf(got[KEYS.custom], got[KEYS.managed]);
  if (JSON.stringify(next) === JSON.stringify(got[KEYS.matchables])) return;
  try {
    await area.set({ [KEYS.matchables]: next });
  } catch {
    await area.remove(KEYS.matchables).catch(() => undefined);
  }
}
