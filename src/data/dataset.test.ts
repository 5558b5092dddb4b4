// The bundled dataset: valid, complete against the research spec, sourced,
// documented (docs/providers.md up to date), and the schema's own guards.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { evidenceReport } from '../../scripts/data-check-lib';
import { assembleBundle } from '../../scripts/dataset-files';
import { renderProvidersDoc } from '../../scripts/providers-doc';
import { compileMatcher } from '../core/matcher';
import raw from './providers.json';
import releasedIds from './released-ids.json';
import { DatasetSchema, formatIssues, type Dataset, type Provider, type Source } from './schema';
import { sourceProblems } from './source-audit';
import { isProviderSite } from './source-policy';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function parse(input: unknown): Dataset {
  const result = v.safeParse(DatasetSchema, input);
  if (!result.success) throw new Error('invalid dataset:\n' + formatIssues(result.issues, 50).join('\n'));
  return result.output;
}

const dataset = parse(raw);
const byId = new Map(dataset.providers.map((p) => [p.id, p]));
function provider(id: string): Provider {
  const p = byId.get(id);
  if (!p) throw new Error(`provider ${id} missing from providers.json`);
  return p;
}


type Claim = { status: string; sources: Source[]; laws?: string[] };
function claims(p: Provider): [string, Claim][] {
  return [
    ['jurisdiction', { status: p.jurisdiction.hq ?? p.jurisdiction.parentHq ?? 'unknown', sources: p.jurisdiction.sources }],
    ['cloudAct', p.cloudAct],
    ['hds', p.hds],
    ['secnumcloud', p.secnumcloud],
  ];
}

