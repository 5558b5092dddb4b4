// The data-check logic on small fixture datasets: each check must be able to fail.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import raw from '../src/data/providers.json';
import { DatasetSchema, type Dataset, type Provider, type SourceKind } from '../src/data/schema';
import { fixtureProvider, type FixtureInput } from '../test/support/fixture-providers';
import {
  checkDataset,
  exitCode,
  formatReport,
  isUnknown,
  parentKnown,
  sourcesByKind,
  subtractMonths,
  unknownShares,
} from './data-check-lib';

const TODAY = '2026-11-23';
const text = { en: 'Reason', fr: 'Raison' };
/** `kind: null` leaves the kind out (an older source written before kinds existed). */
const src = (verified = TODAY, kind: SourceKind | null = 'official-register', url = 'https://www.sec.gov/a') => ({
  url,
  title: 'Example',
  verified,
  ...(kind ? { kind } : {}),
});

/** A fully known, not-exposed provider; override what a test needs. */
function fixture(id: string, patch: Partial<FixtureInput> = {}): Provider {
  return fixtureProvider({
    id,
    name: id,
    aliases: [id],
    jurisdiction: { entity: `${id} SAS`, hq: 'FR', parent: null, parentHq: null, reason: { en: 'French company', fr: 'Société française' }, sources: [src()] },
    cloudAct: { status: 'not-exposed', laws: [], reason: text, sources: [src()] },
    ...patch,
  });
}

function dataset(...providers: Provider[]): Dataset {
  // Every fixture must itself be valid data, or a test would prove nothing.
  return v.parse(DatasetSchema, { version: TODAY, providers });
}

const certified = (validUntil: string) => ({
  status: 'certified' as const,
  activities: [1, 2],
  certificateId: 'CERT-1',
  certifier: 'LNE',
  referential: '2024' as const,
  validUntil,
  reason: text,
  sources: [src()],
});

const qualified = (...services: { name: string; validUntil: string | null }[]) => ({
  status: 'qualified' as const,
  services: services.map((s) => ({ name: s.name, qualifiedOn: null, validUntil: s.validUntil })),
  reason: text,
  sources: [src()],
});

describe('subtractMonths', () => {
  it('goes back whole calendar months, across years, clamping the day', () => {
    expect(subtractMonths('2026-11-23', 12)).toBe('2025-11-23');
    expect(subtractMonths('2026-01-31', 1)).toBe('2025-12-31');
    expect(subtractMonths('2026-03-31', 1)).toBe('2026-02-28');
    expect(subtractMonths('2028-02-29', 12)).toBe('2027-02-28');
  });

  it('rejects a malformed date', () => {
    expect(() => subtractMonths('23/11/2026', 12)).toThrow(/YYYY-MM-DD/);
  });
});

describe('expired and expiring labels', () => {
  it('fails on an HDS certificate past its end date that is still "certified"', () => {
    const report = checkDataset(dataset(fixture('old-host', { hds: certified('2026-11-22') })), { today: TODAY });
    expect(report.expired).toEqual([{ id: 'old-host', label: 'HDS', subject: 'CERT-1', validUntil: '2026-11-22' }]);
    expect(report.errors).toHaveLength(1);
    expect(exitCode(report, false)).toBe(1);
    expect(formatReport(report).join('\n')).toMatch(/FAIL: 1 blocking problem/);
  });

  it('fails on one expired qualified SecNumCloud service even when another is valid', () => {
    const p = fixture('snc', { secnumcloud: qualified({ name: 'IaaS', validUntil: '2025-01-01' }, { name: 'PaaS', validUntil: '2030-01-01' }) });
    const report = checkDataset(dataset(p), { today: TODAY });
    expect(report.expired.map((e) => e.subject)).toEqual(['IaaS']);
    expect(exitCode(report, false)).toBe(1);
  });

  it('does not fail on an expired date once the status no longer claims the label', () => {
    const p = fixture('lapsed', { hds: { ...certified('2020-01-01'), status: 'not-certified' } });
    const report = checkDataset(dataset(p), { today: TODAY });
    expect(report.expired).toEqual([]);
    expect(exitCode(report, true)).toBe(0);
  });

  it('lists labels ending within 90 days, today included, without failing', () => {
    const report = checkDataset(
      dataset(
        fixture('ends-today', { hds: certified(TODAY) }),
        fixture('in-90-days', { hds: certified('2027-02-21') }),
        fixture('in-91-days', { hds: certified('2027-02-22') }),
        fixture('undated', { secnumcloud: qualified({ name: 'IaaS', validUntil: null }) }),
      ),
      { today: TODAY },
    );
    expect(report.expiringSoon.map((e) => e.id)).toEqual(['ends-today', 'in-90-days']);
    expect(report.expired).toEqual([]);
    expect(exitCode(report, false)).toBe(0);
  });
});

