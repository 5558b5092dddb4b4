import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureProvider } from '../ui/fixtures.test-data';
import { emptyFormValues, firstErrorField, providerToFormValues, validateProviderForm, type ProviderFormValues } from './provider-form-model';

const form = (patch: Partial<ProviderFormValues>): ProviderFormValues => ({ ...emptyFormValues(), id: 'my-cloud', name: 'My Cloud', ...patch });

describe('provider form model', () => {
  it('round-trips every fixture provider through the form', () => {
    for (const p of FIXTURES) {
      const r = validateProviderForm(providerToFormValues(p));
      expect(r).toEqual({ ok: true, provider: p });
    }
  });

  it('round-trips a fully filled provider', () => {
    const p = fixtureProvider({
      id: 'full',
      name: 'Full Cloud',
      categories: ['iaas', 'health'],
      domains: ['full.example', 'example.org/cloud'],
      aliases: ['Full Cloud', 'FullC'],
      weakAliases: [{ term: 'Full', context: ['cloud', 'héberg*'] }],
      jurisdiction: { entity: 'Full SAS', hq: 'FR', parent: 'Full Group', parentHq: 'US', reason: { en: 'a', fr: 'b' }, sources: [{ url: 'https://a.example/x', title: 'A | B', verified: '2025-01-02' }] },
      hds: { status: 'certified', activities: [1, 5], certificateId: 'C-1', certifier: 'AFNOR', version: 'v2', validUntil: '2027-01-01', reason: { en: 'a', fr: 'b' }, sources: [{ url: 'https://a.example/h', title: 'HDS', verified: '2025-01-02', kind: 'secondary' }] },
      secnumcloud: { status: 'qualified', services: [{ name: 'IaaS', qualifiedOn: '2024-01-01', validUntil: null }, { name: 'PaaS', qualifiedOn: null, validUntil: null }], reason: { en: 'a', fr: 'b' }, sources: [{ url: 'https://a.example/s', title: 'S', verified: '2025-01-02', kind: 'primary' }] },
    });
    expect(validateProviderForm(providerToFormValues(p))).toEqual({ ok: true, provider: p });
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