describe('bundled dataset', () => {
  it('validates against DatasetSchema', () => {
    expect(() => parse(raw)).not.toThrow();
    expect(dataset.providers.length).toBeGreaterThanOrEqual(80);
  });

  it('keeps every released provider id (ids never change once released)', () => {
    const ids = new Set(dataset.providers.map((p) => p.id));
    expect(releasedIds.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('is the bundle of the per-provider files (src/data/providers/<id>.json)', () => {
    const { text, problems } = assembleBundle();
    expect(problems).toEqual([]);
    expect(text === readFileSync(resolve(repoRoot, 'src/data/providers.json'), 'utf8'), 'src/data/providers.json is stale: run `npm run data:bundle`').toBe(true);
  });

  it('backs every non-unknown claim with an https source verified no later than today', () => {
    const today = new Date().toISOString().slice(0, 10);
    const problems: string[] = [];
    for (const p of dataset.providers) {
      for (const [field, claim] of claims(p)) {
        const needsSource = claim.status !== 'unknown' || (claim.laws?.length ?? 0) > 0;
        if (needsSource && claim.sources.length === 0) problems.push(`${p.id}.${field}: ${claim.status} without a source`);
        for (const s of claim.sources) {
          if (!s.url.startsWith('https://')) problems.push(`${p.id}.${field}: non-https source ${s.url}`);
          if (s.verified > today) problems.push(`${p.id}.${field}: source verified in the future (${s.verified})`);
          if (!s.kind) problems.push(`${p.id}.${field}: source without kind ${s.url}`);
          if (s.title.includes('AUDIT_MIGRATION')) problems.push(`${p.id}.${field}: cites a personal audit memo`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('cites no source from the deny-list, and every source fits its kind', () => {
    expect(dataset.providers.flatMap(sourceProblems)).toEqual([]);
  });

  it('backs ≥ 90 % of HDS and SecNumCloud claims and ≥ 80 % of seats first-hand (register, law text, the provider itself)', () => {
    const backed = evidenceReport(dataset, '2026-12-04').backed;
    for (const b of backed) expect(b.backed, `${b.claim}: weak ${b.weak.join(', ')}`).toBeGreaterThanOrEqual(Math.ceil(b.known * b.target));
  });

  it('marks every derived SecNumCloud "not qualified" as inferred from ownership, with the rule named', () => {
    for (const p of dataset.providers) {
      const foreign = [p.jurisdiction.hq, p.jurisdiction.parentHq].some((c) => c === 'US' || c === 'CN');
      if (p.secnumcloud.status === 'not-qualified' && foreign) expect({ id: p.id, basis: p.secnumcloud.basis, rule: p.secnumcloud.rule }).toEqual({ id: p.id, basis: 'inferred', rule: 'snc-foreign-control' });
    }
  });

  it('gives every claim a reason in English and French', () => {
    for (const p of dataset.providers) {
      for (const reason of [p.jurisdiction.reason, p.cloudAct.reason, p.hds.reason, p.secnumcloud.reason]) {
        expect(reason.en.trim(), p.id).not.toBe('');
        expect(reason.fr.trim(), p.id).not.toBe('');
      }
    }
  });

  it('keeps docs/providers.md up to date', () => {
    const docPath = resolve(repoRoot, 'docs/providers.md');
    const onDisk = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
    expect(onDisk === renderProvidersDoc(dataset), 'docs/providers.md is stale: run `npm run docs` and commit the result').toBe(true);
  });
});

describe('spot checks', () => {
  it('microsoft-azure is exposed under the CLOUD Act', () => {
    const p = provider('microsoft-azure');
    expect(p.cloudAct.status).toBe('exposed');
    expect(p.cloudAct.laws).toContain('us-cloud-act');
    expect(p.domains).toContain('azure.microsoft.com');
  });

  it('ovhcloud is not exposed', () => {
    expect(provider('ovhcloud').cloudAct.status).toBe('not-exposed');
    expect(provider('ovhcloud').cloudAct.laws).toEqual([]);
  });

  it('s3ns is partial for the CLOUD Act and SecNumCloud-qualified since 2025-12-17', () => {
    const p = provider('s3ns');
    expect(p.cloudAct.status).toBe('partial');
    expect(p.secnumcloud.status).toBe('qualified');
    expect(p.secnumcloud.services).toContainEqual(expect.objectContaining({ name: 'PREMI3NS', qualifiedOn: '2025-12-17' }));
    // A French joint venture: the US laws are not listed as if it were a US company.
    expect(p.cloudAct.laws).toEqual([]);
  });

  it('clever-cloud holds HDS certificate FR094504 valid until 2027-12-19', () => {
    const { hds } = provider('clever-cloud');
    expect(hds.status).toBe('certified');
    expect(hds.certificateId).toBe('FR094504');
    expect(hds.validUntil).toBe('2027-12-19');
    expect(hds.activities).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('oracle-cloud is a US company (SEC filing read), hence exposed', () => {
    const p = provider('oracle-cloud');
    expect(p.jurisdiction.hq).toBe('US');
    expect(p.jurisdiction.sources.some((s) => s.kind === 'official-register' && /^https:\/\/(www\.)?sec\.gov\//.test(s.url))).toBe(true);
    expect(p.cloudAct.status).toBe('exposed');
    expect(p.cloudAct.laws).toContain('us-cloud-act');
  });

  it.each(['vercel', 'heroku'])('%s is a US company on its own legal pages, hence exposed (inferred)', (id) => {
    const p = provider(id);
    expect(p.jurisdiction.hq).toBe('US');
    expect(p.jurisdiction.sources.some((s) => s.kind === 'provider-statement' && isProviderSite(s.url, p))).toBe(true);
    expect(p.cloudAct).toMatchObject({ status: 'exposed', basis: 'inferred', rule: 'us-cloud-act' });
  });

  it('numspot holds HDS per its own page', () => {
    const p = provider('numspot');
    expect(p.hds.status).toBe('certified');
    expect(p.hds.sources.some((s) => s.kind === 'provider-statement' && isProviderSite(s.url, p))).toBe(true);
  });

  it('ovhcloud: HDS as its own page states it (2018 referential), SecNumCloud for named services only, and the Canadian exposure path', () => {
    const p = provider('ovhcloud');
    expect(p.hds.referential).toBe('2018');
    expect(p.hds.notCovered.length).toBeGreaterThan(0);
    expect(p.secnumcloud.services.length).toBeGreaterThanOrEqual(2);
    expect(p.cloudAct.via.map((x) => x.country)).toContain('CA');
  });

  it.each(['eviden', 'claranet', 'coreye', 'ikoula', 'free-pro', 'sewan', 'linkbynet', 'enovacom', 'inetum', 'nexeren'])('has the French host %s', (id) => {
    expect(provider(id).name.length).toBeGreaterThan(0);
  });

  it('ovhcloud-us is a distinct US entity, exposed, while ovhcloud stays not exposed', () => {
    expect(provider('ovhcloud-us').jurisdiction.hq).toBe('US');
    expect(provider('ovhcloud-us').cloudAct.status).toBe('exposed');
    expect(provider('ovhcloud').cloudAct.status).toBe('not-exposed');
  });

  it('slack.com belongs to slack (owned by Salesforce), not to salesforce', () => {
    expect(provider('slack').domains).toContain('slack.com');
    expect(provider('slack').jurisdiction.parent).toMatch(/^Salesforce/);
    expect(provider('salesforce').domains).not.toContain('slack.com');
  });

  it('has at least 90 providers', () => {
    expect(dataset.providers.length).toBeGreaterThanOrEqual(90);
  });
});

// The shipped matcher over the bundled data: the contract's traps must stay silent.
const matcher = compileMatcher(dataset.providers);
function detect(text: string): string[] {
  return [...new Set(matcher.find(text).map((m) => m.id))].sort();
}

describe('aliases and context words', () => {
  it.each([
    'The azure sky over the Côte d’Azur.',
    'A glass of orange juice.',
    'The Oracle of Delphi spoke in riddles.',
    'All trials follow Good Clinical Practice (GCP) and the GCP inspection project plan.',
    'MinIO offers S3-compatible storage with an S3 API.',
    'Internet Explorer and Net Explorer are browsers.',
    'Aruba Networks sells Wi-Fi access points.',
    'Microsoft teams up with a startup; the economic outlook is good and our office is open 365 days a year.',
    'A currency exchange online service.',
    'Acura revived its Integra with a new engine.',
    'Le ciel bleu et le soleil orange.',
    'Rain clouds over the Amazon; its cloud forests shelter many species.',
    'Python lambda functions are anonymous functions.',
    'Spark is a compute engine for large-scale data.',
    'Over-the-counter (OTC) drugs at the pharmacy.',
    'Zoom in on the map to see the village.',
    'Le mistral souffle fort sur la Provence ce week-end.',
    'Le SAP regroupe les services à la personne.',
    'A box of chocolates. Box office results were strong.',
    'The proton and the neutron form the nucleus.',
    'Take up the slack in the rope before you climb.',
    'A snowflake fell on the Atlas mountains.',
    'Lyon est à la confluence du Rhône et de la Saône.',
  ])('detects nothing in "%s"', (text) => {
    expect(detect(text)).toEqual([]);
  });

  it.each([
    ['Le Health Data Hub est hébergé sur Microsoft Azure.', ['microsoft-azure']],
    ['Nos serveurs sont passés de Microsoft Azure à Scaleway.', ['microsoft-azure', 'scaleway']],
    ['Les données sont hébergées chez Amazon, dans un centre de données à Paris.', ['aws']],
    ['Our data sits in an Azure subscription of our Microsoft tenant.', ['microsoft-azure']],
    ['Files are kept in an S3 bucket on AWS.', ['aws']],
    ['Le cloud de confiance Bleu, porté par Orange et Capgemini.', ['bleu']],
    ['Hébergement chez ITS Integra, certifié HDS.', ['its-integra']],
    ['Rejoignez la réunion Zoom à 14 h.', ['zoom']],
    ['Postez-le dans le channel Slack de l’équipe.', ['slack']],
    ['Nos bases tournent sur MongoDB Atlas.', ['mongodb-atlas']],
    ['Le Chat de Mistral AI répond en français.', ['mistral-ai']],
  ])('detects "%s"', (text, ids) => {
    expect(detect(text)).toEqual(ids);
  });

  it('gives every weak alias at least one context word and keeps strong aliases distinct per provider', () => {
    for (const p of dataset.providers) {
      for (const w of p.weakAliases) expect(w.context.length, `${p.id}: ${w.term}`).toBeGreaterThan(0);
      const lower = p.aliases.map((a) => a.toLowerCase());
      expect(new Set(lower).size, p.id).toBe(lower.length);
    }
  });
});

describe('schema guards', () => {
  const source = { url: 'https://example.org/page', title: 'Example', verified: '2026-11-23', kind: 'primary' as const };
  const text = { en: 'Reason', fr: 'Raison' };
  const base = () => ({
    id: 'example-cloud',
    name: 'Example Cloud',
    domains: ['example.org'],
    aliases: ['Example Cloud'],
    weakAliases: [],
    jurisdiction: { entity: null, hq: null, parent: null, parentHq: null, reason: text, sources: [] },
    cloudAct: { status: 'unknown', laws: [], reason: text, sources: [] },
    hds: { status: 'unknown', activities: [], certificateId: null, certifier: null, version: null, validUntil: null, reason: text, sources: [] },
    secnumcloud: { status: 'unknown', services: [], reason: text, sources: [] },
  });
  const wrap = (...providers: unknown[]) => ({ version: '2026-11-23', providers });
  const ok = (input: unknown) => v.safeParse(DatasetSchema, input).success;

  it('accepts a minimal valid provider (so the rejections below are meaningful)', () => {
    expect(ok(wrap(base()))).toBe(true);
    expect(ok(wrap({ ...base(), hds: { ...base().hds, status: 'certified', sources: [source] } }))).toBe(true);
  });

  it('rejects a claim with a status but no source', () => {
    expect(ok(wrap({ ...base(), hds: { ...base().hds, status: 'certified' } }))).toBe(false);
    expect(ok(wrap({ ...base(), cloudAct: { ...base().cloudAct, status: 'exposed' } }))).toBe(false);
    expect(ok(wrap({ ...base(), cloudAct: { ...base().cloudAct, laws: ['us-cloud-act'] } }))).toBe(false);
    expect(ok(wrap({ ...base(), jurisdiction: { ...base().jurisdiction, hq: 'US' } }))).toBe(false);
  });

  it('rejects a javascript: source URL', () => {
    const bad = { ...source, url: 'javascript:alert(1)' };
    expect(ok(wrap({ ...base(), hds: { ...base().hds, status: 'certified', sources: [bad] } }))).toBe(false);
    expect(ok(wrap({ ...base(), hds: { ...base().hds, sources: [{ ...source, url: 'http://example.org/' }] } }))).toBe(false);
  });

  it('rejects a bad date', () => {
    expect(ok(wrap({ ...base(), hds: { ...base().hds, status: 'certified', sources: [{ ...source, verified: '2026-13-01' }] } }))).toBe(false);
    expect(ok(wrap({ ...base(), hds: { ...base().hds, validUntil: '19/12/2027' } }))).toBe(false);
    expect(ok({ ...wrap(base()), version: 'yesterday' })).toBe(false);
  });

  it('rejects duplicate ids', () => {
    expect(ok(wrap(base(), { ...base(), name: 'Other' }))).toBe(false);
  });

  it('rejects an unknown extra key', () => {
    expect(ok(wrap({ ...base(), extra: true }))).toBe(false);
    expect(ok(wrap({ ...base(), hds: { ...base().hds, grade: 'A' } }))).toBe(false);
    expect(ok({ ...wrap(base()), generatedAt: '2026-11-23' })).toBe(false);
  });
});
