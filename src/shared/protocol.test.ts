// parseEnvelope is the schema check every message passes on receipt (see
// messages.ts): anything unknown or malformed is null, a valid request comes
// back parsed, and nothing a sender puts in a message can pollute prototypes.
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderIdSchema } from '../data/schema';
import { parseEnvelope, RequestSchemas } from './protocol';

const report = (req: Record<string, unknown> = {}) => ({ type: 'tab/report', req: { url: 'https://example.org/', ids: ['aws'], snippets: { aws: ['on AWS'] }, ...req } });

afterEach(() => {
  // Every test below must leave Object.prototype as it found it.
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('parseEnvelope: valid requests', () => {
  it('parses each message type', () => {
    expect(parseEnvelope(report())).toEqual({ type: 'tab/report', req: { url: 'https://example.org/', ids: ['aws'], snippets: { aws: ['on AWS'] } } });
    expect(parseEnvelope(report({ resources: { 'cdn.example': 3 } }))?.req).toMatchObject({ resources: { 'cdn.example': 3 } });
    expect(parseEnvelope({ type: 'tab/get-state', req: { tabId: 7 } })).toEqual({ type: 'tab/get-state', req: { tabId: 7 } });
    for (const type of ['tab/open-details', 'settings/silence-site', 'lookup/take'] as const) expect(parseEnvelope({ type, req: {} })).toEqual({ type, req: {} });
    expect(parseEnvelope({ type: 'warning/update', req: { notice: null } })).toEqual({ type: 'warning/update', req: { notice: null } });
    const notice = { level: 'high', providers: [{ id: 'aws', name: 'Amazon Web Services', level: 'high' }] };
    expect(parseEnvelope({ type: 'warning/update', req: { notice } })).toEqual({ type: 'warning/update', req: { notice } });
  });

  it('accepts the documented limits exactly', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `p${i}`);
    expect(parseEnvelope(report({ ids, snippets: {} }))).not.toBeNull();
    expect(parseEnvelope(report({ url: 'x'.repeat(8192) }))).not.toBeNull();
    expect(parseEnvelope(report({ snippets: { aws: Array(5).fill('s'.repeat(400)) } }))).not.toBeNull();
    expect(parseEnvelope(report({ resources: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`h${i}.example`, 1])) }))).not.toBeNull();
  });

  it('returns a fresh object: unknown keys are dropped, the input is not reused', () => {
    const message = report({ extra: 'dropped' });
    const parsed = parseEnvelope(message)!;
    expect(parsed.req).not.toHaveProperty('extra');
    expect(parsed.req).not.toBe(message.req);
  });
});

