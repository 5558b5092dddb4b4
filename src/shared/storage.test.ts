import { describe, expect, it } from 'vitest';
import { createStorage, KEYS, type StorageAreaLike } from './storage';
import { DEFAULT_SETTINGS } from './settings-schema';

function memoryArea(initial: Record<string, unknown> = {}, opts: { quota?: number } = {}) {
  const data: Record<string, unknown> = structuredClone(initial);
  let writes = 0;
  const area: StorageAreaLike & { data: typeof data; writes: () => number } = {
    data,
    writes: () => writes,
    async get(keys) {
      const list = keys == null ? Object.keys(data) : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items) {
      if (opts.quota !== undefined && JSON.stringify({ ...data, ...items }).length > opts.quota) throw new Error('QUOTA_BYTES quota exceeded');
      writes++;
      Object.assign(data, structuredClone(items));
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete data[k];
    },
  };
  return area;
}

const provider = (id: string) => ({
  id,
  name: id,
  domains: [`${id}.example`],
  aliases: [id],
  weakAliases: [],
  jurisdiction: { entity: null, hq: null, parent: null, parentHq: null, reason: { en: 'a', fr: 'a' }, sources: [] },
  cloudAct: { status: 'unknown', laws: [], reason: { en: 'a', fr: 'a' }, sources: [] },
  hds: { status: 'unknown', activities: [], certificateId: null, certifier: null, version: null, validUntil: null, reason: { en: 'a', fr: 'a' }, sources: [] },
  secnumcloud: { status: 'unknown', services: [], reason: { en: 'a', fr: 'a' }, sources: [] },
});

describe('migrations', () => {
  it('initialises a fresh profile with defaults, once and idempotently', async () => {
    const area = memoryArea();
    const s = createStorage(area);
    expect(await s.migrate()).toEqual({ from: 0, to: 1 });
    expect(area.data[KEYS.settings]).toEqual(DEFAULT_SETTINGS);
    expect(area.data[KEYS.version]).toBe(1);
    const writes = area.writes();
    expect(await s.migrate()).toEqual({ from: 1, to: 1 });
    expect(area.writes()).toBe(writes);
  });

  it('keeps settings a user stored before versioning existed', async () => {
    const area = memoryArea({ [KEYS.settings]: { highlight: true, silencedSites: ['example.org'] }, [KEYS.custom]: [provider('mine')] });
    await createStorage(area).migrate();
    expect(area.data[KEYS.settings]).toEqual({ ...DEFAULT_SETTINGS, highlight: true, silencedSites: ['example.org'] });
    expect(area.data[KEYS.custom]).toEqual([provider('mine')]);
  });

  it('runs each step in order and keeps the old data when a step fails', async () => {
    const area = memoryArea({ [KEYS.version]: 1, [KEYS.settings]: DEFAULT_SETTINGS });
    const ok = createStorage(area, { 2: (d) => ({ ...d, extra: 2 }), 3: (d) => ({ ...d, extra: (d.extra as number) + 1 }) }, 3);
    expect(await ok.migrate()).toEqual({ from: 1, to: 3 });
    expect(area.data.extra).toBe(3);

    const before = structuredClone(area.data);
    const failing = createStorage(area, { 4: () => { throw new Error('boom'); } }, 4);
    const result = await failing.migrate();
    expect(result.error).toMatch(/version 4 failed: boom/);
    const { [KEYS.error]: error, ...rest } = area.data;
    expect(rest).toEqual(before);
    expect(error).toMatch(/boom/);
  });
});

describe('settings', () => {
  it('merges defaults into what is stored and reports invalid data without overwriting it', async () => {
    const area = memoryArea({ [KEYS.settings]: { warnLevels: ['nope'] } });
    const s = createStorage(area);
    const read = await s.readSettings();
    expect(read.value).toEqual(DEFAULT_SETTINGS);
    expect(read.error).toMatch(/warnLevels/);
    expect(area.data[KEYS.settings]).toEqual({ warnLevels: ['nope'] });
  });

  it('normalises silenced sites and rejects invalid patches', async () => {
    const s = createStorage(memoryArea());
    expect((await s.writeSettings({ silencedSites: ['  Example.ORG '] })).silencedSites).toEqual(['example.org']);
    await expect(s.writeSettings({ warnLevels: ['bad' as never] })).rejects.toThrow();
  });
});

