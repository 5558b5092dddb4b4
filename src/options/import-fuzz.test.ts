// Property-based tests (fast-check) of the import path and of the storage
// writes behind it. Whatever a file holds — random text, adversarial JSON,
// huge strings, deep nesting, `__proto__`/`constructor` keys, wrong types,
// duplicate ids, 100,000 entries, `javascript:`/`data:` links — an import
// ends with a clear error or a correct import, never a partial write, and
// Object.prototype is never polluted.
import fc from 'fast-check';
import * as v from 'valibot';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, ProviderSchema, type Provider } from '../data/schema';
import { createStorage, KEYS, StorageError, type StorageAreaLike } from '../shared/storage';
import { exportJson, MAX_IMPORT_BYTES, MAX_IMPORT_PROVIDERS, MAX_PROBLEMS, parseImport, previewImport, sameProvider, type ImportProblem, type ImportResult } from './import-export';

// ---------------------------------------------------------------- helpers

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
function expectNoPollution() {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_NAMES);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Array.prototype)).not.toContain('polluted');
}
afterEach(expectNoPollution);

const PROBLEM_KINDS = new Set<ImportProblem['kind']>(['too-large', 'empty', 'json', 'not-object', 'format', 'version', 'too-many', 'forbidden-key', 'duplicate-id', 'entry', 'file']);

/** Every result is one of the two shapes, and an error is a clear one. */
function expectWellFormed(result: ImportResult) {
  if (result.ok) {
    for (const p of result.providers) expect(v.safeParse(ProviderSchema, p).success).toBe(true);
    expect(new Set(result.providers.map((p) => p.id)).size).toBe(result.providers.length);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  expect(result.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
  for (const p of result.problems) {
    expect(PROBLEM_KINDS.has(p.kind)).toBe(true);
    if (p.kind === 'entry') {
      expect(p.entry).toBeGreaterThanOrEqual(1);
      expect(typeof p.message).toBe('string');
      expect(p.message.length).toBeGreaterThan(0);
    }
    // What is quoted back to the person stays short.
    if (p.kind === 'format' || p.kind === 'version') expect(p.found.length).toBeLessThanOrEqual(60);
    if (p.kind === 'entry' && p.id !== null) expect(p.id.length).toBeLessThanOrEqual(64);
  }
}

/** An in-memory storage.local; `quota` makes writes over that many JSON characters fail, like Chrome's. */
function memoryArea(initial: Record<string, unknown> = {}, opts: { quota?: number } = {}) {
  const data: Record<string, unknown> = structuredClone(initial);
  let writes = 0;
  const area: StorageAreaLike & { data: typeof data; writes: () => number } = {
    data,
    writes: () => writes,
    async get(keys) {
      const list = keys == null ? Object.keys(data) : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => Object.hasOwn(data, k)).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items) {
      if (opts.quota !== undefined && JSON.stringify({ ...data, ...items }).length > opts.quota) throw new Error('QUOTA_BYTES quota exceeded');
      writes++;
      for (const [k, value] of Object.entries(items)) data[k] = structuredClone(value);
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete data[k];
    },
  };
  return area;
}

/** JSON text with an own `__proto__` (or any) key, which an object literal cannot express. */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

const fileText = (providers: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ format: EXPORT_FORMAT, version: 1, providers, ...extra });

// ---------------------------------------------------------------- arbitraries

const SLUG_ARB = fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,2}$/);
/** Trimmed, non-empty text of at most `max` units; any Unicode, markup-like strings included. */
const text = (max: number) =>
  fc
    .oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 40) }),
      fc.constantFrom('<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', 'Éclair Hébergement', '雲', '\u202eevil', '{{constructor.constructor("x")()}}'),
    )
    .map((s) => s.trim().slice(0, max).trim())
    .filter((s) => s.length > 0 && s.length <= max);
