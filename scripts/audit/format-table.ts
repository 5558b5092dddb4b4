// The audit for a terminal: for each page its verdict, then a table of its
// providers (level, CLOUD Act, HDS, SecNumCloud) with, under each row, its
// headquarters, the sentence that named it and its sources; the providers
// serving the page's files; the numbered sources at the end. Columns wrap to
// the terminal's width.
import { Citations, refsText } from './citations';
import type { Labels } from './labels';
import type { Translate } from './messages';
import type { AuditedPage, AuditReport } from './report';
import { allSources, pageStatus } from './rows';
import type { Say } from './strings';
import { plain } from './text';

export interface TableOptions {
  t: Translate;
  say: Say;
  l: Labels;
  /** Characters per line. */
  width: number;
  /** Number the sources in the cells and list them at the end. */
  cite: boolean;
}

const INDENT = '  ';
const GAP = '  ';
const MIN_COLUMN = 8;

const len = (s: string) => [...s].length;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - len(s)));

/** Word-wraps one line of text to `width` characters; a longer word is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(' ').filter(Boolean)) {
    while (len(word) > width) {
      if (line) lines.push(line);
      line = '';
      lines.push([...word].slice(0, width).join(''));
      word = [...word].slice(width).join('');
    }
    if (!word) continue;
    if (!line) line = word;
    else if (len(line) + 1 + len(word) <= width) line += ' ' + word;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** Column widths that fit `available` characters: the widest column gives way first. */
export function fitColumns(natural: readonly number[], available: number): number[] {
  const widths = [...natural];
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > available) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i]! > MIN_COLUMN && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) break;
    widths[widest]!--;
    total--;
  }
  return widths;
}

/** A table with a header, a rule, and rows whose cells wrap; `after` adds lines under a row. */
export function renderTable(header: readonly string[], rows: readonly { cells: string[]; after?: string[] }[], width: number): string[] {
  const available = width - len(INDENT) - len(GAP) * (header.length - 1);
  const natural = header.map((h, i) => Math.max(len(h), ...rows.map((r) => len(r.cells[i] ?? ''))));
  const widths = fitColumns(natural, available);
  const lines: string[] = [];
  const emit = (cells: readonly string[]) => {
    const wrapped = cells.map((c, i) => wrap(c, widths[i]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let k = 0; k < height; k++) lines.push((INDENT + wrapped.map((w, i) => pad(w[k] ?? '', widths[i]!)).join(GAP)).trimEnd());
  };
  emit(header);
  lines.push(INDENT + widths.map((w) => '─'.repeat(w)).join(GAP));
  for (const r of rows) {
    emit(r.cells);
    for (const extra of r.after ?? []) for (const w of wrap(extra, width - 6)) lines.push('      ' + w);
  }
  return lines;
}

function pageBlock(page: AuditedPage, o: TableOptions, citations: Citations): string[] {
  const { t, say, l } = o;
  const lines = [plain(page.url)];
  if (page.error !== null) return [...lines, INDENT + plain(pageStatus(page, say))];
  if (page.finalUrl && page.finalUrl !== page.url) lines.push(INDENT + plain(say('redirected', page.finalUrl)));
  if (page.level === null) lines.push(INDENT + t('emptyTitle'));
  else {
    lines.push(INDENT + t('verdictLabel', [l.level(page.level)]));
    for (const w of wrap(l.verdictSentence(page.level), o.width - 2)) lines.push(INDENT + w);
    lines.push(INDENT + t('verdictCount', [String(page.providers.length)]), '');
    const header = [say('provider'), say('level'), t('summaryCloudAct'), t('summaryHds'), t('summarySecNumCloud')];
    const rows = page.providers.map((p) => {
      // Under the row: the headquarters (too long for a column), the sentence that named it, its sources.
      const hq = plain(l.jurisdiction(p));
      const after = [hq === t('jurisdictionNotVerified') ? hq : `${t('claimJurisdiction')}: ${hq}`];
      if (p.snippets.length > 0) after.push(`“${plain(p.snippets[0]!)}”`);
      else if (p.via.includes('host')) after.push(t('cardViaHost', [plain(p.name)]));
      const refs = o.cite ? citations.cite(allSources(p)) : [];
      if (refs.length > 0) after.push(`${say('sources')}: ${refsText(refs)}`);
      return { cells: [plain(p.name), l.level(p.level), l.cloudAct(p), l.hdsWithDate(p), l.secnumcloud(p)], after };
    });
    lines.push(...renderTable(header, rows, o.width));
  }
  if (page.servedBy.length > 0) {
    lines.push('', INDENT + t('popupResourcesHeading'));
    for (const s of page.servedBy) {
      const text = `${plain(s.name)} — ${l.level(s.level)} — ${t('popupResourcesCount', [String(s.files), s.hosts.map(plain).join(', ')])}`;
      wrap(text, o.width - 4).forEach((w, i) => lines.push((i === 0 ? '  • ' : '    ') + w));
    }
  }
  return lines;
}

export function formatTable(report: AuditReport, o: TableOptions): string {
  const citations = new Citations();
  const blocks = report.pages.map((page) => pageBlock(page, o, citations).join('\n'));
  const out = [blocks.join('\n\n')];
  if (o.cite && citations.list.length > 0) {
    const lines = [o.say('sources')];
    citations.list.forEach((s, i) => {
      // Not wrapped: the address stays whole, to be selected and opened.
      lines.push(`${INDENT}[${i + 1}] ${plain(s.title)} — ${s.url} (${o.t('reportVerified')} ${o.l.date(s.verified)})`);
    });
    out.push(lines.join('\n'));
  }
  return out.join('\n\n') + '\n';
}
