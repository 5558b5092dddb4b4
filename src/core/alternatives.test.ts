import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../data/load';
import { fixtureProvider } from '../../test/support/fixture-providers';
import { alternativesFor } from './alternatives';

const src = [{ url: 'https://example.org/s', title: 's', verified: '2026-01-01' }];
const txt = { en: 'x', fr: 'x' };
const us = fixtureProvider({ id: 'us', name: 'US Cloud', categories: ['iaas'], cloudAct: { status: 'exposed', laws: ['us-cloud-act'], reason: txt, sources: src } });
const eu = (id: string, patch: Parameters<typeof fixtureProvider>[0] extends infer P ? Partial<P> : never = {}) =>
  fixtureProvider({ id, name: id.toUpperCase(), categories: ['iaas'], cloudAct: { status: 'not-exposed', laws: [], reason: txt, sources: src }, ...patch });

describe('alternativesFor', () => {
  it('lists not-exposed providers of a shared category that hold a label, best labelled first', () => {
    const hdsOnly = eu('hds', { hds: { status: 'certified', activities: [1], certificateId: null, certifier: null, version: null, validUntil: null, reason: txt, sources: src } });
    const both = eu('both', {
      hds: { status: 'certified', activities: [1], certificateId: null, certifier: null, version: null, validUntil: null, reason: txt, sources: src },
      secnumcloud: { status: 'qualified', services: [], reason: txt, sources: src },
    });
    const unlabelled = eu('plain');
    const otherCategory = eu('saas', { categories: ['saas'], secnumcloud: { status: 'qualified', services: [], reason: txt, sources: src } });
    const ids = alternativesFor(us, [us, hdsOnly, both, unlabelled, otherCategory], '2026-11-23').map((a) => a.provider.id);
    expect(ids).toEqual(['both', 'hds']);
  });

  it('skips expired labels, and offers nothing for a provider that is not exposed', () => {
    const expired = eu('old', { hds: { status: 'certified', activities: [1], certificateId: null, certifier: null, version: null, validUntil: '2025-01-01', reason: txt, sources: src } });
    expect(alternativesFor(us, [expired], '2026-11-23')).toEqual([]);
    expect(alternativesFor(eu('x'), [eu('y', { secnumcloud: { status: 'qualified', services: [], reason: txt, sources: src } })], '2026-11-23')).toEqual([]);
  });

  it('finds French certified hosts for Microsoft Azure in the bundled dataset', () => {
    const all = bundledDataset().providers;
    const azure = all.find((p) => p.id === 'microsoft-azure')!;
    const alts = alternativesFor(azure, all, '2026-11-23');
    expect(alts.length).toBeGreaterThan(0);
    for (const a of alts) expect(a.level).toBe('low');
    expect(alts.map((a) => a.provider.id)).toContain('ovhcloud');
  });
});