const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const httpsUrl = fc.webUrl({ validSchemes: ['https'], withQueryParameters: true, withFragments: true }).filter((u) => u.length <= 2048);
const source = fc.record(
  { url: httpsUrl, title: text(300), verified: isoDate, kind: fc.constantFrom('primary' as const, 'secondary' as const) },
  { requiredKeys: ['url', 'title', 'verified'] },
);
const sources = (min: number) => fc.array(source, { minLength: min, maxLength: 3 });
const localText = fc.record({ en: text(600), fr: text(600) });
const country = fc.constantFrom('FR', 'US', 'DE', 'CN', 'LU');
const domain = fc.domain().filter((d) => /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(d) && d.length <= 253);

const claimStatus = <T extends string>(statuses: readonly T[]) =>
  fc.constantFrom(...statuses).chain((status) => fc.record({ status: fc.constant(status), sources: sources(status === 'unknown' ? 0 : 1) }));

const providerArb: fc.Arbitrary<Provider> = fc
  .record({
    id: SLUG_ARB,
    name: text(120),
    categories: fc.uniqueArray(fc.constantFrom('iaas', 'paas', 'storage', 'saas', 'collaboration', 'cdn', 'health') as fc.Arbitrary<'iaas'>, { maxLength: 3 }),
    domains: fc.array(domain, { maxLength: 3 }),
    aliases: fc.array(text(80), { maxLength: 3 }),
    weakAliases: fc.array(fc.record({ term: text(80), context: fc.array(text(80), { minLength: 1, maxLength: 3 }) }), { maxLength: 2 }),
    jurisdiction: fc.record({ hq: fc.option(country, { nil: null }), parentHq: fc.option(country, { nil: null }), entity: fc.option(text(200), { nil: null }), parent: fc.option(text(200), { nil: null }), reason: localText }).chain((j) =>
      sources(j.hq === null && j.parentHq === null ? 0 : 1).map((s) => ({ ...j, sources: s })),
    ),
    cloudAct: claimStatus(['exposed', 'partial', 'not-exposed', 'unknown'] as const).chain((c) =>
      fc.record({ laws: c.status === 'unknown' ? fc.constant([]) : fc.uniqueArray(fc.constantFrom('us-cloud-act' as const, 'us-fisa-702' as const, 'cn-nil-2017' as const), { maxLength: 3 }), reason: localText }).map((r) => ({ ...c, ...r })),
    ),
    hds: claimStatus(['certified', 'not-certified', 'unknown'] as const).chain((c) =>
      fc
        .record({
          activities: fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 6 }),
          certificateId: fc.option(text(100), { nil: null }),
          certifier: fc.option(text(100), { nil: null }),
          version: fc.option(text(20), { nil: null }),
          validUntil: fc.option(isoDate, { nil: null }),
          reason: localText,
        })
        .map((r) => ({ ...c, ...r })),
    ),
    secnumcloud: claimStatus(['qualified', 'in-progress', 'not-qualified', 'unknown'] as const).chain((c) =>
      fc
        .record({ services: fc.array(fc.record({ name: text(200), qualifiedOn: fc.option(isoDate, { nil: null }), validUntil: fc.option(isoDate, { nil: null }) }), { maxLength: 2 }), reason: localText })
        .map((r) => ({ ...c, ...r })),
    ),
  })
  // Whatever the generator missed, the schema is the judge (and normalises, e.g. lower-cases domains).
  .map((p) => v.safeParse(ProviderSchema, p))
  .filter((r) => r.success)
  .map((r) => r.output as Provider);

const providerListArb = (max = 5) => fc.uniqueArray(providerArb, { maxLength: max, selector: (p) => p.id });

/** Values that do not belong anywhere in a provider. */
const adversarialValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'JaVaScRiPt:alert(1)', ' https://example.org/', 'http://example.org/', 'https://', '', '   ', null, -1, 1.5, Number.MAX_SAFE_INTEGER, true, [], {}),
  fc.integer({ min: 1, max: 3 }).map((k) => 'x'.repeat(10 ** (k + 2))),
  fc.integer({ min: 1, max: 200 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown),
);