describe('custom providers', () => {
  it('writes a valid list once and reads it back', async () => {
    const area = memoryArea();
    const s = createStorage(area);
    await s.writeCustomProviders([provider('a'), provider('b')]);
    expect(area.writes()).toBe(1);
    expect((await s.readCustomProviders()).value.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('refuses an invalid list and leaves what was stored untouched', async () => {
    const area = memoryArea({ [KEYS.custom]: [provider('a')] });
    const s = createStorage(area);
    await expect(s.writeCustomProviders([provider('b'), provider('b')])).rejects.toThrow(/unique/);
    await expect(s.writeCustomProviders([{ ...provider('c'), cloudAct: { status: 'exposed', laws: [], reason: { en: 'a', fr: 'a' }, sources: [] } }])).rejects.toThrow(/source/);
    expect(area.data[KEYS.custom]).toEqual([provider('a')]);
  });

  it('turns a full storage into a clear error with the previous data intact', async () => {
    const area = memoryArea({ [KEYS.custom]: [provider('a')] }, { quota: 2000 });
    const s = createStorage(area);
    const many = Array.from({ length: 20 }, (_, i) => provider(`p${i}`));
    await expect(s.writeCustomProviders(many)).rejects.toThrow(/Storage is full.*Nothing was changed/);
    expect(area.data[KEYS.custom]).toEqual([provider('a')]);
  });

  it('keeps the valid entries usable when stored data is partly corrupt', async () => {
    const area = memoryArea({ [KEYS.custom]: [provider('a'), { id: 'Bad Id' }] });
    const read = await createStorage(area).readCustomProviders();
    expect(read.value.map((p) => p.id)).toEqual(['a']);
    expect(read.error).toMatch(/invalid/);
  });
});

describe("the organisation's policy (mirrored under KEYS.managed)", () => {
  const policy = { providers: [provider('org-vendor')], settings: { highlight: true, silencedSites: ['intranet.example'] }, errors: [] };

  it('applies over the user’s settings without overwriting them', async () => {
    const area = memoryArea({ [KEYS.settings]: { ...DEFAULT_SETTINGS, highlight: false, silencedSites: ['mine.example'] }, [KEYS.managed]: policy });
    const storage = createStorage(area);
    const read = await storage.readSettings();
    expect(read.value.highlight).toBe(true);
    expect(read.locked).toEqual(['highlight']);
    expect(read.value.silencedSites).toEqual(['intranet.example', 'mine.example']);
    // Saving the whole form (locked values included) keeps the user's own values as they were.
    await storage.writeSettings({ ...read.value, countResources: true, silencedSites: [...read.value.silencedSites, 'new.example'] });
    expect(area.data[KEYS.settings]).toEqual({ ...DEFAULT_SETTINGS, highlight: false, countResources: true, silencedSites: ['mine.example', 'new.example'] });
    // The policy goes away: the user's own values are back.
    delete area.data[KEYS.managed];
    expect((await storage.readSettings()).value).toEqual({ ...DEFAULT_SETTINGS, highlight: false, countResources: true, silencedSites: ['mine.example', 'new.example'] });
  });

  it('puts managed providers before the user’s own, and tells which are managed', async () => {
    const area = memoryArea({ [KEYS.custom]: [provider('mine'), { ...provider('org-vendor'), name: 'My copy' }], [KEYS.managed]: policy });
    const active = await createStorage(area).readActiveCustomProviders();
    expect(active.value.map((p) => [p.id, p.name])).toEqual([
      ['org-vendor', 'org-vendor'],
      ['mine', 'mine'],
    ]);
    expect([...active.managedIds]).toEqual(['org-vendor']);
    // The user's own list is untouched.
    expect((await createStorage(area).readCustomProviders()).value).toHaveLength(2);
  });
});
