import { describe, expect, it } from 'vitest';
import type { Source } from '../data/schema';
import { fixtureProvider } from '../../test/support/fixture-providers';
import { claimBacking, hdsCertificateState, hdsGaps, HDS_2018_RENEWAL_DEADLINE, isFirstHand, secNumCloudGaps } from './evidence';

const sites = { domains: ['ovhcloud.com'], officialSites: ['github.com/ovh'] };
const src = (url: string, kind?: Source['kind']): Source => ({ url, title: 't', verified: '2026-12-01', ...(kind ? { kind } : {}) });

describe('claimBacking', () => {
  it('says inferred for an inferred claim, whatever its sources', () => {
    expect(claimBacking({ basis: 'inferred', sources: [src('https://www.sec.gov/x', 'official-register')] }, sites)).toBe('inferred');
  });

  it('takes the best kind among sources that fit it', () => {
    const sources = [src('https://lemagit.fr/a', 'press'), src('https://github.com/ovh/docs/blob/x.md', 'provider-statement')];
    expect(claimBacking({ basis: 'observed', sources }, sites)).toBe('provider-statement');
    expect(claimBacking({ basis: 'observed', sources: [...sources, src('https://cyber.gouv.fr/list', 'official-register')] }, sites)).toBe('official-register');
  });

  it('does not count a provider statement that lives on another site', () => {
    expect(claimBacking({ basis: 'observed', sources: [src('https://cloud-temple.com/blog', 'provider-statement')] }, sites)).toBe('unclassified');
    expect(claimBacking({ basis: 'observed', sources: [src('https://cloud-temple.com/blog', 'provider-statement'), src('https://lemagit.fr/a', 'press')] }, sites)).toBe('press');
  });

  it('says none without sources and unclassified for sources without a kind', () => {
    expect(claimBacking({ basis: 'observed', sources: [] }, sites)).toBe('none');
    expect(claimBacking({ sources: [src('https://lemagit.fr/a')] }, sites)).toBe('unclassified');
  });

  it('ranks register, law and provider as first-hand, and nothing else', () => {
    expect(['official-register', 'law-text', 'provider-statement'].every((b) => isFirstHand(b as never))).toBe(true);
    expect(['inferred', 'press', 'analysis', 'unclassified', 'none'].some((b) => isFirstHand(b as never))).toBe(false);
  });
});

describe('hdsCertificateState', () => {
  const after = '2026-12-04';
  it('flags a 2018 certificate past the renewal deadline, but not before it', () => {
    expect(hdsCertificateState({ validUntil: '2027-06-01', referential: '2018' }, after)).toBe('renewal-not-confirmed');
    expect(hdsCertificateState({ validUntil: '2027-06-01', referential: '2018' }, HDS_2018_RENEWAL_DEADLINE)).toBe('valid');
    expect(hdsCertificateState({ validUntil: null, referential: '2018' }, after)).toBe('renewal-not-confirmed');
  });

  it('says validity not verified without an end date, expired past it', () => {
    expect(hdsCertificateState({ validUntil: null, referential: '2024' }, after)).toBe('validity-not-verified');
    expect(hdsCertificateState({ validUntil: null, referential: null }, after)).toBe('validity-not-verified');
    expect(hdsCertificateState({ validUntil: '2026-12-03', referential: '2024' }, after)).toBe('expired');
    expect(hdsCertificateState({ validUntil: '2026-12-03', referential: '2018' }, after)).toBe('expired');
  });

  it('warns within 90 days of the end date', () => {
    expect(hdsCertificateState({ validUntil: '2027-01-15', referential: '2024' }, after)).toBe('expires-soon');
    expect(hdsCertificateState({ validUntil: '2027-12-19', referential: '2024' }, after)).toBe('valid');
  });
});

describe('scope gaps', () => {
  const { hds } = fixtureProvider({ id: 'x', name: 'X', hds: { status: 'certified' } });
  it('names what a certified HDS claim does not say', () => {
    expect(hdsGaps({ ...hds, activities: [], services: [] })).toEqual({ holder: true, scope: true, validity: true });
    expect(hdsGaps({ ...hds, holder: 'X SAS', services: ['Public Cloud'], validUntil: '2027-01-01' })).toEqual({ holder: false, scope: false, validity: false });
    expect(hdsGaps({ ...hds, activities: [1, 2] }).scope).toBe(false);
  });

  it('names what a qualified SecNumCloud claim does not say', () => {
    const snc = fixtureProvider({ id: 'x', name: 'X', secnumcloud: { status: 'qualified' } }).secnumcloud;
    expect(secNumCloudGaps(snc)).toEqual({ holder: false, scope: true, validity: true });
    expect(secNumCloudGaps({ ...snc, services: [{ name: 'IaaS', type: 'iaas', qualifiedOn: '2025-12-17', validUntil: null }] })).toEqual({ holder: false, scope: false, validity: false });
  });
});
