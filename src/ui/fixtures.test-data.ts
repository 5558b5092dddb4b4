// Small providers for unit tests (valid against ProviderSchema).
import type { Provider } from '../data/schema';

const text = (en: string, fr = en) => ({ en, fr });
const src = (url: string) => [{ url, title: 'Source', verified: '2025-01-15', kind: 'primary' as const }];

export function fixtureProvider(overrides: Partial<Provider> & Pick<Provider, 'id' | 'name'>): Provider {
  return {
    domains: [],
    aliases: [],
    weakAliases: [],
    jurisdiction: { entity: null, hq: null, parent: null, parentHq: null, reason: text('Not verified yet.'), sources: [] },
    cloudAct: { status: 'unknown', laws: [], reason: text('Not verified yet.'), sources: [] },
    hds: { status: 'unknown', activities: [], certificateId: null, certifier: null, version: null, validUntil: null, reason: text('Not verified yet.'), sources: [] },
    secnumcloud: { status: 'unknown', services: [], reason: text('Not verified yet.'), sources: [] },
    ...overrides,
  };
}

export const FIXTURES: Provider[] = [
  fixtureProvider({
    id: 'microsoft-azure',
    name: 'Microsoft Azure',
    domains: ['azure.microsoft.com', 'azure.com'],
    aliases: ['Microsoft Azure', 'Windows Azure'],
    weakAliases: [{ term: 'Azure', context: ['cloud', 'hébergé'] }],
    jurisdiction: { entity: 'Microsoft Corporation', hq: 'US', parent: null, parentHq: null, reason: text('US company.', 'Société américaine.'), sources: src('https://www.microsoft.com/') },
    cloudAct: { status: 'exposed', laws: ['us-cloud-act', 'us-fisa-702'], reason: text('US company: CLOUD Act.', 'Société américaine : CLOUD Act.'), sources: src('https://www.law.cornell.edu/uscode/text/18/2713') },
  }),
  fixtureProvider({ id: 'ovhcloud', name: 'OVHcloud', domains: ['ovhcloud.com', 'ovh.com'], aliases: ['OVHcloud', 'OVH'] }),
  fixtureProvider({ id: 'clever-cloud', name: 'Clever Cloud', domains: ['clever-cloud.com'], aliases: ['Clever Cloud', 'Clever-Cloud'] }),
  fixtureProvider({ id: 'numspot', name: 'NumSpot', domains: ['numspot.com'], aliases: ['NumSpot'] }),
  fixtureProvider({ id: 'outscale', name: '3DS Outscale', domains: ['outscale.com'], aliases: ['Outscale', '3DS Outscale'] }),
  fixtureProvider({ id: 'google-cloud', name: 'Google Cloud', domains: ['cloud.google.com'], aliases: ['Google Cloud Platform', 'GCP'] }),
  fixtureProvider({ id: 'orange-business', name: 'Orange Business', aliases: ['Orange Business Services'], weakAliases: [{ term: 'Orange', context: ['cloud'] }] }),
  fixtureProvider({ id: 'eclair-hebergement', name: 'Éclair Hébergement', aliases: ['Éclair Héberg'] }),
];
