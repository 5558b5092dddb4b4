// @vitest-environment happy-dom
// The card carries the contract's attributes; it shows a compact header and
// status summary, and each claim with its sources inside "Sources and details".
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assess } from '../core/assess';
import type { Provider } from '../data/schema';
import { FIXTURES, fixtureProvider } from '../../test/support/fixture-providers';
import { ProviderCard } from './provider-card';

vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: {
      // Echo the key and its substitutions, so the test sees what is shown.
      getMessage: (key: string, subs?: string | string[]) => [key, ...(subs === undefined ? [] : [subs].flat())].join('|'),
      getUILanguage: () => 'en',
    },
  },
}));

const TODAY = '2025-06-01';
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const show = (p: Provider, extra: Partial<Parameters<typeof ProviderCard>[0]> = {}) => {
  render(<ProviderCard assessment={assess(p, TODAY)} lang="en" today={TODAY} idPrefix="c" {...extra} />, root);
  return root.querySelector<HTMLElement>('[data-provider-id]')!;
};

const src = (url: string) => [{ url, title: `Title of ${url}`, verified: '2025-01-15', kind: 'press' as const }];

describe('ProviderCard', () => {
  it('carries the contract attributes', () => {
    const card = show(FIXTURES[0]!);
    expect(card.dataset.providerId).toBe('microsoft-azure');
    expect(card.dataset.cloudAct).toBe('exposed');
    expect(card.dataset.hds).toBe('unknown');
    expect(card.dataset.secnumcloud).toBe('unknown');
    expect(card.textContent).toContain('Microsoft Azure');
    expect(card.textContent).toContain('US company: CLOUD Act.');
    expect(card.textContent).toContain('lawUsCloudAct');
    expect(card.textContent).toContain('jurisdictionEntity|Microsoft Corporation|United States (US)');
  });

  it('renders sources as https links that open safely, with kind and verified date', () => {
    const card = show(FIXTURES[0]!);
    const links = [...card.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      expect(a.getAttribute('href')).toMatch(/^https:\/\//);
      expect(a.getAttribute('rel')).toBe('noreferrer noopener');
      expect(a.getAttribute('target')).toBe('_blank');
    }
    expect(card.textContent).toContain('sourceKindProviderStatement');
    expect(card.textContent).toMatch(/sourceVerified\|Jan 15, 2025/);
  });

  it('never renders a non-https source as a link, and renders data as text', () => {
    const p = fixtureProvider({
      id: 'x',
      name: '<img src=x onerror=alert(1)>',
      cloudAct: { status: 'exposed', laws: [], reason: { en: '<b>bold</b>', fr: 'x' }, sources: [{ url: 'javascript:alert(1)', title: 'evil', verified: '2025-01-01' }] },
    });
    const card = show(p);
    expect(card.querySelector('img, b')).toBeNull();
    expect(card.querySelectorAll('a')).toHaveLength(0);
    expect(card.textContent).toContain('evil');
  });

  it('shows an expired HDS certificate as not certified, "expired"', () => {
    const p = fixtureProvider({
      id: 'old',
      name: 'Old',
      hds: { status: 'certified', activities: [1, 5], certificateId: 'C-9', certifier: 'AFNOR', version: 'v1', validUntil: '2024-12-31', reason: { en: 'Was certified.', fr: 'x' }, sources: src('https://example.org/hds') },
    });
    const card = show(p);
    expect(card.dataset.hds).toBe('not-certified');
    expect(card.textContent).toContain('hdsExpired');
    expect(card.textContent).toContain('validUntilExpired|Dec 31, 2024');
    expect(card.textContent).toContain('hdsCertificate|C-9');
    expect(card.textContent).toContain('hdsActivity5');
  });

  it('shows SecNumCloud services with their dates, and "expires soon"', () => {
    const p = fixtureProvider({
      id: 'snc',
      name: 'Snc',
      secnumcloud: { status: 'qualified', services: [{ name: 'IaaS', qualifiedOn: '2023-02-01', validUntil: '2025-07-01' }], reason: { en: 'Qualified.', fr: 'x' }, sources: src('https://example.org/snc') },
    });
    const card = show(p);
    expect(card.dataset.secnumcloud).toBe('qualified');
    expect(card.querySelector('[data-service="IaaS"]')?.textContent).toContain('sncQualifiedOn|Feb 1, 2023');
    expect(card.querySelector('[data-validity="expires-soon"]')).not.toBeNull();
  });

  it('says "Not verified yet" for unknown claims, and marks providers found via the host', () => {
    const card = show(FIXTURES[1]!, { found: { id: 'ovhcloud', via: ['host', 'text'], snippets: ['moved to OVHcloud'] } });
    expect(card.querySelectorAll('.claim-unknown')).toHaveLength(4);
    expect(card.textContent).toContain('claimNotVerified');
    // The data only says "Not verified yet": the card says what that means, once per claim.
    expect(card.querySelectorAll('.claim-unknown .claim-hint')).toHaveLength(4);
    expect(card.querySelectorAll('.claim-unknown .reason')).toHaveLength(0);
    expect(card.querySelector('[data-fact="headquarters"]')?.textContent).toBe('jurisdictionNotVerified');
    expect(card.querySelector('[data-via-host]')?.textContent).toBe('cardViaHost|OVHcloud');
    expect(card.querySelector('details .snippets q')?.textContent).toBe('moved to OVHcloud');
  });

  it('is compact: header with headquarters, a summary of the three statuses, the CLOUD Act reason', () => {
    const p = fixtureProvider({
      ...FIXTURES[0]!,
      jurisdiction: { ...FIXTURES[0]!.jurisdiction, parent: 'Parent Inc.', parentHq: 'IE' },
      hds: { status: 'certified', activities: [1], certificateId: null, certifier: null, version: null, validUntil: '2027-12-19', reason: { en: 'Certified.', fr: 'x' }, sources: src('https://example.org/hds') },
      secnumcloud: { status: 'in-progress', services: [], reason: { en: 'J0.', fr: 'x' }, sources: src('https://example.org/snc') },
    });
    const card = show(p, { found: { id: 'microsoft-azure', via: ['text'], snippets: [] } });
    const header = card.querySelector('header')!;
    expect(header.querySelector('h3')?.textContent).toBe('Microsoft Azure');
    expect(header.querySelector('.level-pill')?.textContent).toBe('levelHigh');
    // Headquarters (and the parent's, when different) right under the name, outside the details.
    const hq = card.querySelector('[data-fact="headquarters"]')!;
    expect(hq.closest('details')).toBeNull();
    expect(hq.querySelector('[data-fact="entity"]')?.textContent).toBe('jurisdictionEntity|Microsoft Corporation|United States (US)');
    expect(hq.querySelector('[data-fact="parent"]')?.textContent).toBe('jurisdictionParent|Parent Inc.|Ireland (IE)');
    // One summary row: a label and a status text per item, the tone as a class, never colour alone.
    const items = [...card.querySelectorAll<HTMLElement>('dl.card-summary > [data-summary]')];
    expect(items.map((i) => i.dataset.summary)).toEqual(['cloud-act', 'hds', 'secnumcloud']);
    expect(items.map((i) => i.querySelector('dt')?.textContent)).toEqual(['summaryCloudAct', 'summaryHds', 'summarySecNumCloud']);
    expect(items.map((i) => i.querySelector('.summary-text')?.textContent)).toEqual(['cloudActExposed', 'hdsCertified', 'sncInProgress']);
    expect(items.map((i) => i.dataset.tone)).toEqual(['bad', 'good', 'warn']);
    expect(items[1]!.querySelector('.summary-note time')?.getAttribute('datetime')).toBe('2027-12-19');
    expect(items[1]!.querySelector('.summary-note')?.textContent).toBe('summaryUntil|Dec 19, 2027');
    // The one-line reason is outside the details; the full claims are inside.
    const reason = card.querySelector('.card-reason')!;
    expect(reason.closest('details')).toBeNull();
    expect(reason.textContent).toBe('US company: CLOUD Act.');
    const details = card.querySelector('details')!;
    expect(details.querySelector('summary')?.textContent).toBe('cardDetails');
    expect([...details.querySelectorAll<HTMLElement>('[data-claim]')].map((c) => c.dataset.claim)).toEqual(['jurisdiction', 'cloud-act', 'hds', 'secnumcloud']);
    // Named on the page without a snippet: said inside the details.
    expect(details.querySelector('.snippets')?.textContent).toBe('cardViaText');
  });

  it('keeps every source link, kind and verified date inside "Sources and details"', () => {
    const card = show(FIXTURES[0]!, { found: { id: 'microsoft-azure', via: ['text'], snippets: ['on Microsoft Azure'] } });
    const details = card.querySelector('details')!;
    const links = card.querySelectorAll('a[href]');
    expect(links.length).toBe(2);
    for (const a of links) expect(a.closest('details')).toBe(details);
    for (const claim of details.querySelectorAll('[data-claim="jurisdiction"], [data-claim="cloud-act"]')) {
      expect(claim.querySelector('a[href^="https://"]')).not.toBeNull();
      expect(claim.querySelector('.source-meta time')?.getAttribute('datetime')).toBe('2025-01-15');
    }
  });

  it('shows the own reason of an unknown claim instead of the generic hint', () => {
    const p = fixtureProvider({
      id: 'cn',
      name: 'Cn',
      secnumcloud: { status: 'unknown', services: [], reason: { en: 'SecNumCloud qualification not verified yet', fr: 'x' }, sources: [] },
    });
    const snc = show(p).querySelector('[data-claim="secnumcloud"]')!;
    expect(snc.classList.contains('claim-unknown')).toBe(true);
    expect(snc.querySelector('.reason')?.textContent).toBe('SecNumCloud qualification not verified yet');
    expect(snc.querySelector('.claim-hint')).toBeNull();
  });

  it('says "foreign law applies" when the CLOUD Act is not sourced but another listed law reaches the provider', () => {
    const p = fixtureProvider({
      id: 'cn-cloud',
      name: 'CN Cloud',
      cloudAct: { status: 'unknown', laws: ['cn-nil-2017'], reason: { en: 'Chinese company.', fr: 'x' }, sources: src('https://example.org/cn') },
    });
    const card = show(p);
    expect(card.dataset.cloudAct).toBe('unknown');
    const item = card.querySelector<HTMLElement>('[data-summary="cloud-act"]')!;
    expect(item.querySelector('.summary-text')?.textContent).toBe('cloudActForeignLaw');
    expect(item.dataset.tone).toBe('bad');
    // Without any law the tile stays "not verified", neutral.
    const q = fixtureProvider({ id: 'unknown-cloud', name: 'Unknown Cloud', cloudAct: { status: 'unknown', laws: [], reason: { en: 'No source.', fr: 'x' }, sources: [] } });
    const other = show(q).querySelector<HTMLElement>('[data-summary="cloud-act"]')!;
    expect(other.querySelector('.summary-text')?.textContent).not.toBe('cloudActForeignLaw');
    expect(other.dataset.tone).toBe('neutral');
  });

  it('starts collapsed for a page provider and expanded for a lookup result (or as asked)', () => {
    expect(show(FIXTURES[0]!, { found: { id: 'microsoft-azure', via: ['text'], snippets: [] } }).querySelector('details')!.open).toBe(false);
    expect(show(FIXTURES[0]!).querySelector('details')!.open).toBe(true);
    expect(show(FIXTURES[0]!, { expanded: false }).querySelector('details')!.open).toBe(false);
  });
});

describe('source freshness', () => {
  it('flags a source verified more than a year before today', async () => {
    const { isStale } = await import('./claim');
    expect(isStale('2025-11-22', '2026-11-23')).toBe(true);
    expect(isStale('2025-11-23', '2026-11-23')).toBe(false);
    expect(isStale('2026-06-01', '2026-11-23')).toBe(false);
  });
});

describe('evidence and scope', () => {
  const own = (url: string) => [{ url, title: 'Own page', verified: '2025-01-15', kind: 'provider-statement' as const }];
  const base = { id: 'scoped', name: 'Scoped', domains: ['scoped.example'] };

  it('says an inferred claim is inferred, names what from, and links the rule; its tile is marked', () => {
    const p = fixtureProvider({
      ...base,
      jurisdiction: { entity: 'Scoped Inc.', hq: 'US', parent: null, parentHq: null, reason: { en: 'US company.', fr: 'x' }, sources: own('https://scoped.example/legal') },
      cloudAct: { status: 'exposed', laws: ['us-cloud-act'], basis: 'inferred', rule: 'us-cloud-act', reason: { en: 'US seat.', fr: 'x' }, sources: own('https://scoped.example/legal') },
    });
    const card = show(p);
    const line = card.querySelector<HTMLElement>('[data-claim="cloud-act"] [data-evidence]')!;
    expect(line.dataset.evidence).toBe('inferred');
    expect(line.dataset.rule).toBe('us-cloud-act');
    expect(line.textContent).toContain('evidenceInferred|its US seat or US parent');
    expect([...line.querySelectorAll('a')].map((a) => a.textContent?.replace('linkNewTab', '').trim())).toEqual(['18 U.S.C. §2713', '50 U.S.C. §1881a']);
    expect(line.querySelector('a')?.getAttribute('href')).toMatch(/^https:\/\/uscode\.house\.gov\//);
    expect(card.querySelector<HTMLElement>('[data-summary="cloud-act"]')!.dataset.evidence).toBe('inferred');
    // The seat is stated by the provider: said in words, no mark on its own line.
    expect(card.querySelector<HTMLElement>('[data-claim="jurisdiction"] [data-evidence]')!.dataset.evidence).toBe('provider-statement');
  });

  it('marks a status backed by the press only, but not one the provider states', () => {
    const press = fixtureProvider({ ...base, hds: { status: 'certified', reason: { en: 'c', fr: 'x' }, sources: src('https://news.example/a') } });
    expect(show(press).querySelector<HTMLElement>('[data-summary="hds"]')!.dataset.evidence).toBe('secondhand');
    const stated = fixtureProvider({ ...base, hds: { status: 'certified', reason: { en: 'c', fr: 'x' }, sources: own('https://scoped.example/hds') } });
    expect(show(stated).querySelector<HTMLElement>('[data-summary="hds"]')!.dataset.evidence).toBe('');
  });

  it('shows what an HDS certificate covers and does not, and which parts no source states', () => {
    const p = fixtureProvider({
      ...base,
      hds: { status: 'certified', services: ['Public Cloud', 'Hosted Private Cloud'], notCovered: ['Web Hosting'], reason: { en: 'c', fr: 'x' }, sources: own('https://scoped.example/hds') },
    });
    const card = show(p);
    expect(card.querySelector('[data-hds-covers]')?.textContent).toBe('hdsCovers|Public Cloud and Hosted Private Cloud');
    expect(card.querySelector('[data-hds-not-covered]')?.textContent).toBe('hdsNotCovered|Web Hosting');
    expect(card.querySelector<HTMLElement>('[data-claim="hds"] [data-gaps]')!.dataset.gaps).toBe('holder validity');
    expect(card.querySelector('[data-summary="hds"] .summary-note')?.textContent).toBe('hdsValidityNotVerified');
  });

  it('says "renewal not confirmed" for a 2018 certificate after 16 May 2026, as a warning', () => {
    const p = fixtureProvider({ ...base, hds: { status: 'certified', holder: 'S SAS', referential: '2018', validUntil: '2027-06-01', reason: { en: 'c', fr: 'x' }, sources: own('https://scoped.example/hds') } });
    render(<ProviderCard assessment={assess(p, '2026-12-04')} lang="en" today="2026-12-04" idPrefix="c" />, root);
    const card = root.querySelector<HTMLElement>('[data-provider-id]')!;
    expect(card.dataset.hds).toBe('certified');
    const tile = card.querySelector<HTMLElement>('[data-summary="hds"]')!;
    expect(tile.dataset.tone).toBe('warn');
    expect(tile.querySelector('.summary-note')?.textContent).toBe('hdsRenewalNotConfirmed');
    expect(card.querySelector('[data-hds-state="renewal-not-confirmed"]')).not.toBeNull();
  });

  it('counts SecNumCloud services on the tile, shows their type, and the milestone of an in-progress claim', () => {
    const q = fixtureProvider({
      ...base,
      secnumcloud: { status: 'qualified', services: [{ name: 'IaaS A', type: 'iaas', qualifiedOn: null, validUntil: null }, { name: 'Pod', qualifiedOn: null, validUntil: null }], reason: { en: 'q', fr: 'x' }, sources: own('https://scoped.example/snc') },
    });
    const card = show(q);
    expect(card.querySelector('[data-summary="secnumcloud"] .summary-note')?.textContent).toBe('sncServiceCount|2');
    expect(card.querySelector('[data-service="IaaS A"] .service-type')?.textContent).toBe(' (IAAS)');
    const r = fixtureProvider({ ...base, secnumcloud: { status: 'in-progress', milestone: { stage: 'J0', date: '2025-04-17' }, reason: { en: 'p', fr: 'x' }, sources: src('https://news.example/j0') } });
    expect(show(r).querySelector('[data-milestone]')?.textContent).toBe('sncMilestoneOn|J0|Apr 17, 2025');
    const none = fixtureProvider({ ...base, secnumcloud: { status: 'in-progress', reason: { en: 'p', fr: 'x' }, sources: src('https://news.example/j0') } });
    expect(show(none).querySelector('[data-milestone]')?.textContent).toBe('sncNoMilestone');
  });

  it('shows an exposure path and the registry entry', () => {
    const p = fixtureProvider({
      ...base,
      jurisdiction: { entity: 'Scoped SAS', hq: 'FR', registry: { kind: 'siren', id: '123 456 789' }, parent: null, parentHq: null, reason: { en: 'FR.', fr: 'x' }, sources: own('https://scoped.example/legal') },
      cloudAct: {
        status: 'not-exposed',
        laws: [],
        via: [{ entity: 'Scoped Canada Inc.', country: 'CA', reason: { en: 'A Canadian court order reached it.', fr: 'x' }, sources: src('https://news.example/ca') }],
        reason: { en: 'EU.', fr: 'x' },
        sources: own('https://scoped.example/legal'),
      },
    });
    const card = show(p);
    expect(card.querySelector('[data-registry="siren"]')?.textContent).toBe('registryEntry|registrySiren|123 456 789');
    const via = card.querySelector<HTMLElement>('[data-via-country="CA"]')!;
    expect(via.querySelector('.via-path-head')?.textContent).toBe('cloudActVia|Scoped Canada Inc.|Canada (CA)');
    expect(via.querySelector('a')?.getAttribute('href')).toBe('https://news.example/ca');
    expect(card.querySelector('[data-summary="cloud-act"] .summary-note')?.textContent).toBe('cloudActViaNote');
  });
});
