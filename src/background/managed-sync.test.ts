import { describe, expect, it, vi } from 'vitest';
import { KEYS } from '../shared/storage-keys';
import type { StorageAreaLike } from '../shared/storage';

vi.mock('webextension-polyfill', () => ({ default: { storage: { managed: { get: () => Promise.reject(new Error('unused')) }, local: {}, onChanged: { addListener() {} } } } }));
const { syncManagedPolicy } = await import('./managed-sync');

function area(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...initial };
  let writes = 0;
  const a: StorageAreaLike & { data: typeof data; writes: () => number } = {
    data,
    writes: () => writes,
    get: async (keys) => Object.fromEntries((Array.isArray(keys) ? keys : [keys as string]).filter((k) => k in data).map((k) => [k, data[k]])),
    set: async (items) => {
      writes++;
      Object.assign(data, JSON.parse(JSON.stringify(items)));
    },
    remove: async (keys) => {
      for (const k of [keys].flat()) delete data[k];
    },
  };
  return a;
}

describe('syncManagedPolicy', () => {
  it('treats a browser without a policy (the read throws) as no policy, and clears an old mirror', async () => {
    const local = area({ [KEYS.managed]: { providers: [], settings: { highlight: true }, errors: [] } });
    const policy = await syncManagedPolicy(() => Promise.reject(new Error('Managed storage manifest not found')), local);
    expect(policy.settings).toEqual({});
    expect(KEYS.managed in local.data).toBe(false);
  });

  it('mirrors the valid part once, and writes again only when it changes', async () => {
    const local = area();
    const raw = { warningsEnabled: false, highlight: 'nope' };
    await syncManagedPolicy(async () => raw, local);
    expect(local.data[KEYS.managed]).toEqual({ providers: [], settings: { warningsEnabled: false }, errors: [expect.stringMatching(/^highlight:/)] });
    await syncManagedPolicy(async () => raw, local);
    expect(local.writes()).toBe(1);
    await syncManagedPolicy(async () => ({ warningsEnabled: true }), local);
    expect(local.writes()).toBe(2);
    expect((local.data[KEYS.managed] as { settings: unknown }).settings).toEqual({ warningsEnabled: true });
  });
});