/** Paths to every value inside `root` (objects and arrays), e.g. ['providers', 0, 'hds', 'status']. */
function pathsOf(root: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (!root || typeof root !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(root) ? root.map((x, i) => [i, x]) : Object.entries(root);
  return entries.flatMap(([k, x]) => [[...prefix, k], ...pathsOf(x, [...prefix, k])]);
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  let cursor = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cursor = cursor[k] as Record<string | number, unknown>;
  cursor[path.at(-1)!] = value;
}

function objectPaths(root: unknown): (string | number)[][] {
  return [[], ...pathsOf(root)].filter((p) => {
    let cursor: unknown = root;
    for (const k of p) cursor = (cursor as Record<string | number, unknown>)[k];
    return !!cursor && typeof cursor === 'object' && !Array.isArray(cursor);
  });
}

function getAt(root: unknown, path: (string | number)[]): Record<string, unknown> {
  let cursor: unknown = root;
  for (const k of path) cursor = (cursor as Record<string | number, unknown>)[k];
  return cursor as Record<string, unknown>;
}

// ---------------------------------------------------------------- parseImport

describe('parseImport on random input', () => {
  it('never throws: any text ends with a clear error or a valid import', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.json({ maxDepth: 4 }),
          fc.jsonValue({ maxDepth: 4 }).map((x) => JSON.stringify({ format: EXPORT_FORMAT, version: 1, providers: x })),
          fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }).map((list) => fileText(list)),
          fc.dictionary(fc.constantFrom('format', 'version', 'providers', '__proto__', 'constructor', 'extra'), fc.jsonValue({ maxDepth: 2 })).map((d) => JSON.stringify(d)),
        ),
        (text) => {
          expectWellFormed(parseImport(text));
          expectNoPollution();
        },
      ),
      { numRuns: 400 },
    );
  });

  it('round-trips any valid providers through export and import', () => {
    fc.assert(
      fc.property(providerListArb(), (providers) => {
        const result = parseImport(exportJson(providers));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.providers.length).toBe(providers.length);
        result.providers.forEach((p, i) => expect(sameProvider(p, providers[i]!)).toBe(true));
      }),
      { numRuns: 150 },
    );
  });
});

