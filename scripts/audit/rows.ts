// One row per page and provider, for the spreadsheet and the cited table: the
// page's providers (worst first, as in the popup), then the providers that
// only serve its files; a page with neither, or that could not be audited,
// still has its row.
import type { AuditedPage, AuditReport, NamedProvider, ProviderFacts, ServingProvider } from './report';
import type { Labels } from './labels';
import type { Say } from './strings';

export interface Row {
  page: AuditedPage;
  provider: ProviderFacts | null;
  named: NamedProvider | null;
  serving: ServingProvider | null;
}

export function rowsOf(report: AuditReport): Row[] {
  return report.pages.flatMap((page): Row[] => {
    const serving = new Map(page.servedBy.map((s) => [s.id, s]));
    const rows: Row[] = page.providers.map((named) => ({ page, provider: named, named, serving: serving.get(named.id) ?? null }));
    const namedIds = new Set(page.providers.map((p) => p.id));
    for (const s of page.servedBy) if (!namedIds.has(s.id)) rows.push({ page, provider: s, named: null, serving: s });
    return rows.length > 0 ? rows : [{ page, provider: null, named: null, serving: null }];
  });
}

/** "named on the page, serves 3 file(s)". */
export function howFound(row: Row, say: Say): string {
  const ways: string[] = [];
  if (row.named?.via.includes('text')) ways.push(say('viaText'));
  if (row.named?.via.includes('host')) ways.push(say('viaHost'));
  if (row.serving) ways.push(say('viaFiles', row.serving.files));
  return ways.join(', ');
}

/** "OK", "OK (now at …)" or "Could not audit: …". */
export function pageStatus(page: AuditedPage, say: Say): string {
  if (page.error !== null) return say('couldNotAudit', page.error);
  return page.finalUrl && page.finalUrl !== page.url ? `${say('ok')} (${say('redirected', page.finalUrl)})` : say('ok');
}

/** The page verdict's level, "No cloud provider found on this page", or nothing for a page that could not be audited. */
export function verdictText(page: AuditedPage, l: Labels, emptyTitle: string): string {
  if (page.error !== null) return '';
  return page.level === null ? emptyTitle : l.level(page.level);
}

export const allSources = (p: ProviderFacts) => [...p.jurisdiction.sources, ...p.cloudAct.sources, ...p.hds.sources, ...p.secnumcloud.sources];
