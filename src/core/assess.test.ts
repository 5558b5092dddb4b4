import { describe, expect, it } from 'vitest';
import type { Provider } from '../data/schema';
import { fixtureProvider, type FixtureInput } from '../../test/support/fixture-providers';
import { assessPage, hdsView, providerLevel, secNumCloudView, validity, worstLevel } from './assess';

const text = { en: 'x', fr: 'x' };
const src = [{ url: 'https://example.org/a', title: 'a', verified: '2026-11-23' }];

function provider(id: string, patch: Partial<FixtureInput> = {}): Provider {
  return fixtureProvider({ id, name: id.toUpperCase(), aliases: [id], ...patch });
}

const exposed = provider('us', { cloudAct: { status: 'exposed', laws: ['us-cloud-act'], reason: text, sources: src } });
const partial = provider('jv', { cloudAct: { status: 'partial', laws: ['us-cloud-act'], reason: text, sources: src } });
const eu = provider('eu', { cloudAct: { status: 'not-exposed', laws: [], reason: text, sources: src } });
const cn = provider('cn', { cloudAct: { status: 'unknown', laws: ['cn-nil-2017'], reason: text, sources: src } });

describe('providerLevel', () => {
  it('maps CLOUD Act exposure and other compelling laws to a level', () => {
    expect(providerLevel(exposed)).toBe('high');
    expect(providerLevel(partial)).toBe('medium');
    expect(providerLevel(eu)).toBe('low');
    expect(providerLevel(provider('x'))).toBe('unknown');
    expect(providerLevel(cn)).toBe('high');
  });

  it('never lowers exposure because of a label', () => {
    const certified = { ...exposed, hds: { ...exposed.hds, status: 'certified' as const, sources: src } };
    expect(providerLevel(certified)).toBe('high');
  });
});

describe('page level', () => {
  it('is the worst provider level, unknown ranking above low', () => {
    expect(worstLevel(['low', 'unknown'])).toBe('unknown');
    expect(worstLevel(['low', 'medium', 'unknown'])).toBe('medium');
    expect(worstLevel([])).toBeNull();
    const page = assessPage([eu, exposed, partial], '2026-11-23');
    expect(page.level).toBe('high');
    expect(page.providers.map((a) => a.provider.id)).toEqual(['us', 'jv', 'eu']);
  });
});

describe('validity of dated labels', () => {
  it('reports expired, expiring within 90 days, valid and undated', () => {
    expect(validity('2026-11-22', '2026-11-23')).toBe('expired');
    expect(validity('2027-01-15', '2026-11-23')).toBe('expires-soon');
    expect(validity('2027-12-19', '2026-11-23')).toBe('valid');
    expect(validity(null, '2026-11-23')).toBe('undated');
  });

  it('shows an expired HDS certificate as not-certified', () => {
    const hds = { ...eu.hds, status: 'certified' as const, validUntil: '2025-01-01', sources: src };
    expect(hdsView({ hds }, '2026-11-23')).toEqual({ status: 'not-certified', validity: 'expired' });
    expect(hdsView({ hds: { ...hds, validUntil: '2030-01-01' } }, '2026-11-23')).toEqual({ status: 'certified', validity: 'valid' });
  });

  it('treats SecNumCloud as absent only when every dated service has expired', () => {
    const snc = (dates: (string | null)[]) =>
      provider('snc', { secnumcloud: { status: 'qualified' as const, services: dates.map((d, i) => ({ name: `s${i}`, qualifiedOn: null, validUntil: d })), reason: text, sources: src } });
    expect(secNumCloudView(snc(['2024-01-01', '2025-01-01']), '2026-11-23').status).toBe('not-qualified');
    expect(secNumCloudView(snc(['2024-01-01', '2028-01-01']), '2026-11-23')).toEqual({ status: 'qualified', validity: 'valid' });
    expect(secNumCloudView(snc(['2024-01-01', null]), '2026-11-23')).toEqual({ status: 'qualified', validity: 'undated' });
  });
});
