// A small audit for the format tests: a page with providers (one named, one
// running the host, one only serving files), a page with none, a page that
// could not be loaded, with hostile text in what the page gave.
import { FIXTURES, fixtureProvider } from '../../test/support/fixture-providers';
import type { Provider } from '../../src/data/schema';
import { auditReport, type AuditReport, type PageScan } from './report';

export const TODAY = '2026-06-01';

const src = (url: string, title = 'Source') => [{ url, title, verified: '2025-01-15', kind: 'press' as const }];

export const PROVIDERS: Provider[] = [
  ...FIXTURES,
  fixtureProvider({
    id: 'cloudflare',
    name: 'Cloudflare',
    domains: ['cloudflare.com'],
    jurisdiction: { entity: 'Cloudflare, Inc.', hq: 'US', parent: null, parentHq: null, reason: { en: 'US.', fr: 'US.' }, sources: src('https://www.cloudflare.com/') },
    cloudAct: { status: 'exposed', laws: ['us-cloud-act'], reason: { en: 'US company.', fr: 'Société américaine.' }, sources: src('https://www.law.cornell.edu/uscode/text/18/2713', 'CLOUD Act') },
  }),
  fixtureProvider({
    id: 'hds-host',
    name: '=HYPERLINK("https://evil.example")',
    jurisdiction: { entity: 'Hôte | Santé <b>SAS</b>', hq: 'FR', parent: null, parentHq: null, reason: { en: 'French.', fr: 'Française.' }, sources: src('https://annuaire.example.fr/hote', 'Registre [officiel] *des* hébergeurs') },
    cloudAct: { status: 'not-exposed', laws: [], reason: { en: 'French company.', fr: 'Société française.' }, sources: src('https://annuaire.example.fr/hote') },
    hds: { status: 'certified', activities: [1], certificateId: null, certifier: null, validUntil: '2026-01-31', reason: { en: 'Certified.', fr: 'Certifié.' }, sources: src('https://esante.gouv.fr/hds') },
  }),
];

export const SCANS: PageScan[] = [
  {
    url: 'https://vendor.example/trust',
    finalUrl: 'https://vendor.example/trust',
    httpStatus: 200,
    error: null,
    view: {
      url: 'https://vendor.example/trust',
      providers: [
        { id: 'ovhcloud', via: ['host'], snippets: [] },
        { id: 'microsoft-azure', via: ['text'], snippets: ['Backups run on Microsoft Azure | "EU" region,\nsee <script>alert(1)</script> =1+1 \u001b[31m'] },
        { id: 'hds-host', via: ['text'], snippets: ['-2+3 hosted by Hôte Santé'] },
        { id: 'no-longer-in-the-data', via: ['text'], snippets: ['gone'] },
      ],
      resources: [
        { id: 'cloudflare', count: 12, hosts: ['cdnjs.cloudflare.com'] },
        { id: 'microsoft-azure', count: 2, hosts: ['x.blob.core.windows.net'] },
      ],
      claims: [],
      hosting: null,
    },
  },
  { url: 'https://bakery.example/', finalUrl: 'https://www.bakery.example/', httpStatus: 200, error: null, view: { url: 'https://www.bakery.example/', providers: [], resources: [], claims: [], hosting: null } },
  { url: 'https://gone.example/subprocessors', finalUrl: 'https://gone.example/subprocessors', httpStatus: 404, error: 'HTTP 404 Not Found', view: null },
];

export function sampleReport(): AuditReport {
  return auditReport(SCANS, { providers: PROVIDERS, today: TODAY, generatedAt: '2026-06-01T10:00:00Z', extensionVersion: '0.1.0', datasetVersion: '2026-05-01' });
}
