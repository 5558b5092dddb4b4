// The audit as Markdown for a DPIA or a tender file: a summary table of the
// pages, a table of their providers whose statuses cite numbered sources, and
// the sources. Every cell is one line of escaped text: no markup, no raw HTML,
// no table break; the only links are autolinks to http(s) pages the person
// asked for and to the dataset's https sources.
import { safeHttpsUrl } from '../../src/ui/format';
import { Citations, refsText } from './citations';
import type { Labels } from './labels';
import type { Translate } from './messages';
import type { AuditedPage, AuditReport } from './report';
import { howFound, pageStatus, rowsOf, verdictText } from './rows';
import type { Say } from './strings';
import { plain } from './text';

/**
 * Text that stays text in a table cell. A cell holds inline content only and
 * never starts a line, so it is enough to escape what makes code, emphasis,
 * links, raw HTML, entities and strikethrough, the pipe that ends a cell, and
 * what GFM turns into a link by itself (an address, www., an e-mail).
 */
export function mdCell(text: string): string {
  const s = plain(text)
    .replace(/[\\`*_[\]<>|&~@]/g, (c) => `\\${c}`)
    .replace(/([a-z][a-z0-9+.-]*):(?=\/\/)/gi, '$1\\:')
    .replace(/\b(www)\./gi, '$1\\.');
  return s === '' ? ' ' : s;
}

/** A clickable link to an http(s) address, or its escaped text for anything else. */
export function mdLink(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return mdCell(url);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return mdCell(url);
  // Autolinks cannot hold spaces or angle brackets, and a pipe would end the cell.
  return `<${u.href.replace(/[<>|\s`\\]/g, (c) => encodeURIComponent(c))}>`;
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const separator = (n: number) => row(Array.from({ length: n }, () => '---'));

export function formatMarkdown(report: AuditReport, { t, say, l }: { t: Translate; say: Say; l: Labels }): string {
  const failed = report.pages.filter((p) => p.error !== null).length;
  const out: string[] = [
    `# ${mdCell(say('title'))}`,
    '',
    `${mdCell(say('generated', l.date(report.generatedAt.slice(0, 10)), report.extensionVersion, report.datasetVersion))} (${mdCell(report.generatedAt)})`,
    '',
    mdCell(say('pagesAudited', report.pages.length - failed, failed)),
    '',
    row([say('page'), say('verdict'), say('providers')].map(mdCell)),
    separator(3),
  ];
  const status = (page: AuditedPage) => (page.error !== null ? pageStatus(page, say) : verdictText(page, l, t('emptyTitle')));
  for (const page of report.pages) out.push(row([mdLink(page.url), mdCell(status(page)), mdCell(page.providers.map((p) => p.name).join(', ') || say('none'))]));

  const citations = new Citations();
  const cite = (text: string, sources: Parameters<Citations['cite']>[0]) => {
    const refs = refsText(citations.cite(sources));
    return mdCell(text) + (refs ? ` ${mdCell(refs)}` : '');
  };
  out.push('', `## ${mdCell(say('details'))}`, '');
  out.push(row([say('page'), say('provider'), say('level'), say('howFound'), t('claimJurisdiction'), t('summaryCloudAct'), t('summaryHds'), t('summarySecNumCloud'), say('foundIn')].map(mdCell)), separator(9));
  for (const r of rowsOf(report)) {
    const p = r.provider;
    if (!p) {
      out.push(row([mdLink(r.page.url), mdCell(status(r.page)), ...Array.from({ length: 7 }, () => mdCell(''))]));
      continue;
    }
    const snippet = r.named?.snippets[0];
    out.push(
      row([
        mdLink(r.page.url),
        mdCell(p.name),
        mdCell(l.level(p.level)),
        mdCell(howFound(r, say)),
        cite(l.jurisdiction(p), p.jurisdiction.sources),
        cite(l.cloudAct(p) + (p.cloudAct.laws.length ? ` (${l.laws(p.cloudAct.laws)})` : ''), p.cloudAct.sources),
        cite(l.hdsWithDate(p), p.hds.sources),
        cite(l.secnumcloud(p), p.secnumcloud.sources),
        mdCell(snippet ? `“${snippet}”` : ''),
      ]),
    );
  }

  if (citations.list.length > 0) {
    out.push('', `## ${mdCell(say('sources'))}`, '');
    citations.list.forEach((s, i) => {
      const url = safeHttpsUrl(s.url);
      if (url) out.push(`${i + 1}. ${mdCell(s.title)} — ${mdLink(url)} — ${mdCell(`${t('reportVerified')} ${l.date(s.verified)}`)}${s.kind ? ` (${mdCell(s.kind)})` : ''}`);
    });
  }
  return out.join('\n') + '\n';
}
