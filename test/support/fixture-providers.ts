// Small providers for unit tests. `fixtureProvider` fills the fields a test
// does not care about with the schema's defaults, without validating, so a
// test can also build a hostile provider (a javascript: URL) on purpose.
import type { Provider, ProviderInput } from '../../src/data/schema';

const text = (en: string, fr = en) => ({ en, fr });
const src = (url: string) => [{ url, title: 'Source', verified: '2025-01-15', kind: 'provider-statement' as const }];

export type FixtureInput = Partial<Omit<ProviderInput, 'jurisdiction' | 'cloudAct' | 'hds' | 'secnumcloud'>> &
  Pick<Provider, 'id' | 'name'> & {
    jurisdiction?: Partial<ProviderInput['jurisdiction']>;
    cloudAct?: Partial<ProviderInput['cloudAct']>;
    hds?: Partial<ProviderInput['hds']>;
    secnumcloud?: Partial<ProviderInput['secnumcloud']>;
  };

const NOT_VERIFIED = text('Not verified yet.');

export function fixtureProvider(o: FixtureInput): Provider {
  const basis = { basis: 'observed', rule: null } as const;
  const snc = { ...basis, status: 'unknown', services: [], referential: null, milestone: null, reason: NOT_VERIFIED, sources: [], ...o.secnumcloud };
  return {
    domains: [],
    officialSites: [],
    aliases: [],
    weakAliases: [],
    ...o,
    jurisdiction: { entity: null, hq: null, registry: null, parent: null, parentHq: null, reason: NOT_VERIFIED, sources: [], ...o.jurisdiction },
    cloudAct: { ...basis, status: 'unknown', laws: [], via: [], reason: NOT_VERIFIED, sources: [], ...o.cloudAct },
    hds: {
      ...basis,
      status: 'unknown',
      holder: null,
      activities: [],
      services: [],
      notCovered: [],
      regions: [],
      certificateId: null,
      certifier: null,
      referential: null,
      issued: null,
      validUntil: null,
      reason: NOT_VERIFIED,
      sources: [],
      ...o.hds,
    },
    secnumcloud: { ...snc, services: snc.services.map((s) => ({ type: null, ...s })) },
  } as Provider;
}

export const FIXTURES: Provider[] = [
  fixtureProvider({
    id: 'microsoft-azure',
    name: 'Microsoft Azure',
    domains: ['azure.microsoft.com', 'azure.com'],
    officialSites: ['microsoft.com'],
    aliases: ['Microsoft Azure', 'Windows Azure'],
    weakAliases: [{ term: 'Azure', context: ['cloud', 'hébergé'] }],
    jurisdiction: { entity: 'Microsoft Corporation', hq: 'US', parent: null, parentHq: null, reason: text('US company.', 'Société américaine.'), sources: src('https://www.microsoft.com/') },
    cloudAct: {
      status: 'exposed',
      laws: ['us-cloud-act', 'us-fisa-702'],
      reason: text('US company: CLOUD Act.', 'Société américaine : CLOUD Act.'),
      sources: [{ url: 'https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title18-section2713&num=0&edition=prelim', title: 'Source', verified: '2025-01-15', kind: 'law-text' }],
    },
  }),
  fixtureProvider({ id: 'ovhcloud', name: 'OVHcloud', domains: ['ovhcloud.com', 'ovh.com'], aliases: ['OVHcloud', 'OVH'] }),
  fixtureProvider({ id: 'clever-cloud', name: 'Clever Cloud', domains: ['clever-cloud.com'], aliases: ['Clever Cloud', 'Clever-Cloud'] }),
  fixtureProvider({ id: 'numspot', name: 'NumSpot', domains: ['numspot.com'], aliases: ['NumSpot'] }),
  fixtureProvider({ id: 'outscale', name: '3DS Outscale', domains: ['outscale.com'], aliases: ['Outscale', '3DS Outscale'] }),
  fixtureProvider({ id: 'google-cloud', name: 'Google Cloud', domains: ['cloud.google.com'], aliases: ['Google Cloud Platform', 'GCP'] }),
  fixtureProvider({ id: 'orange-business', name: 'Orange Business', aliases: ['Orange Business Services'], weakAliases: [{ term: 'Orange', context: ['cloud'] }] }),
  fixtureProvider({ id: 'eclair-hebergement', name: 'Éclair Hébergement', aliases: ['Éclair Héberg'] }),
];
