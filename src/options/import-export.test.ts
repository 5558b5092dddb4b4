import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, type Provider } from '../data/schema';
import { FIXTURES, fixtureProvider } from '../../test/support/fixture-providers';
import { checkImportSize, exportFileName, exportJson, MAX_IMPORT_BYTES, parseImport, previewImport, sameProvider, type ImportProblem } from './import-export';

const file = (providers: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ format: EXPORT_FORMAT, version: 1, providers, ...extra });
const problemsOf = (text: string): ImportProblem[] => {
  const r = parseImport(text);
  if (r.ok) throw new Error('expected a failure');
  return r.problems;
};

describe('export', () => {
  it('writes the contract format', () => {
    const parsed = JSON.parse(exportJson(FIXTURES.slice(0, 2)));
    expect(parsed.format).toBe('sovereignty-lens/providers');
    expect(parsed.version).toBe(1);
    expect(parsed.providers.map((p: Provider) => p.id)).toEqual(['microsoft-azure', 'ovhcloud']);
    expect(exportFileName('2025-06-01')).toBe('sovereignty-lens-providers-2025-06-01.json');
  });

  it('round trip export → import gives the same providers', () => {
    const r = parseImport(exportJson(FIXTURES));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.providers).toEqual(FIXTURES);
    const empty = parseImport(exportJson([]));
    expect(empty).toEqual({ ok: true, providers: [] });
  });
});

describe('import: refusals', () => {
  it('refuses files over 5 MB before reading', () => {
    expect(checkImportSize(MAX_IMPORT_BYTES)).toBeNull();
    expect(checkImportSize(MAX_IMPORT_BYTES + 1)).toEqual({ kind: 'too-large', bytes: MAX_IMPORT_BYTES + 1 });
    expect(problemsOf(' '.repeat(MAX_IMPORT_BYTES + 1))[0]?.kind).toBe('too-large');
  });

  it('reports malformed JSON and empty files', () => {
    expect(problemsOf('{"format": ')[0]?.kind).toBe('json');
    expect(problemsOf('   ')[0]?.kind).toBe('empty');
    expect(problemsOf('[1,2]')[0]?.kind).toBe('not-object');
    expect(problemsOf('null')[0]?.kind).toBe('not-object');
  });

  it('reports a wrong format or version', () => {
    expect(problemsOf(JSON.stringify({ format: 'other', version: 1, providers: [] }))).toEqual([{ kind: 'format', found: '"other"' }]);
    expect(problemsOf(JSON.stringify({ version: 1, providers: [] }))).toEqual([{ kind: 'format', found: 'nothing' }]);
    expect(problemsOf(file([], { version: 2 }))).toEqual([{ kind: 'version', found: '2' }]);
    expect(problemsOf(file([], { extra: true }))[0]).toMatchObject({ kind: 'file', field: 'extra' });
    expect(problemsOf(JSON.stringify({ format: EXPORT_FORMAT, version: 1, providers: {} }))[0]).toMatchObject({ kind: 'file', field: 'providers' });
  });

  it('says which entry and which field is wrong', () => {
    const bad = structuredClone(FIXTURES[2]!) as unknown as { id: string; hds: { status: string } };
    bad.id = 'my-cloud';
    bad.hds.status = 'maybe';
    const problems = problemsOf(file([FIXTURES[0], FIXTURES[1], bad]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'entry', entry: 3, id: 'my-cloud', field: 'hds.status' });
  });

  it('reports entries that are not objects, and missing fields', () => {
    const { name: _omit, ...noName } = FIXTURES[1]!;
    const problems = problemsOf(file(['x', noName]));
    expect(problems[0]).toMatchObject({ kind: 'entry', entry: 1, id: null, field: '' });
    expect(problems[1]).toMatchObject({ kind: 'entry', entry: 2, id: 'ovhcloud', field: 'name' });
  });

  it('reports duplicate ids with their entries', () => {
    const problems = problemsOf(file([FIXTURES[0], FIXTURES[1], FIXTURES[0]]));
    expect(problems).toEqual([{ kind: 'duplicate-id', id: 'microsoft-azure', entries: [1, 3] }]);
  });

  it('refuses __proto__ and constructor keys anywhere, without polluting prototypes', () => {
    const text = `{"format":"${EXPORT_FORMAT}","version":1,"providers":[{"__proto__":{"polluted":true},"id":"x"}]}`;
    expect(problemsOf(text)[0]).toEqual({ kind: 'forbidden-key', key: '__proto__', path: 'providers[0].__proto__' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const withConstructor = JSON.parse(exportJson(FIXTURES.slice(0, 1)));
    withConstructor.providers[0].hds.constructor = { prototype: {} };
    expect(problemsOf(JSON.stringify(withConstructor))[0]).toMatchObject({ kind: 'forbidden-key', key: 'constructor' });
  });

  it('refuses javascript: and http: source URLs', () => {
    const evil = structuredClone(FIXTURES[0]!);
    evil.cloudAct.sources = [{ url: 'javascript:alert(1)', title: 'x', verified: '2025-01-01' }];
    const problems = problemsOf(file([evil]));
    expect(problems.some((p) => p.kind === 'entry' && p.entry === 1 && p.field === 'cloudAct.sources.0.url')).toBe(true);
    const plain = structuredClone(FIXTURES[0]!);
    plain.jurisdiction.sources = [{ url: 'http://example.com', title: 'x', verified: '2025-01-01' }];
    expect(problemsOf(file([plain]))[0]).toMatchObject({ field: 'jurisdiction.sources.0.url', message: 'must start with https://' });
  });

  it('refuses huge arrays quickly, and caps the list of problems', () => {
    const start = performance.now();
    expect(problemsOf(file(Array.from({ length: 200_000 }, () => ({}))))).toEqual([{ kind: 'too-many', count: 200_000 }]);
    expect(performance.now() - start).toBeLessThan(2000);
    const many = problemsOf(file(Array.from({ length: 500 }, () => 'x')));
    expect(many).toHaveLength(20);
  });
});

describe('previewImport', () => {
  it('counts added, changed and unchanged, merging by id', () => {
    const existing = [FIXTURES[0]!, FIXTURES[1]!];
    const changedOvh = { ...FIXTURES[1]!, aliases: ['OVH'] };
    const added = fixtureProvider({ id: 'my-cloud', name: 'My Cloud' });
    const p = previewImport(existing, [FIXTURES[0]!, changedOvh, added], new Set(['ovhcloud']));
    expect(p.unchanged.map((x) => x.id)).toEqual(['microsoft-azure']);
    expect(p.changed.map((x) => x.id)).toEqual(['ovhcloud']);
    expect(p.added.map((x) => x.id)).toEqual(['my-cloud']);
    expect(p.overridesBundled).toEqual(['ovhcloud']);
    expect(p.merged.map((x) => x.id)).toEqual(['microsoft-azure', 'ovhcloud', 'my-cloud']);
    expect(p.merged[1]).toBe(changedOvh);
  });

  it('compares by value whatever the key order', () => {
    const a = FIXTURES[1]!;
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(a).reverse()))) as Provider;
    expect(sameProvider(a, reordered)).toBe(true);
  });
});
