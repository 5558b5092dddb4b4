import { describe, expect, it, vi } from 'vitest';
import { KEYS } from '../shared/storage-keys';
import { peekCustomMatchables } from '../shared/storage-peek';
import { syncMatchables } from './matchables-sync';

vi.mock('webextension-polyfill', () => ({ default: { storage: { local: {} } } }));

function fakeArea(data: Record<string, unknown>, opts: { failSet?: boolean } = {}) {
  const reads: string[][] = [];
  return {
    data,
    reads,
    get: async (keys?: string | string[] | null) => {
      const list = [keys ?? []].flat();
      reads.push(list);
      return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, data[k]]));
    },
    set: async (items: Record<string, unknown>) => {
      if (opts.failSet) throw new Error('QUOTA_BYTES quota exceeded');
      Object.assign(data, structuredClone(items));
    },
    remove: async (key: string) => void delete data[key],
  };
}

const long = 'x'.repeat(10_000);
const provider = (id: string, alias: string) => ({ id, name: alias, aliases: [alias], weakAliases: [], jurisdiction: { reason: { en: long, fr: long } } });

describe('the matching fields of custom providers, kept apart for the content script', () => {
  it('holds the organisation’s and the person’s aliases only, and the page then reads that key alone', async () => {
    const area = fakeArea({ [KEYS.custom]: [provider('mine', 'Mine Cloud')], [KEYS.managed]: { providers: [provider('org', 'Org Cloud')] } });
    await syncMatchables(area as never);
    expect(area.data[KEYS.matchables]).toEqual([
      { id: 'org', aliases: ['Org Cloud'], weakAliases: [] },
      { id: 'mine', aliases: ['Mine Cloud'], weakAliases: [] },
    ]);
    area.reads.length = 0;
    expect((await peekCustomMatchables(area)).map((m) => m.id)).toEqual(['org', 'mine']);
    expect(area.reads).toEqual([[KEYS.matchables]]);
  });

  it('removes the key when it cannot be written, so the page reads the full list instead of a stale one', async () => {
    const area = fakeArea({ [KEYS.custom]: [provider('mine', 'Mine Cloud')], [KEYS.matchables]: [{ id: 'old', aliases: ['Old'], weakAliases: [] }] }, { failSet: true });
    await syncMatchables(area as never);
    expect(KEYS.matchables in area.data).toBe(false);
    expect((await peekCustomMatchables(area)).map((m) => m.id)).toEqual(['mine']);
  });
});