describe('stale and future sources', () => {
  it('reports a source verified more than 12 months ago, but not one verified exactly 12 months ago', () => {
    const p = fixture('stale', {
      cloudAct: { status: 'not-exposed', laws: [], reason: text, sources: [src('2025-11-22', 'analysis', 'https://example.org/old'), src('2025-11-23')] },
    });
    const report = checkDataset(dataset(p), { today: TODAY });
    expect(report.stale).toEqual([{ id: 'stale', claim: 'cloudAct', url: 'https://example.org/old', verified: '2025-11-22' }]);
    // Staleness is a warning for review, not a failure.
    expect(exitCode(report, true)).toBe(0);
  });

  it('fails on a source dated after today', () => {
    const p = fixture('future', { jurisdiction: { ...fixture('x').jurisdiction, sources: [src('2026-11-24')] } });
    const report = checkDataset(dataset(p), { today: TODAY });
    expect(report.verifiedInFuture).toHaveLength(1);
    expect(exitCode(report, false)).toBe(1);
  });

  it('refuses a malformed today', () => {
    expect(() => checkDataset(dataset(fixture('a')), { today: '2026-13-01' })).toThrow(/today/);
  });
});

describe('unknown shares', () => {
  const unknownAll = fixture('mystery', {
    jurisdiction: { entity: null, hq: null, parent: null, parentHq: null, reason: text, sources: [] },
    cloudAct: { status: 'unknown', laws: [], reason: text, sources: [] },
  });

  it('counts hq, parent and cloudAct, and checks the 10 % target with --strict only', () => {
    const providers = [unknownAll, ...Array.from({ length: 8 }, (_, i) => fixture(`known-${i}`))];
    const report = checkDataset(dataset(...providers), { today: TODAY });
    const hq = report.unknown.find((u) => u.field === 'hq')!;
    expect(hq).toMatchObject({ unknown: 1, total: 9, ids: ['mystery'], meetsTarget: false });
    expect(report.targetMisses.map((m) => m.split(':')[0])).toEqual(['hq', 'parent', 'cloudAct']);
    expect(exitCode(report, false)).toBe(0);
    expect(exitCode(report, true)).toBe(1);
    expect(formatReport(report, true).join('\n')).toMatch(/FAIL: unknown share above target/);
  });

  it('treats exactly 10 % as meeting the target', () => {
    const providers = [unknownAll, ...Array.from({ length: 9 }, (_, i) => fixture(`known-${i}`))];
    const shares = unknownShares(dataset(...providers));
    expect(shares.filter((u) => u.target !== null).every((u) => u.meetsTarget)).toBe(true);
    expect(shares.find((u) => u.field === 'hds')).toMatchObject({ unknown: 10, target: null, meetsTarget: null });
  });

  it('counts a foreign compelling law as an answered exposure question', () => {
    const p = fixture('cn', { cloudAct: { status: 'unknown', laws: ['cn-nil-2017'], reason: text, sources: [src()] } });
    expect(isUnknown(p, 'cloudAct')).toBe(false);
  });

  it('knows a parent only when named with its country, or when the entity stands alone and its ownership is not in doubt', () => {
    const j = fixture('x').jurisdiction;
    expect(parentKnown(fixture('alone'))).toBe(true);
    expect(parentKnown(fixture('sub', { jurisdiction: { ...j, parent: 'Group SA', parentHq: 'FR' } }))).toBe(true);
    expect(parentKnown(fixture('half', { jurisdiction: { ...j, parent: 'Group SA', parentHq: null } }))).toBe(false);
    expect(parentKnown(fixture('doubt', { jurisdiction: { ...j, reason: { en: 'French company; ownership not verified', fr: 'x' } } }))).toBe(false);
    expect(parentKnown(fixture('no-entity', { jurisdiction: { ...j, entity: null } }))).toBe(false);
  });
});

describe('sources by kind', () => {
  it('counts citations and distinct URLs per kind, including sources without a kind', () => {
    const p = fixture('k', {
      jurisdiction: { ...fixture('x').jurisdiction, sources: [src(TODAY, 'press', 'https://a.example/1'), src(TODAY, null, 'https://a.example/2')] },
      cloudAct: { status: 'not-exposed', laws: [], reason: text, sources: [src(TODAY, 'press', 'https://a.example/1'), src(TODAY, 'analysis', 'https://a.example/3')] },
    });
    expect(sourcesByKind(dataset(p))).toEqual([
      { kind: 'official-register', citations: 0, urls: 0 },
      { kind: 'law-text', citations: 0, urls: 0 },
      { kind: 'provider-statement', citations: 0, urls: 0 },
      { kind: 'press', citations: 2, urls: 1 },
      { kind: 'analysis', citations: 1, urls: 1 },
      { kind: 'unspecified', citations: 1, urls: 1 },
    ]);
  });
});

