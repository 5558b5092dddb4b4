// From what the extension found on each page (its tab view, the popup's own
// input) to the audit report: the popup's page model (src/popup/model), so
// the levels and statuses are the popup's, in a plain shape that every
// output format reads and that is written as is for --format json. Pure.
import { assess, type Assessment, type Level, type Validity } from '../../src/core/assess';
import type { CloudActStatus, HdsStatus, Law, Provider, SecNumCloudStatus, Source } from '../../src/data/schema';
import { pageModel } from '../../src/popup/model';
import type { TabView } from '../../src/shared/protocol';

/** One page as the browser gave it: the tab view, or why there is none. */
export interface PageScan {
  /** The address asked for. */
  url: string;
  /** Where the browser ended up (after redirects), when it loaded. */
  finalUrl: string | null;
  httpStatus: number | null;
  /** Why the page could not be audited; null when it was. */
  error: string | null;
  view: TabView | null;
}

export interface ProviderFacts {
  id: string;
  name: string;
  level: Level;
  jurisdiction: { entity: string | null; hq: string | null; parent: string | null; parentHq: string | null; sources: Source[] };
  cloudAct: { status: CloudActStatus; laws: Law[]; sources: Source[] };
  /** `status` is the popup's `data-hds`: a certificate past its end date is `not-certified`. */
  hds: { status: HdsStatus; validity: Validity; validUntil: string | null; sources: Source[] };
  /** `status` is the popup's `data-secnumcloud`. */
  secnumcloud: { status: SecNumCloudStatus; validity: Validity; sources: Source[] };
}

/** A provider of the page: named in its text, or running its host. */
export interface NamedProvider extends ProviderFacts {
  via: ('text' | 'host')[];
  /** The sentences that named it (up to 3). */
  snippets: string[];
}

/** A provider whose hosts served the page's files ("This page loads from"). */
export interface ServingProvider extends ProviderFacts {
  files: number;
  hosts: string[];
}

export interface AuditedPage {
  url: string;
  finalUrl: string | null;
  httpStatus: number | null;
  error: string | null;
  /** The page verdict: the worst level among its providers; null when none. */
  level: Level | null;
  providers: NamedProvider[];
  servedBy: ServingProvider[];
}

export interface AuditReport {
  generatedAt: string;
  extensionVersion: string;
  datasetVersion: string;
  pages: AuditedPage[];
}

export function providerFacts(a: Assessment): ProviderFacts {
  const p = a.provider;
  const j = p.jurisdiction;
  return {
    id: p.id,
    name: p.name,
    level: a.level,
    jurisdiction: { entity: j.entity, hq: j.hq, parent: j.parent, parentHq: j.parentHq, sources: j.sources },
    cloudAct: { status: p.cloudAct.status, laws: [...p.cloudAct.laws], sources: p.cloudAct.sources },
    hds: { status: a.hds.status, validity: a.hds.validity, validUntil: p.hds.status === 'certified' ? p.hds.validUntil : null, sources: p.hds.sources },
    secnumcloud: { status: a.secnumcloud.status, validity: a.secnumcloud.validity, sources: p.secnumcloud.sources },
  };
}

/** One page of the report: what the popup would show for that tab. */
export function auditPage(scan: PageScan, providers: readonly Provider[], today: string): AuditedPage {
  const base = { url: scan.url, finalUrl: scan.finalUrl, httpStatus: scan.httpStatus, error: scan.error };
  if (scan.error !== null || scan.view === null) return { ...base, error: scan.error ?? 'no findings', level: null, providers: [], servedBy: [] };
  const model = pageModel(scan.view, providers, today);
  const named = model.page.providers.map((a) => {
    const found = model.found.get(a.provider.id);
    return { ...providerFacts(a), via: [...(found?.via ?? [])], snippets: [...(found?.snippets ?? [])] };
  });
  const byId = new Map(providers.map((p) => [p.id, p]));
  const servedBy = (scan.view.resources ?? []).flatMap((r) => {
    const p = byId.get(r.id);
    return p ? [{ ...providerFacts(assess(p, today)), files: r.count, hosts: [...r.hosts] }] : [];
  });
  return { ...base, level: model.page.level, providers: named, servedBy };
}

export function auditReport(scans: readonly PageScan[], meta: { providers: readonly Provider[]; today: string; generatedAt: string; extensionVersion: string; datasetVersion: string }): AuditReport {
  return {
    generatedAt: meta.generatedAt,
    extensionVersion: meta.extensionVersion,
    datasetVersion: meta.datasetVersion,
    pages: scans.map((s) => auditPage(s, meta.providers, meta.today)),
  };
}
