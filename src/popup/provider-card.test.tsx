// @vitest-environment happy-dom
// The card carries the contract's attributes; it shows a compact header and
// status summary, and each claim with its sources inside "Sources and details".
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assess } from '../core/assess';
import type { Provider } from '../data/schema';
import { FIXTURES, fixtureProvider } from '../ui/fixtures.test-data';
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

const src = (url: string) => [{ url, title: `Title of ${url}`, verified: '2025-01-15', kind: 'primary' as const }];

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
    expect(card.textContent).toContain('sourcePrimary');
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
