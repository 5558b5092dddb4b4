import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../data/load';
import { applyPolicy, lockedSettings, parseManagedPolicy, toManagedPolicy, withManaged } from './managed-policy';
import { DEFAULT_SETTINGS } from './settings-schema';

/** What an admin writes in a policy: JSON without nulls, unknowns left out. */
const policyProvider = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Vendor ${id}`,
  aliases: [`Vendor ${id}`],
  jurisdiction: { hq: 'FR', reason: { en: 'French.', fr: 'Française.' }, sources: [{ url: 'https://example.org/v', title: 'Registry', verified: '2026-01-01' }] },
  cloudAct: { status: 'not-exposed', reason: { en: 'EU only.', fr: 'UE.' }, sources: [{ url: 'https://example.org/v', title: 'Registry', verified: '2026-01-01' }] },
  hds: { status: 'unknown', reason: { en: '?', fr: '?' } },
  secnumcloud: { status: 'unknown', reason: { en: '?', fr: '?' } },
  ...extra,
});

describe('parseManagedPolicy', () => {
  it('reads no policy as empty', () => {
    for (const raw of [undefined, null, 7, 'x', [], {}]) expect(parseManagedPolicy(raw)).toEqual({ providers: [], settings: {}, errors: [] });
  });

  it('accepts policy providers without the null fields JSON policies cannot hold', () => {
    const { providers, errors } = parseManagedPolicy({ providers: [policyProvider('acme-cloud')] });
    expect(errors).toEqual([]);
    expect(providers).toHaveLength(1);
    expect(providers[0]!.jurisdiction.entity).toBeNull();
    expect(providers[0]!.hds.certificateId).toBeNull();
    expect(providers[0]!.weakAliases).toEqual([]);
  });

  it('skips a bad entry with a reason and keeps the others', () => {
    const raw = {
      providers: [policyProvider('good-one'), { id: 'Bad Id!' }, policyProvider('good-one'), policyProvider('evil', { __proto__: { polluted: true }, extra: 1 }), 'nope'],
      highlight: 'yes',
      warningsEnabled: false,
    };
    const policy = parseManagedPolicy(JSON.parse(JSON.stringify(raw)));
    expect(policy.providers.map((p) => p.id)).toEqual(['good-one']);
    expect(policy.settings).toEqual({ warningsEnabled: false });
    expect(policy.errors.join('\n')).toMatch(/providers\[1\]/);
    expect(policy.errors.join('\n')).toMatch(/providers\[2\] \(good-one\): the id is used twice/);
    expect(policy.errors.join('\n')).toMatch(/providers\[3\] \(evil\)/);
    expect(policy.errors.join('\n')).toMatch(/highlight/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a provider whose claim has a status but no source', () => {
    const bad = policyProvider('no-source', { cloudAct: { status: 'exposed', reason: { en: 'x', fr: 'x' } } });
    const policy = parseManagedPolicy({ providers: [bad] });
    expect(policy.providers).toEqual([]);
    expect(policy.errors[0]).toMatch(/no-source/);
  });

  it('caps a huge list and says so', () => {
    const providers = Array.from({ length: 10_050 }, (_, i) => policyProvider(`v-${i}`));
    const policy = parseManagedPolicy({ providers });
    expect(policy.providers).toHaveLength(10_000);
    expect(policy.errors[0]).toMatch(/first 10000/);
  });
});

describe('applying a policy', () => {
  const policy = parseManagedPolicy({ highlight: true, warnLevels: ['high', 'medium'], silencedSites: ['intranet.example'] });

  it('locks the managed settings, but adds silenced sites to the user’s own', () => {
    expect(lockedSettings(policy).sort()).toEqual(['highlight', 'warnLevels']);
    const user = { ...DEFAULT_SETTINGS, highlight: false, silencedSites: ['mine.example'] };
    expect(applyPolicy(user, policy)).toEqual({ ...user, highlight: true, warnLevels: ['high', 'medium'], silencedSites: ['intranet.example', 'mine.example'] });
  });

  it('puts managed providers first, replacing a custom one with the same id', () => {
    const managed = parseManagedPolicy({ providers: [policyProvider('shared-id'), policyProvider('ovhcloud')] });
    const custom = [{ ...bundledDataset().providers[0]!, id: 'shared-id', name: 'Mine' }];
    const merged = withManaged(managed, custom);
    expect(merged.map((p) => [p.id, p.name])).toEqual([
      ['shared-id', 'Vendor shared-id'],
      ['ovhcloud', 'Vendor ovhcloud'],
    ]);
  });

  it('reads a damaged mirror as no policy', () => {
    expect(toManagedPolicy({ providers: 'x' })).toEqual({ providers: [], settings: {}, errors: [] });
    expect(toManagedPolicy(policy)).toEqual(policy);
  });
});