describe('parseImport on adversarial files', () => {
  it('a wrong value anywhere in a valid file: a clear error naming the place, or still valid', () => {
    fc.assert(
      fc.property(providerListArb(4).filter((l) => l.length > 0), fc.nat(), adversarialValue, (providers, pick, value) => {
        const file = { format: EXPORT_FORMAT, version: 1, providers: structuredClone(providers) };
        const paths = pathsOf(file);
        const path = paths[pick % paths.length]!;
        setAt(file, path, value);
        const result = parseImport(JSON.stringify(file));
        expectWellFormed(result);
        if (!result.ok && path[0] === 'providers' && typeof path[1] === 'number' && path.length > 2) {
          // The problem points at the entry (1-based) that was broken, unless an earlier problem filled the list.
          const entries = result.problems.filter((p) => p.kind === 'entry' || p.kind === 'duplicate-id');
          if (entries.length > 0 && entries[0]!.kind === 'entry') expect(entries.some((p) => p.kind === 'entry' && p.entry === (path[1] as number) + 1)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('`javascript:`, `data:` and plain-http source links are refused at their field', () => {
    fc.assert(
      fc.property(
        providerArb.filter((p) => p.cloudAct.sources.length > 0),
        fc.constantFrom('javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'http://example.org/', 'vbscript:msgbox(1)', 'file:///etc/passwd', '//example.org/x', ' javascript:alert(1)'),
        (p, url) => {
          const bad = structuredClone(p);
          bad.cloudAct.sources[0]!.url = url;
          const result = parseImport(fileText([bad]));
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'entry', entry: 1, field: 'cloudAct.sources.0.url' }));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('`__proto__`, `constructor` and `prototype` keys anywhere are refused before validation, and pollute nothing', () => {
    fc.assert(
      fc.property(providerListArb(3), fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 }), (providers, pick, key, value) => {
        const file: Record<string, unknown> = { format: EXPORT_FORMAT, version: 1, providers: structuredClone(providers) };
        const targets = objectPaths(file);
        const path = targets[pick % targets.length]!;
        withOwnKey(getAt(file, path), key, key === '__proto__' ? { polluted: true, ...(value && typeof value === 'object' ? value : {}) } : value);
        const json = JSON.stringify(file);
        expect(json).toContain(`"${key}"`);
        const result = parseImport(json);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.problems[0]).toMatchObject({ kind: 'forbidden-key', key });
        expectNoPollution();
      }),
      { numRuns: 200 },
    );
  });

  it('duplicate ids are named with every entry that carries them', () => {
    fc.assert(
      fc.property(providerListArb(4).filter((l) => l.length > 0), fc.nat(), fc.integer({ min: 1, max: 3 }), (providers, pick, copies) => {
        const twin = providers[pick % providers.length]!;
        const list = [...providers, ...Array.from({ length: copies }, () => ({ ...twin, name: `${twin.name.slice(0, 100)} bis` }))];
        const result = parseImport(fileText(list));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        const at = list.flatMap((p, i) => (p.id === twin.id ? [i + 1] : []));
        expect(result.problems).toContainEqual({ kind: 'duplicate-id', id: twin.id, entries: at });
      }),
      { numRuns: 100 },
    );
  });

  it('unknown keys and wrong top-level shapes are clear errors', () => {
    const p = fc.sample(providerArb, { numRuns: 1, seed: 7 })[0]!;
    expect(parseImport(fileText([{ ...p, script: '<script>' }]))).toMatchObject({ ok: false, problems: [expect.objectContaining({ kind: 'entry', entry: 1 })] });
    expect(parseImport(fileText([p], { extra: 1 }))).toMatchObject({ ok: false, problems: [expect.objectContaining({ kind: 'file' })] });
    expect(parseImport(JSON.stringify({ format: EXPORT_FORMAT, version: 2, providers: [p] }))).toMatchObject({ ok: false, problems: [{ kind: 'version' }] });
    expect(parseImport(JSON.stringify({ format: 'other', version: 1, providers: [p] }))).toMatchObject({ ok: false, problems: [{ kind: 'format' }] });
    expect(parseImport(JSON.stringify([p]))).toMatchObject({ ok: false, problems: [{ kind: 'not-object' }] });
    expect(parseImport(JSON.stringify({ format: EXPORT_FORMAT, version: 1, providers: { 0: p } }))).toMatchObject({ ok: false, problems: [{ kind: 'file', field: 'providers' }] });
    expect(parseImport('\uFEFF' + fileText([p]))).toMatchObject({ ok: true });
    for (const text of ['', '   ', '\n']) expect(parseImport(text)).toEqual({ ok: false, problems: [{ kind: 'empty' }] });
    for (const text of ['{', '{"format":', 'null', 'NaN', "{'a': 1}", '{"a": undefined}']) expectWellFormed(parseImport(text));
  });
});

describe('parseImport on huge input', () => {
  let big: Provider;
  beforeAll(() => {
    big = fc.sample(providerArb, { numRuns: 1, seed: 42 })[0]!;
  });

  it('a file over the size limit is refused before parsing', () => {
    const huge = fileText([{ ...big, name: 'x'.repeat(MAX_IMPORT_BYTES) }]);
    const started = performance.now();
    const result = parseImport(huge);
    expect(result).toMatchObject({ ok: false, problems: [{ kind: 'too-large' }] });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('huge strings inside the size limit are refused at their field, and quoted back short', () => {
    const result = parseImport(fileText([{ ...big, id: 'a'.repeat(1_000_000), name: 'n'.repeat(1_000_000) }]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expectWellFormed(result);
    expect(result.problems.map((p) => (p.kind === 'entry' ? p.field : p.kind))).toEqual(expect.arrayContaining(['id', 'name']));
  });

  it('100,000 entries: refused as too many, quickly', () => {
    const text = fileText(Array.from({ length: 100_000 }, () => ({})));
    const started = performance.now();
    expect(parseImport(text)).toEqual({ ok: false, problems: [{ kind: 'too-many', count: 100_000 }] });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('exactly the maximum number of providers imports', () => {
    const r = { en: 'a', fr: 'a' };
    const small = { name: 'n', domains: [], aliases: ['n'], weakAliases: [], jurisdiction: { entity: null, hq: null, parent: null, parentHq: null, reason: r, sources: [] }, cloudAct: { status: 'unknown', laws: [], reason: r, sources: [] }, hds: { status: 'unknown', activities: [], certificateId: null, certifier: null, version: null, validUntil: null, reason: r, sources: [] }, secnumcloud: { status: 'unknown', services: [], reason: r, sources: [] } };
    const list = Array.from({ length: MAX_IMPORT_PROVIDERS }, (_, i) => ({ id: `p${i}`, ...small }));
    const text = fileText(list);
    expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
    const result = parseImport(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.providers.length).toBe(MAX_IMPORT_PROVIDERS);
  });

  it('deep nesting inside a provider is a clear error', () => {
    for (const depth of [1_000, 100_000]) {
      const deep = '['.repeat(depth) + ']'.repeat(depth);
      expectWellFormed(parseImport(`{"format": "${EXPORT_FORMAT}", "version": 1, "providers": [${deep}]}`));
      expectWellFormed(parseImport(`{"format": "${EXPORT_FORMAT}", "version": 1, "providers": [{"id": "a", "name": ${deep}}]}`));
    }
  });

  // BUG (found by this fuzzing): import-export.ts `describe()` quotes a wrong
  // format/version/providers value with JSON.stringify, which overflows the
  // stack on deep nesting (V8's JSON.parse is iterative, JSON.stringify is
  // not), so parseImport throws RangeError instead of returning a problem,
  // and the options page shows nothing. Turn `it.fails` into `it` once fixed.
  it('deep nesting in format, version or providers is a clear error', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const text of [
      `{"format": ${deep}, "version": 1, "providers": []}`,
      `{"format": "${EXPORT_FORMAT}", "version": ${deep}, "providers": []}`,
      `{"format": "${EXPORT_FORMAT}", "version": 1, "providers": {"a": ${deep}}}`,
    ]) {
      expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
      expectWellFormed(parseImport(text));
    }
  });
});

// ---------------------------------------------------------------- storage

describe('writeCustomProviders: the whole list or nothing', () => {
  const listArb = fc.oneof(
    providerListArb(5).map((l) => l as unknown[]),
    // Valid providers mixed with junk, duplicates and pollution attempts.
    fc.array(
      fc.oneof(
        providerArb as fc.Arbitrary<unknown>,
        fc.jsonValue({ maxDepth: 2 }),
        providerArb.map((p) => ({ ...p, id: 'Not A Slug' })),
        providerArb.map((p) => withOwnKey({ ...p }, '__proto__', { polluted: true })),
        providerArb.map((p) => ({ ...p, cloudAct: { ...p.cloudAct, sources: [{ url: 'javascript:alert(1)', title: 't', verified: '2025-01-01' }] } })),
      ),
      { maxLength: 5 },
    ),
  );

  it('either writes exactly the validated list, once, or throws a StorageError and leaves the old value', async () => {
    await fc.assert(
      fc.asyncProperty(providerListArb(3), listArb, fc.option(fc.integer({ min: 200, max: 20_000 }), { nil: undefined }), async (old, next, quota) => {
        const area = memoryArea({ [KEYS.custom]: old }, { quota });
        const storage = createStorage(area);
        const before = structuredClone(area.data[KEYS.custom]);
        const writes = area.writes();
        let written: Provider[] | null = null;
        try {
          written = await storage.writeCustomProviders(next);
        } catch (e) {
          expect(e).toBeInstanceOf(StorageError);
          expect((e as Error).message.length).toBeGreaterThan(0);
          if (/quota/i.test((e as Error).message)) expect((e as Error).message).toMatch(/Nothing was changed/);
        }
        if (written) {
          expect(area.writes()).toBe(writes + 1);
          expect(area.data[KEYS.custom]).toEqual(written);
          expect(v.safeParse(v.array(ProviderSchema), next).success).toBe(true);
          expect((await storage.readCustomProviders())).toEqual({ value: written });
        } else {
          expect(area.writes()).toBe(writes);
          expect(area.data[KEYS.custom]).toEqual(before);
        }
        expectNoPollution();
      }),
      { numRuns: 150 },
    );
  });

  it('the import flow (parse, preview, write) ends with the old list or the full merged one', async () => {
    const fileArb = fc.oneof(
      providerListArb(4).map((l) => exportJson(l)),
      fc.tuple(providerListArb(3), fc.nat(), adversarialValue).map(([l, pick, value]) => {
        const file = { format: EXPORT_FORMAT, version: 1, providers: structuredClone(l) };
        const paths = pathsOf(file);
        if (paths.length) setAt(file, paths[pick % paths.length]!, value);
        return JSON.stringify(file);
      }),
      fc.string({ maxLength: 50 }),
    );
    await fc.assert(
      fc.asyncProperty(providerListArb(3), fileArb, fc.option(fc.integer({ min: 500, max: 30_000 }), { nil: undefined }), async (existing, text, quota) => {
        const area = memoryArea({ [KEYS.custom]: existing }, { quota });
        const storage = createStorage(area);
        const result = parseImport(text);
        let expected: unknown = existing;
        if (result.ok) {
          const { merged } = previewImport(existing, result.providers);
          try {
            await storage.writeCustomProviders(merged);
            expected = merged;
          } catch (e) {
            expect(e).toBeInstanceOf(StorageError);
          }
        }
        expect(area.data[KEYS.custom]).toEqual(expected);
        expect(area.writes()).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });

  it('more than 10,000 providers after a merge is refused, and nothing changes', async () => {
    const p = fc.sample(providerArb, { numRuns: 1, seed: 3 })[0]!;
    const existing = [{ ...p, id: 'mine' }];
    const incoming = Array.from({ length: MAX_IMPORT_PROVIDERS }, (_, i) => ({ ...p, id: `p${i}` }));
    const area = memoryArea({ [KEYS.custom]: existing });
    const storage = createStorage(area);
    const { merged } = previewImport(existing, incoming);
    expect(merged.length).toBe(MAX_IMPORT_PROVIDERS + 1);
    await expect(storage.writeCustomProviders(merged)).rejects.toThrow(StorageError);
    expect(area.data[KEYS.custom]).toEqual(existing);
    expect(area.writes()).toBe(0);
  });
});

describe('reading and migrating whatever is stored', () => {
  const junk = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined), providerListArb(2).map((l) => [...l, { id: 'Bad Id' }]));

  it('readCustomProviders and readSettings never throw and return only valid data', async () => {
    await fc.assert(
      fc.asyncProperty(junk, junk, async (custom, settings) => {
        const initial: Record<string, unknown> = {};
        if (custom !== undefined) initial[KEYS.custom] = custom;
        if (settings !== undefined) initial[KEYS.settings] = settings;
        const storage = createStorage(memoryArea(initial));
        const read = await storage.readCustomProviders();
        for (const p of read.value) expect(v.safeParse(ProviderSchema, p).success).toBe(true);
        const s = await storage.readSettings();
        expect(typeof s.value.warningsEnabled).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });

  it('migrate() never drops or changes custom providers, and is idempotent', async () => {
    await fc.assert(
      fc.asyncProperty(junk, junk, fc.constantFrom(undefined, 0, 1, -1, 'x', null), async (custom, settings, version) => {
        const initial: Record<string, unknown> = {};
        if (custom !== undefined) initial[KEYS.custom] = custom;
        if (settings !== undefined) initial[KEYS.settings] = settings;
        if (version !== undefined) initial[KEYS.version] = version;
        const area = memoryArea(initial);
        const storage = createStorage(area);
        const first = await storage.migrate();
        expect(area.data[KEYS.custom]).toEqual(initial[KEYS.custom]);
        const once = structuredClone(area.data);
        const writes = area.writes();
        const second = await storage.migrate();
        expect(area.data).toEqual(once);
        // A failed migration (e.g. a corrupt negative version) records its error again; a done one writes nothing more.
        if (!first.error) expect(area.writes()).toBe(writes);
        expect(second.error).toBe(first.error);
        expectNoPollution();
      }),
      { numRuns: 200 },
    );
  });
});
