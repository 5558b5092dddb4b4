// @vitest-environment happy-dom
// The card carries the contract's attributes and shows each claim with its sources.
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
    expect(card.textContent).toContain('cardViaHost|OVHcloud');
    expect(card.querySelector('.snippets q')?.textContent).toBe('moved to OVHcloud');
  });
});