describe('parseEnvelope: unknown or malformed → null', () => {
  it('refuses what is not an envelope', () => {
    for (const m of [undefined, null, 0, 42, '', 'tab/report', true, [], [report()], () => report()]) expect(parseEnvelope(m)).toBeNull();
    expect(parseEnvelope({})).toBeNull();
    expect(parseEnvelope({ req: { tabId: 1 } })).toBeNull();
    expect(parseEnvelope({ type: 'tab/get-state' })).toBeNull();
    expect(parseEnvelope({ type: 'tab/get-state', req: null })).toBeNull();
    expect(parseEnvelope({ type: 'tab/get-state', req: 'tabId=1' })).toBeNull();
  });

  it('refuses unknown types, including names that exist on Object.prototype', () => {
    for (const type of ['tab/delete', 'TAB/REPORT', 'tab/report ', '', 'toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf', '__defineGetter__', 'isPrototypeOf']) {
      expect(parseEnvelope({ type, req: {} }), type).toBeNull();
    }
    for (const type of [1, null, ['tab/report'], { toString: () => 'tab/report' }, Symbol('tab/report')]) expect(parseEnvelope({ type, req: {} })).toBeNull();
    expect(Object.keys(RequestSchemas)).not.toContain('__proto__');
  });

  it('refuses wrong shapes', () => {
    const bad: [string, unknown][] = [
      ['tabId a string', { type: 'tab/get-state', req: { tabId: '1' } }],
      ['tabId negative', { type: 'tab/get-state', req: { tabId: -1 } }],
      ['tabId fractional', { type: 'tab/get-state', req: { tabId: 1.5 } }],
      ['tabId NaN', { type: 'tab/get-state', req: { tabId: Number.NaN } }],
      ['tabId Infinity', { type: 'tab/get-state', req: { tabId: Number.POSITIVE_INFINITY } }],
      ['no url', { type: 'tab/report', req: { ids: [], snippets: {} } }],
      ['url a number', report({ url: 42 })],
      ['a report that is a list', { type: 'tab/report', req: [] }],
      ['notice level unknown', { type: 'warning/update', req: { notice: { level: 'critical', providers: [] } } }],
      ['notice provider name not a string', { type: 'warning/update', req: { notice: { level: 'high', providers: [{ id: 'aws', name: { html: '<b>' }, level: 'high' }] } } }],
      ['notice missing', { type: 'warning/update', req: {} }],
    ];
    for (const [name, message] of bad) expect(parseEnvelope(message), name).toBeNull();
  });

  it('refuses oversized input', () => {
    const providers = Array.from({ length: 201 }, () => ({ id: 'aws', name: 'AWS', level: 'high' }));
    expect(parseEnvelope({ type: 'warning/update', req: { notice: { level: 'high', providers } } })).toBeNull();
    expect(parseEnvelope({ type: 'warning/update', req: { notice: { level: 'high', providers: [{ id: 'aws', name: 'n'.repeat(201), level: 'high' }] } } })).toBeNull();
  });

  it('refuses deep nesting where a scalar is expected, without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    expect(parseEnvelope({ type: 'tab/get-state', req: { tabId: deep } })).toBeNull();
    let list: unknown = [];
    for (let i = 0; i < 100_000; i++) list = [list];
    // A report skips what it cannot keep: the nested list is no id.
    expect(parseEnvelope(report({ ids: list }))?.req).toMatchObject({ ids: [] });
  });
});

describe('tab/report: one bad value is trimmed or skipped, the rest always arrives', () => {
  const parse = (req: Record<string, unknown>) => parseEnvelope(report(req))!.req as { url: string; ids: string[]; snippets: Record<string, string[]>; claims?: string[]; resources?: Record<string, number>; dropped?: string[] };

  it('cuts an over-long URL to the limit', () => {
    const r = parse({ url: 'https://example.org/?' + 'x'.repeat(20_000) });
    expect(r.url).toHaveLength(8192);
    expect(r.dropped).toEqual(['url: cut from 20021 characters']);
    expect(r.ids).toEqual(['aws']);
  });

  it('skips ids that are not provider ids, and keeps the others', () => {
    const r = parse({ ids: ['aws', 'AWS', 1, '<img src=x onerror=alert(1)>', 'a'.repeat(65), 'aws', 'ovhcloud'] });
    expect(r.ids).toEqual(['aws', 'ovhcloud']);
    expect(r.dropped).toEqual(['ids: 5 invalid or repeated']);
    expect(parse({ ids: 'aws' }).ids).toEqual([]);
    expect(parse({ ids: Array.from({ length: 20_005 }, (_, i) => `p${i}`) }).ids).toHaveLength(20_000);
  });

  it('collapses every space and line separator in snippets (U+0085 too), then cuts them', () => {
    const r = parse({ snippets: { aws: [`on Amazon${'\u0085'.repeat(5000)}Web Services`, 's'.repeat(10_000), 1, 'x', 'y', 'z', 'w'] } });
    expect(r.snippets.aws![0]).toBe('on Amazon Web Services');
    expect(r.snippets.aws![1]).toHaveLength(400);
    expect(r.snippets.aws![1]!.endsWith('…')).toBe(true);
    expect(r.snippets.aws).toHaveLength(5);
    expect(r.ids).toEqual(['aws']);
  });

  it('skips snippets under keys that are not ids, over-long hosts and bad counts, and counts what it skipped', () => {
    const r = parse({ snippets: { 'Not A Slug': ['x'], aws: ['ok'] }, resources: { ['h'.repeat(254)]: 1, 'a.example': -1, 'b.example': 0.5, 'c.example': 2 } });
    expect(r.snippets).toEqual({ aws: ['ok'] });
    expect(r.resources).toEqual({ 'c.example': 2 });
    expect(r.dropped).toEqual(['snippets: 1 invalid keys', 'resources: 3 hosts left out (over 253 characters, bad count, or over 500)']);
    expect(Object.keys(parse({ resources: Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`h${i}.example`, 1])) }).resources!)).toHaveLength(500);
  });

  it('makes lone surrogates well-formed', () => {
    expect(parse({ snippets: { aws: ['a\ud800b'] } }).snippets.aws).toEqual(['a\ufffdb']);
  });
});

