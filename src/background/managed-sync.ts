// Mirrors the organisation's policy (storage.managed) into storage.local once
// validated, so every context reads one checked copy. No policy, a browser
// without managed storage, or Firefox without a policy file all read as "none".
import browser from 'webextension-polyfill';
import { parseManagedPolicy, type ManagedPolicy } from '../shared/managed-policy';
import type { StorageAreaLike } from '../shared/storage';
import { KEYS } from '../shared/storage-keys';

type Reader = () => Promise<Record<string, unknown>>;

const readManaged: Reader = () => browser.storage.managed.get();

export async function syncManagedPolicy(read: Reader = readManaged, area: StorageAreaLike = browser.storage.local): Promise<ManagedPolicy> {
  let raw: unknown;
  try {
    raw = await read();
  } catch {
    raw = {};
  }
  const policy = parseManagedPolicy(raw);
  const stored = (await area.get(KEYS.managed))[KEYS.managed];
  const none = policy.providers.length === 0 && Object.keys(policy.settings).length === 0 && policy.errors.length === 0;
  // Write only on a change: every write wakes every listening tab.
  if (none) {
    if (stored !== undefined) await area.remove(KEYS.managed);
  } else if (JSON.stringify(stored) !== JSON.stringify(policy)) {
    await area.set({ [KEYS.managed]: policy });
  }
  return policy;
}

export function watchManagedPolicy(): void {
  browser.storage.onChanged.addListener((_changes, areaName) => {
    if (areaName === 'managed') void syncManagedPolicy().catch((e: unknown) => console.warn('[Sovereignty Lens] policy:', e));
  });
}
