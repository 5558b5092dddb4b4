// The audit as a spreadsheet: one row per page and provider (RFC 4180: comma,
// CRLF, quoted when needed; a byte-order mark so spreadsheets read UTF-8).
// A cell that starts with = + - @ (or a tab or carriage return) gets a
// leading apostrophe, so a page's text can never become a formula.
import type { Labels } from './labels';
import type { Translate } from './messages';
import type { AuditReport } from './report';
import { allSources, howFound, pageStatus, rowsOf, verdictText } from './rows';
import type { Say } from './strings';
import { plain } from './text';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: defused, then quoted when it holds a quote, a separator or a line break. */
export function csvCell(value: string | number): string {
  let s = typeof value === 'number' ? String(value) : plain(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatCsv(report: AuditReport, { t, say, l }: { t: Translate; say: Say; l: Labels }): string {
  const header = [
    say('page'),
    say('pageStatus'),
    say('verdict'),
    say('provider'),
    say('providerId'),
    say('level'),
    say('howFound'),
    t('claimJurisdiction'),
    t('summaryCloudAct'),
    say('foreignLaws'),
    t('summaryHds'),
    say('validUntil'),
    t('summarySecNumCloud'),
    say('foundIn'),
    say('files'),
    say('hosts'),
    say('sources'),
  ];
  const lines = [header.map(csvCell).join(',')];
  for (const row of rowsOf(report)) {
    const p = row.provider;
    const cells: (string | number)[] = [
      row.page.url,
      pageStatus(row.page, say),
      verdictText(row.page, l, t('emptyTitle')),
      p?.name ?? '',
      p?.id ?? '',
      p ? l.level(p.level) : '',
      howFound(row, say),
      p ? l.jurisdiction(p) : '',
      p ? l.cloudAct(p) : '',
      p ? l.laws(p.cloudAct.laws) : '',
      p ? l.hds(p) : '',
      p?.hds.status === 'certified' && p.hds.validUntil ? p.hds.validUntil : '',
      p ? l.secnumcloud(p) : '',
      row.named?.snippets.map(plain).join(' / ') ?? '',
      row.serving?.files ?? '',
      row.serving?.hosts.join(' ') ?? '',
      p ? [...new Set(allSources(p).map((s) => s.url))].join(' ') : '',
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
