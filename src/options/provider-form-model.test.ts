import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureProvider } from '../../test/support/fixture-providers';
import { emptyFormValues, firstErrorField, providerToFormValues, validateProviderForm, type ProviderFormValues } from './provider-form-model';

const form = (patch: Partial<ProviderFormValues>): ProviderFormValues => ({ ...emptyFormValues(), id: 'my-cloud', name: 'My Cloud', ...patch });

describe('provider form model', () => {
  it('round-trips every fixture provider through the form', () => {
    for (const p of FIXTURES) {
      const r = validateProviderForm(providerToFormValues(p));
      expect(r).toEqual({ ok: true, provider: p });
    }
  });

  it('round-trips a fully filled provider, the fields the form does not show included', () => {
    const src = (url: string, kind?: 'press' | 'provider-statement') => [{ url, title: 'A | B', verified: '2025-01-02', ...(kind ? { kind } : {}) }];
    const p = fixtureProvider({
      id: 'full',
      name: 'Full Cloud',
      categories: ['iaas', 'health'],
      domains: ['full.example', 'example.org/cloud'],
      officialSites: ['github.com/full'],
      aliases: ['Full Cloud', 'FullC'],
      weakAliases: [{ term: 'Full', context: ['cloud', 'héberg*'] }],
      jurisdiction: { entity: 'Full SAS', hq: 'FR', registry: { kind: 'siren', id: '123 456 789' }, parent: 'Full Group', parentHq: 'US', reason: { en: 'a', fr: 'b' }, sources: src('https://a.example/x') },
      cloudAct: {
        status: 'exposed',
        laws: ['us-cloud-act'],
        basis: 'inferred',
        rule: 'us-cloud-act',
        via: [{ entity: 'Full Inc.', country: 'US', reason: { en: 'v', fr: 'w' }, sources: src('https://news.example/v', 'press') }],
        reason: { en: 'a', fr: 'b' },
        sources: src('https://a.example/x'),
      },
      hds: {
        status: 'certified',
        holder: 'Full SAS',
        activities: [1, 5],
        services: ['Public Cloud', 'Private Cloud'],
        notCovered: ['Web Hosting'],
        regions: ['Paris'],
        certificateId: 'C-1',
        certifier: 'AFNOR',
        referential: '2024',
        issued: '2024-12-01',
        validUntil: '2027-01-01',
        reason: { en: 'a', fr: 'b' },
        sources: src('https://full.example/h', 'provider-statement'),
      },
      secnumcloud: {
        status: 'in-progress',
        basis: 'observed',
        services: [{ name: 'IaaS', type: 'iaas', qualifiedOn: '2024-01-01', validUntil: null }, { name: 'PaaS', qualifiedOn: null, validUntil: null }],
        referential: '3.2',
        milestone: { stage: 'J1', date: '2025-03-01' },
        reason: { en: 'a', fr: 'b' },
        sources: src('https://a.example/s', 'press'),
      },
    });
    expect(validateProviderForm(providerToFormValues(p))).toEqual({ ok: true, provider: p });
  });

  it('reads a legacy source kind (primary/secondary) by dropping it, and a service type when given', () => {
    const r = validateProviderForm(form({ 'hds.status': 'certified', 'hds.sources': 'https://a.example/h | HDS | 2025-01-02 | primary', 'secnumcloud.services': 'IaaS | iaas | 2024-01-01\nPaaS | | 2024-02-01' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.provider.hds.sources).toEqual([{ url: 'https://a.example/h', title: 'HDS', verified: '2025-01-02' }]);
    expect(r.provider.secnumcloud.services).toEqual([
      { name: 'IaaS', type: 'iaas', qualifiedOn: '2024-01-01', validUntil: null },
      { name: 'PaaS', type: null, qualifiedOn: '2024-02-01', validUntil: null },
    ]);
  });

  it('maps a rule choice to an inferred claim with that rule, and anything else to observed', () => {
    const r = validateProviderForm(form({ 'secnumcloud.status': 'not-qualified', 'secnumcloud.basis': 'snc-foreign-control', 'secnumcloud.sources': 'https://a.example/s | S | 2025-01-02' }));
    expect(r.ok && r.provider.secnumcloud).toMatchObject({ basis: 'inferred', rule: 'snc-foreign-control' });
    const observed = validateProviderForm(form({ 'secnumcloud.basis': 'not-a-rule' }));
    expect(observed.ok && observed.provider.secnumcloud).toMatchObject({ basis: 'observed', rule: null });
  });

  it('reads multi-value fields one per line, ignoring blank lines', () => {
    const r = validateProviderForm(form({ domains: 'my.example\n\n  other.example  \n', aliases: 'My Cloud\nMyC', weakAliases: 'Cloudy: hosting, héberg*' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.provider.domains).toEqual(['my.example', 'other.example']);
    expect(r.provider.aliases).toEqual(['My Cloud', 'MyC']);
    expect(r.provider.weakAliases).toEqual([{ term: 'Cloudy', context: ['hosting', 'héberg*'] }]);
    expect(r.provider.jurisdiction.hq).toBeNull();
  });

  it('maps schema issues to fields, with the line of multi-line fields', () => {
    const r = validateProviderForm(
      form({
        id: 'Not A Slug',
        name: '  ',
        domains: 'ok.example\n\nnot a domain',
        weakAliases: 'Cloudy',
        'jurisdiction.hq': 'france',
        'hds.validUntil': '31/12/2025',
        'cloudAct.status': 'exposed',
        'hds.sources': 'javascript:alert(1) | evil | 2025-01-01',
        'secnumcloud.services': 'IaaS | 2024-13-01',
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const find = (field: string) => r.errors.filter((e) => e.field === field);
    expect(find('id')).toHaveLength(1);
    expect(find('name')[0]?.message).toBe('must not be empty');
    expect(find('domains')[0]).toMatchObject({ line: 3 });
    expect(find('weakAliases')[0]).toMatchObject({ line: 1, part: 'context' });
    expect(find('jurisdiction.hq')).toHaveLength(1);
    expect(find('hds.validUntil')).toHaveLength(1);
    expect(find('hds.sources')[0]).toMatchObject({ line: 1, part: 'url' });
    expect(find('secnumcloud.services')[0]).toMatchObject({ line: 1, part: 'qualifiedOn' });
    expect(firstErrorField(r.errors)).toBe('id');
  });

  it('puts "needs a source" on the claim’s sources field', () => {
    const r = validateProviderForm(form({ 'cloudAct.status': 'exposed', 'cloudAct.laws': ['us-cloud-act'] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field)).toEqual(['cloudAct.sources']);
    const hq = validateProviderForm(form({ 'jurisdiction.hq': 'fr' }));
    if (!hq.ok) expect(hq.errors.map((e) => e.field)).toEqual(['jurisdiction.sources']);
  });

  it('refuses an id used by another custom provider', () => {
    const r = validateProviderForm(form({ id: 'taken' }), new Set(['taken']));
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'id', code: 'duplicate-id' }] });
  });

  it('starts a new provider with valid defaults', () => {
    expect(validateProviderForm(form({})).ok).toBe(true);
  });
});
