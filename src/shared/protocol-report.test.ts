// Property: whatever a frame's report holds (any Unicode, lone surrogates,
// extreme lengths, wrong types in any field), it is never refused as a whole:
// the valid ids all arrive, the badge counts exactly them, and every kept
// value is within its limit.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { tabView } from '../background/tab-state';

vi.mock('webextension-polyfill', () => ({ default: {} }));
import { SLUG } from '../data/slug';
import { parseEnvelope } from './protocol';

const slug = fc.constantFrom('aws', 'ovhcloud', 'scaleway', 'hetzner', 'microsoft-azure', 'p1', 'x-2');
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('\u0085', '\u2028', '\u2029', '\u00ad', '\u200b', '\ud800', '\udfff', '\u202e', ' ', '\n', '<img src=x onerror=alert(1)>', '__proto__', 'constructor'),
);
/** Text of any length, up to far past every limit. */
const text = fc.oneof(
  { weight: 4, arbitrary: fc.array(nasty, { maxLength: 8 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.tuple(nasty, fc.integer({ min: 1, max: 3000 })).map(([s, n]) => s.repeat(n)) },
);
const anything = fc.oneof(text, fc.integer(), fc.double(), fc.constant(null), fc.constant(undefined), fc.array(text, { maxLength: 3 }));
const id = fc.oneof({ weight: 3, arbitrary: slug }, { weight: 1, arbitrary: text }, { weight: 1, arbitrary: anything });
const report = fc.record(
  {
    url: fc.oneof(text, fc.tuple(text, fc.integer({ min: 8000, max: 20_000 })).map(([s, n]) => `https://example.org/${s}${'x'.repeat(n)}`)),
    ids: fc.oneof({ weight: 5, arbitrary: fc.array(id, { maxLength: 12 }) }, { weight: 1, arbitrary: anything }),
    snippets: fc.oneof({ weight: 5, arbitrary: fc.dictionary(fc.oneof(slug, text), fc.oneof(fc.array(fc.oneof(text, anything), { maxLength: 8 }), anything), { maxKeys: 6 }) }, { weight: 1, arbitrary: anything }),
    claims: fc.oneof(fc.array(fc.oneof(text, anything), { maxLength: 8 }), anything),
    resources: fc.oneof(
      fc.dictionary(fc.oneof(text, fc.integer({ min: 250, max: 400 }).map((n) => 'h'.repeat(n)), fc.constantFrom('cdn.example', 'a.b.example')), fc.oneof(fc.nat(), fc.integer(), fc.double(), anything), { maxKeys: 6 }),
      anything,
    ),
  },
  { requiredKeys: ['url'] },
);

const isId = (x: unknown): x is string => typeof x === 'string' && x.length <= 64 && SLUG.test(x);

describe('tab/report under arbitrary input', () => {
  it('is never refused for one bad value; the badge count equals the valid ids that survive', () => {
    fc.assert(
      fc.property(report, (req) => {
        const parsed = parseEnvelope({ type: 'tab/report', req });
        if (typeof req.url !== 'string') {
          expect(parsed).toBeNull(); // no URL at all: not a report
          return;
        }
        expect(parsed).not.toBeNull();
        const r = parsed!.req as { url: string; ids: string[]; snippets: Record<string, string[]>; claims?: string[]; resources?: Record<string, number> };
        const expected = new Set(Array.isArray(req.ids) ? req.ids.filter(isId) : []);
        expect(new Set(r.ids)).toEqual(expected);
        const view = tabView({ url: r.url, hostIds: [], frames: { '0': { ids: r.ids, snippets: r.snippets, resources: r.resources ?? {}, claims: r.claims ?? [] } } });
        expect(view.providers.length).toBe(expected.size);
        expect(r.url.length).toBeLessThanOrEqual(8192);
        for (const s of [...Object.values(r.snippets).flat(), ...(r.claims ?? [])]) {
          expect(s.length).toBeLessThanOrEqual(400);
          expect(s).not.toMatch(/[\u0085\u2028\u2029\n\u00ad\u200b]|\s\s/);
          expect(s).toBe((s as unknown as { toWellFormed(): string }).toWellFormed());
        }
        for (const host of Object.keys(r.resources ?? {})) expect(host.length).toBeLessThanOrEqual(253);
      }),
      { numRuns: 400 },
    );
  });
});