describe('evidence', () => {
  it('fails on a denied source and on a provider statement that lives on another site', () => {
    const denied = fixture('denied', { cloudAct: { status: 'not-exposed', laws: [], reason: text, sources: [src(TODAY, 'press', 'https://sota.io/blog/x')] } });
    const foreign = fixture('foreign', { domains: ['foreign.example'], cloudAct: { status: 'not-exposed', laws: [], reason: text, sources: [src(TODAY, 'provider-statement', 'https://other.example/x')] } });
    const report = checkDataset(dataset(denied, foreign), { today: TODAY });
    expect(report.errors.join('\n')).toMatch(/denied\.cloudAct: https:\/\/sota\.io\/blog\/x is on the deny-list/);
    expect(report.errors.join('\n')).toMatch(/foreign\.cloudAct: .*not one of the provider's own sites/);
    expect(exitCode(report, false)).toBe(1);
    const own = fixture('own', { domains: ['own.example'], cloudAct: { status: 'not-exposed', laws: [], reason: text, sources: [src(TODAY, 'provider-statement', 'https://docs.own.example/x')] } });
    expect(checkDataset(dataset(own), { today: TODAY }).errors).toEqual([]);
  });

  it('counts known claims without first-hand backing and misses the target below 90 %', () => {
    const pressOnly = fixture('press-hds', { hds: { ...certified('2030-01-01'), sources: [src(TODAY, 'press', 'https://news.example/a')] } });
    const firstHand = fixture('register-hds', { hds: certified('2030-01-01') });
    const report = checkDataset(dataset(pressOnly, firstHand), { today: TODAY });
    expect(report.evidence.backed.find((b) => b.claim === 'hds')).toMatchObject({ known: 2, backed: 1, weak: ['press-hds'] });
    expect(report.targetMisses.some((m) => m.startsWith('hds: 1 of 2'))).toBe(true);
    expect(checkDataset(dataset(firstHand), { today: TODAY }).targetMisses).toEqual([]);
  });

  it('lists certified claims without holder, scope or validity, and 2018 certificates past the renewal deadline', () => {
    const bare = fixture('bare', { hds: { ...certified('2030-01-01'), validUntil: null, activities: [] } });
    const old = fixture('old-ref', { hds: { ...certified('2030-01-01'), referential: '2018', holder: 'Old SAS' } });
    const report = checkDataset(dataset(bare, old), { today: TODAY });
    expect(report.evidence.hdsWithoutValidity).toEqual(['bare']);
    expect(report.evidence.hdsWithoutScope).toEqual(['bare']);
    expect(report.evidence.hdsWithoutHolder).toEqual(['bare']);
    expect(report.evidence.hdsRenewalNotConfirmed).toEqual(['old-ref']);
    expect(checkDataset(dataset(old), { today: '2026-05-16' }).evidence.hdsRenewalNotConfirmed).toEqual([]);
  });

  it('counts inferred claims and in-progress qualifications without a milestone', () => {
    const inferred = fixture('inf', {
      cloudAct: { status: 'not-exposed', laws: [], basis: 'inferred', rule: 'eu-no-foreign-control', reason: text, sources: [src()] },
      secnumcloud: { status: 'in-progress', services: [], reason: text, sources: [src()] },
    });
    const report = checkDataset(dataset(inferred), { today: TODAY });
    expect(report.evidence.inferred).toEqual({ cloudAct: 1, hds: 0, secnumcloud: 0 });
    expect(report.evidence.sncInProgressWithoutMilestone).toEqual(['inf']);
  });
});

describe('the bundled dataset', () => {
  const bundled = v.parse(DatasetSchema, raw);

  it('passes the blocking checks on the day of its version and meets the evidence targets', () => {
    const report = checkDataset(bundled, { today: bundled.version });
    expect(report.errors).toEqual([]);
    expect(exitCode(report, false)).toBe(0);
    expect(report.targetMisses.filter((m) => /backed first-hand/.test(m))).toEqual([]);
  });

  // Removing uncitable sources turned some answers back into "unknown": the
  // 10 % target is reported by data:check (above target, with the ids); this
  // ratchet keeps the shares from growing while the research catches up.
  it('does not let the unknown share of seats, parents and exposure grow', () => {
    const ceilings = { hq: 16, parent: 22, cloudAct: 11 } as const;
    for (const u of unknownShares(bundled)) {
      if (u.field in ceilings) expect(u.unknown, `${u.field}: ${u.ids.join(', ')}`).toBeLessThanOrEqual(ceilings[u.field as keyof typeof ceilings]);
    }
  });

  it('would fail once a bundled certificate expires (e.g. Clever Cloud HDS after 2027-12-19)', () => {
    const report = checkDataset(bundled, { today: '2027-12-20' });
    expect(report.expired.map((e) => e.id)).toContain('clever-cloud');
    expect(exitCode(report, false)).toBe(1);
  });
});
