// What a source may be. A DPO must be able to put every citation in a DPIA,
// so sources are ranked by kind and a kind must fit where the URL points:
// an official register or law text on an official host, a provider statement
// on the provider's own sites. Some hosts are never acceptable: AI-written
// pages, machine-generated scoring sites, aggregators, copies of documents
// whose original is public, personal repositories.
import type { Provider, Source, SourceKind } from './schema';

/** Never cited, whatever the claim (matched on the host and its subdomains). */
export const DENIED_HOSTS: readonly string[] = [
  // Machine-generated scoring and comparison sites, AI-written blogs and wikis.
  'csf.hop3.abilian.com', 'sota.io', 'aiwiki.ai', 'sovereigncloudcompass.de', 'eucloudpatterns.eu', 'edgen.tech', 'news.lavx.hu',
  // Copies and mirrors of documents whose original is public (filings, law texts, reports).
  'quarterlytics.com', 'capedge.com', 'capedgeqa.com', 'edgar-online.com', 'pdfslide.fr', 'pdfslide.us', 'pdfslide.net', 'documents.pub',
  'scribd.com', 'info.5y1.org', 'documentine.com', 'lawinsider.com', 'sgpjbg.com', 'itlibrary.io', 'docslib.org', 'pic.felinn.org',
  'lexbuild.dev', 'a.osmarks.net', 'mcdn.i-scmp.com',
  // Aggregators and wiki copies.
  'tosdr.org', 'everipedia.com', 'liquisearch.com', 'devdiscourse.com', 'mpelembe.net', 'indiantribune.com', 'eunewsweek.com',
  'head-post.com', 'stechtimes.com', 'greaterbayinsight.com', 'chinastocks.net', 'etftrends.com', 'mushtuto.com', 'nquiringminds.com',
  'hrnxt.com', 'imdpc.com', 'elporvenir.mx', 'robertjacobi.com',
];

/** Code hosts where only a provider's own organisation (listed in its officialSites) may be cited. */
const CODE_HOSTS = ['github.com', 'github.io', 'gitlab.com'];

/** Official registers and lists: company registries, securities filings, courts, the ANSSI and ANS lists. */
export const OFFICIAL_REGISTER_HOSTS: readonly string[] = [
  'sec.gov', 'annuaire-entreprises.data.gouv.fr', 'data.inpi.fr', 'infogreffe.fr', 'insee.fr',
  'find-and-update.company-information.service.gov.uk', 'handelsregister.de', 'unternehmensregister.de', 'zefix.ch', 'zefix.admin.ch',
  'kvk.nl', 'bolagsverket.se', 'prh.fi', 'ytj.fi', 'registroimprese.it', 'ised-isde.canada.ca', 'opencorporates.gov',
  'conseil-etat.fr', 'courdecassation.fr', 'curia.europa.eu', 'legifrance.gouv.fr', 'cnil.fr', 'scc-csc.ca', 'canlii.org',
  'cyber.gouv.fr', 'ssi.gouv.fr', 'esante.gouv.fr', 'bsi.bund.de', 'justice.gov', 'dila.gouv.fr',
];

/** Publishers of official law and referential texts. */
export const LAW_TEXT_HOSTS: readonly string[] = [
  'legifrance.gouv.fr', 'eur-lex.europa.eu', 'uscode.house.gov', 'govinfo.gov', 'congress.gov', 'justice.gov',
  'cyber.gouv.fr', 'ssi.gouv.fr', 'esante.gouv.fr', 'npc.gov.cn', 'gov.cn', 'gesetze-im-internet.de', 'laws-lois.justice.gc.ca',
];

/** "www.sec.gov" → "sec.gov"; null for a URL that does not parse. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

const underHost = (host: string, list: readonly string[]) => list.some((h) => host === h || host.endsWith(`.${h}`));

/** Does `url` lie on `site`, a host with an optional path prefix ("github.com/ovh")? */
export function onSite(url: string, site: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const [siteHost = '', ...rest] = site.toLowerCase().split('/');
  if (host !== siteHost && !host.endsWith(`.${siteHost}`)) return false;
  const prefix = rest.filter(Boolean).join('/');
  if (!prefix) return true;
  const path = u.pathname.toLowerCase().replace(/^\/+/, '');
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** Is this source's URL one the project refuses to cite? */
export function isDenied(url: string, provider?: Pick<Provider, 'domains' | 'officialSites'>): boolean {
  const host = hostOf(url);
  if (host === null) return true;
  if (underHost(host, DENIED_HOSTS)) return true;
  // A code host is a personal repository unless it is the provider's own organisation.
  if (underHost(host, CODE_HOSTS)) return !(provider && ownSites(provider).some((site) => onSite(url, site)));
  return false;
}

function ownSites(p: Pick<Provider, 'domains' | 'officialSites'>): string[] {
  return [...p.domains, ...p.officialSites];
}

/** Is `url` on one of the provider's own sites? */
export function isProviderSite(url: string, p: Pick<Provider, 'domains' | 'officialSites'>): boolean {
  return ownSites(p).some((site) => onSite(url, site));
}

/** Why a source does not fit its kind for this provider, or null when it does. */
export function kindMismatch(source: Source, p: Pick<Provider, 'domains' | 'officialSites'>): string | null {
  const host = hostOf(source.url);
  if (host === null) return 'the URL does not parse';
  switch (source.kind) {
    case undefined:
      return 'the source has no kind';
    case 'official-register':
      return underHost(host, OFFICIAL_REGISTER_HOSTS) ? null : `${host} is not an official register`;
    case 'law-text':
      return underHost(host, LAW_TEXT_HOSTS) ? null : `${host} is not an official publisher of law texts`;
    case 'provider-statement':
      return isProviderSite(source.url, p) ? null : `${host} is not one of the provider's own sites`;
    case 'press':
    case 'analysis':
      return null;
  }
}

/** Kinds whose sources a DPO can rely on alone. */
export const STRONG_KINDS: ReadonlySet<SourceKind> = new Set(['official-register', 'law-text', 'provider-statement']);

/** Is this claim backed by an official source or the provider's own statement, about this provider? */
export function hasStrongSource(sources: readonly Source[], p: Pick<Provider, 'domains' | 'officialSites'>): boolean {
  return sources.some((s) => s.kind !== undefined && STRONG_KINDS.has(s.kind) && kindMismatch(s, p) === null);
}