describe('parseEnvelope: prototype-pollution keys', () => {
  // Messages arrive as JSON-like data, where `__proto__` is an own key
  // (JSON.parse makes it one). valibot never copies `__proto__`, `prototype`
  // or `constructor` keys into its output: the request that remains is
  // parsed as an ordinary one, and nothing is polluted.
  const hostile = (json: string) => JSON.parse(json) as unknown;

  it('never pollutes a prototype, whatever the key', () => {
    const messages = [
      '{"__proto__": {"polluted": true}, "type": "tab/get-state", "req": {"tabId": 1}}',
      '{"type": "tab/get-state", "req": {"tabId": 1, "__proto__": {"polluted": true}}}',
      '{"type": "tab/get-state", "req": {"tabId": 1, "constructor": {"prototype": {"polluted": true}}}}',
      '{"type": "tab/report", "req": {"url": "u", "ids": [], "snippets": {"__proto__": {"polluted": ["x"]}}}}',
      '{"type": "tab/report", "req": {"url": "u", "ids": [], "snippets": {}, "resources": {"__proto__": 1, "constructor": 2, "prototype": 3}}}',
      '{"type": "warning/update", "req": {"notice": {"level": "high", "providers": [], "__proto__": {"polluted": true}}}}',
    ];
    for (const json of messages) {
      const parsed = parseEnvelope(hostile(json));
      if (parsed) {
        // What comes out has no such own key and a plain prototype, all the way down.
        const check = (value: unknown): void => {
          if (!value || typeof value !== 'object') return;
          for (const key of ['__proto__', 'constructor', 'prototype']) expect(Object.hasOwn(value, key), `${json}: own ${key}`).toBe(false);
          expect([Object.prototype, Array.prototype]).toContain(Object.getPrototypeOf(value));
          for (const v of Object.values(value)) check(v);
        };
        check(parsed);
      }
    }
  });

  it('keeps the valid rest of a request that carried such a key (today: the key is dropped, not refused)', () => {
    expect(parseEnvelope(hostile('{"type": "tab/get-state", "req": {"tabId": 1, "__proto__": {"polluted": true}}}'))).toEqual({ type: 'tab/get-state', req: { tabId: 1 } });
    expect(parseEnvelope(hostile('{"type": "tab/report", "req": {"url": "u", "ids": [], "snippets": {"__proto__": ["x"]}}}'))?.req).toEqual({ url: 'u', ids: [], snippets: {}, dropped: ['snippets: 1 invalid keys'] });
  });

  it('refuses provider ids that are Object.prototype names, so no id can shadow one (tab-state reads snippets with hasOwn too)', () => {
    for (const id of ['constructor', 'prototype', 'tostring']) expect(v.safeParse(ProviderIdSchema, id).success, id).toBe(false);
    expect(v.safeParse(ProviderIdSchema, 'my-constructor-cloud').success).toBe(true);
  });

  it('reads a null-prototype object like a plain one', () => {
    const sneaky = Object.create(null) as Record<string, unknown>;
    sneaky.type = 'tab/get-state';
    sneaky.req = Object.assign(Object.create(null), { tabId: 3 });
    expect(parseEnvelope(sneaky)).toEqual({ type: 'tab/get-state', req: { tabId: 3 } });
  });
});
