import { describe, expect, it } from 'vitest';
import en from '../../_locales/en/messages.json';
import { assessPage } from '../core/assess';
import type { MessageKey } from '../shared/i18n';
import { fixtureProvider, FIXTURES } from '../../test/support/fixture-providers';
import { buildReport, type ReportInput } from './cited-report';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
/** Resolves named placeholders ("$FROM$" → its "$1") as the browser does. */
const t = (key: MessageKey, subs: string[] = []) => {
  const entry = (en as Record<string, Entry>)[key]!;
  return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => subs[Number(entry.placeholders?.[name.toLowerCase()]?.content.slice(1)) - 1] ?? '');
};

function input(providers = FIXTURES.slice(0, 2), patch: Partial<ReportInput> = {}): ReportInput {
  return {
    url: 'https://example.org/tender?id=7',
    generatedAt: '2026-11-23T10:00:00.000Z',
    extensionVersion: '0.1.0',
    datasetVersion: '2026-11-23',
    lang: 'en',
    providers: assessPage(providers, '2026-11-23').providers,
    found: new Map([['microsoft-azure', { id: 'microsoft-azure', via: ['text'], snippets: ['The hub is hosted on Microsoft Azure.'] }]]),
    resources: [{ id: 'ovhcloud', count: 3, hosts: ['cdn.ovh.net'] }],
    resourceNames: new Map([['ovhcloud', 'OVHcloud']]),
    t,
    ...patch,
  };
}

describe('buildReport', () => {
  it('lists page, date, versions, every provider with statuses, reasons, snippets and numbered citations', () => {
    const { markdown, html, filename } = buildReport(input());
    expect(markdown).toContain('<https://example.org/tender?id=7>');
    expect(markdown).toContain('Sovereignty Lens 0.1.0');
    expect(markdown).toMatch(/## Microsoft Azure — Exposed to foreign law/);
    expect(markdown).toContain('US company: CLOUD Act. \\[2\\]');
    expect(markdown).toContain('**Foreign-law exposure (CLOUD Act)**: Exposed — US CLOUD Act');
    expect(markdown).toContain('  - Stated by the provider');
    expect(markdown).toContain('  - Stated in an official text');
    expect(markdown).toContain('> The hub is hosted on Microsoft Azure.');
    expect(markdown).toMatch(/1\. Source — <https:\/\/www\.microsoft\.com\/> — verified Jan 15, 2025 \(provider's own statement\)/);
    expect(markdown).toContain('OVHcloud: 3 (cdn.ovh.net)');
    expect(html).toContain('<sup>[2]</sup>');
    expect(html).toContain('<a href="https://www.microsoft.com/">');
    expect(markdown).toMatch(/2\. Source — <https:\/\/uscode\.house\.gov\/[^>]+> — verified Jan 15, 2025 \(official text\)/);
    expect(filename).toBe('sovereignty-lens-report-2026-11-23');
  });

  it('cites a source used by several claims once', () => {
    const shared = [{ url: 'https://example.org/same', title: 'Same', verified: '2026-01-01' }];
    const p = fixtureProvider({
      id: 'x',
      name: 'X',
      jurisdiction: { entity: 'X SA', hq: 'FR', parent: null, parentHq: null, reason: { en: 'French.', fr: 'Française.' }, sources: shared },
      cloudAct: { status: 'not-exposed', laws: [], reason: { en: 'EU.', fr: 'UE.' }, sources: shared },
    });
    const { markdown } = buildReport(input([p], { found: new Map(), resources: [] }));
    expect(markdown.match(/<https:\/\/example\.org\/same>/g)).toHaveLength(1);
    expect(markdown).toContain('French. \\[1\\]');
    expect(markdown).toContain('EU. \\[1\\]');
  });

  it('names the foreign laws next to the CLOUD Act status', () => {
    const p = fixtureProvider({ id: 'cn', name: 'CN Cloud', cloudAct: { status: 'unknown', laws: ['cn-nil-2017'], reason: { en: 'Chinese company.', fr: 'x' }, sources: [{ url: 'https://example.org/cn', title: 'CN', verified: '2026-01-01' }] } });
    const { markdown } = buildReport(input([p], { found: new Map(), resources: [] }));
    expect(markdown).toMatch(/\*\*Foreign-law exposure \(CLOUD Act\)\*\*: Foreign law applies — China’s National Intelligence Law \(2017\)/);
  });

  it('says an inferred claim is inferred, cites the rule’s official text, and states the scope and gaps of a label', () => {
    const own = [{ url: 'https://x.example/legal', title: 'X legal notice', verified: '2026-01-01', kind: 'provider-statement' as const }];
    const p = fixtureProvider({
      id: 'x',
      name: 'X',
      domains: ['x.example'],
      jurisdiction: { entity: 'X Inc.', hq: 'US', parent: null, parentHq: null, reason: { en: 'US company.', fr: 'x' }, sources: own },
      cloudAct: { status: 'exposed', laws: ['us-cloud-act'], basis: 'inferred', rule: 'us-cloud-act', reason: { en: 'US seat.', fr: 'x' }, sources: own },
      hds: { status: 'certified', services: ['IaaS'], notCovered: ['Web'], referential: '2018', reason: { en: 'HDS.', fr: 'x' }, sources: own },
      secnumcloud: { status: 'not-qualified', basis: 'inferred', rule: 'snc-foreign-control', reason: { en: 'US control.', fr: 'x' }, sources: own },
    });
    const { markdown } = buildReport(input([p], { found: new Map(), resources: [] }));
    expect(markdown).toContain('  - Inferred from its US seat or US parent, not read in a register (18 U.S.C. §2713, 50 U.S.C. §1881a)');
    expect(markdown).toContain('  - Inferred from its non-EU ownership (SecNumCloud 3.2 §19.6), not read in a register (SecNumCloud 3.2 §19.6)');
    expect(markdown).toMatch(/<https:\/\/uscode\.house\.gov\/[^>]*section2713[^>]*> — verified .* \(official text\)/);
    expect(markdown).toContain('  - Covers: IaaS');
    expect(markdown).toContain('  - Does not cover: Web');
    expect(markdown).toContain('  - Not verified: holder and validity');
    expect(markdown).toContain('renewal under the 2024 referential (due by 16 May 2026) not confirmed');
  });

  it('renders hostile names and snippets as text, and drops non-https sources', () => {
    const evil = fixtureProvider({
      id: 'evil',
      name: '<img src=x onerror=alert(1)>',
      cloudAct: { status: 'exposed', laws: [], reason: { en: '[click](javascript:alert(1))', fr: 'x' }, sources: [{ url: 'javascript:alert(1)' as string, title: 't', verified: '2026-01-01' }] },
    });
    const { markdown, html } = buildReport(input([evil], { found: new Map([['evil', { id: 'evil', via: ['text'], snippets: ['<script>alert(1)</script>'] }]]), resources: [] }));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/href="javascript:/);
    expect(markdown).not.toMatch(/<javascript:/);
    expect(markdown).toContain('\\[click\\](javascript:alert(1))');
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('writes French dates and labels when the UI is French', () => {
    const { markdown } = buildReport(input(FIXTURES.slice(0, 1), { lang: 'fr' }));
    expect(markdown).toContain('23 nov. 2026');
  });
});
