// @vitest-environment happy-dom
// The audit says what the popup says: each bundled provider's card, rendered
// with the English and French messages, shows the same level, statuses and
// headquarters as the audit's labels.
import { h, render } from 'preact';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { assess, todayIso } from '../../src/core/assess';
import { bundledDataset } from '../../src/data/load';
import { fixtureProvider } from '../../test/support/fixture-providers';
import { PROVIDERS } from './fixtures.test-data';
import { ProviderCard } from '../../src/popup/provider-card';
import { labels } from './labels';
import { translator } from './messages';
import { providerFacts } from './report';

const lang = vi.hoisted(() => ({ current: 'en' as 'en' | 'fr' }));

vi.mock('webextension-polyfill', async () => {
  const { translator: make } = await import('./messages');
  return {
    default: {
      i18n: {
        getMessage: (key: string, subs?: string | string[]) => make(lang.current)(key as never, subs === undefined ? [] : [subs].flat()),
        getUILanguage: () => lang.current,
      },
    },
  };
});

const root = document.createElement('div');
document.body.append(root);
afterAll(() => render(null, root));

const reason = { en: 'Sourced.', fr: 'Sourcé.' };
const source = [{ url: 'https://example.org/register', title: 'Register', verified: '2025-01-01' }];
/** The cases the data may not hold today: a parent that is the entity, a parent without a country, expired labels. */
const EDGE_CASES = [
  fixtureProvider({ id: 'same-parent', name: 'Same Parent', jurisdiction: { entity: 'Acme SA', hq: 'FR', parent: 'Acme SA', parentHq: 'FR', reason, sources: source } }),
  fixtureProvider({ id: 'parent-abroad', name: 'Parent Abroad', jurisdiction: { entity: 'Acme SA', hq: 'FR', parent: 'Acme SA', parentHq: 'US', reason, sources: source } }),
  fixtureProvider({ id: 'parent-no-country', name: 'Parent No Country', jurisdiction: { entity: null, hq: null, parent: 'Holding', parentHq: null, reason, sources: source } }),
  fixtureProvider({
    id: 'expired',
    name: 'Expired',
    hds: { status: 'certified', activities: [], certificateId: null, certifier: null, version: null, validUntil: '2020-01-01', reason, sources: source },
    secnumcloud: { status: 'qualified', services: [{ name: 'IaaS', qualifiedOn: null, validUntil: '2020-01-01' }], reason, sources: source },
  }),
  fixtureProvider({ id: 'foreign-law', name: 'Foreign Law', cloudAct: { status: 'unknown', laws: ['cn-nil-2017'], reason, sources: source } }),
];

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe.each(['en', 'fr'] as const)('labels (%s)', (l) => {
  it('match the popup card for every bundled provider', () => {
    lang.current = l;
    const say = labels(translator(l), l);
    const today = todayIso();
    for (const p of [...bundledDataset().providers, ...PROVIDERS, ...EDGE_CASES]) {
      const a = assess(p, today);
      const f = providerFacts(a);
      render(h(ProviderCard, { assessment: a, lang: l, today, idPrefix: 'c' }), root);
      const card = root.querySelector('[data-provider-id]')!;
      expect(card.getAttribute('data-cloud-act'), p.id).toBe(f.cloudAct.status);
      expect(card.getAttribute('data-hds'), p.id).toBe(f.hds.status);
      expect(card.getAttribute('data-secnumcloud'), p.id).toBe(f.secnumcloud.status);
      expect(text(card.querySelector('.level-pill')), p.id).toBe(say.level(f.level));
      expect(text(card.querySelector('[data-summary="cloud-act"] .summary-text')), p.id).toBe(say.cloudAct(f));
      expect(text(card.querySelector('[data-summary="hds"] .summary-text')), p.id).toBe(say.hds(f));
      expect(text(card.querySelector('[data-summary="secnumcloud"] .summary-text')), p.id).toBe(say.secnumcloud(f));
      const entity = text(card.querySelector('[data-fact="entity"]')) || text(card.querySelector('[data-fact="headquarters"]'));
      const parent = text(card.querySelector('[data-fact="parent"]'));
      expect(say.jurisdiction(f), p.id).toBe(parent ? `${entity}; ${parent}` : entity);
    }
  });
});
