// The Markdown is checked as a reader sees it: rendered by a GFM renderer
// that lets raw HTML through, so an escape that fails shows as markup.
import { marked } from 'marked';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { sampleReport, SCANS, PROVIDERS, TODAY } from './fixtures.test-data';
import { formatMarkdown, mdCell, mdLink } from './format-markdown';
import { labels } from './labels';
import { translator } from './messages';
import { auditReport } from './report';
import { sayer } from './strings';

const words = () => {
  const t = translator('en');
  return { t, say: sayer('en'), l: labels(t, 'en') };
};

function renderMd(markdown: string): Document {
  const html = marked.parse(markdown, { async: false, gfm: true });
  const { document } = new Window();
  document.body.innerHTML = html;
  return document as unknown as Document;
}

const HOSTILE = 'a | b <img src=x onerror=alert(1)> [link](javascript:alert(1)) **bold** `code` &lt;x&gt; ~~no~~ _i_ \\ <https://evil.example> https://bare.example www.evil.example dpo@evil.example\nsecond line';

describe('mdCell', () => {
  it('renders as the same text, on one line, with no element at all', () => {
    const doc = renderMd(`| h |\n| --- |\n| ${mdCell(HOSTILE)} |`);
    const td = doc.querySelector('td')!;
    expect(td.children).toHaveLength(0);
    expect(td.textContent).toBe(HOSTILE.replace(/\s+/g, ' '));
  });
});

describe('mdLink', () => {
  it('links http(s) addresses and leaves anything else as text', () => {
    expect(mdLink('https://vendor.example/a b|c')).toBe('<https://vendor.example/a%20b%7Cc>');
    const doc = renderMd(`${mdLink('javascript:alert(1)')} ${mdLink('data:text/html,<b>x</b>')}`);
    expect(doc.querySelectorAll('a, b')).toHaveLength(0);
  });
});

describe('formatMarkdown', () => {
  const markdown = formatMarkdown(sampleReport(), words());
  const doc = renderMd(markdown);
  const tables = [...doc.querySelectorAll('table')];
  const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => c.textContent!.trim());

  it('has a summary table: one row per page with its verdict or why it failed', () => {
    const rows = [...tables[0]!.querySelectorAll('tr')].map(cells);
    expect(rows[0]).toEqual(['Page', 'Verdict', 'Providers']);
    expect(rows.slice(1)).toEqual([
      ['https://vendor.example/trust', 'Exposed to foreign law', 'Microsoft Azure, OVHcloud, =HYPERLINK("https://evil.example")'],
      ['https://bakery.example/', 'No cloud provider found on this page', '—'],
      ['https://gone.example/subprocessors', 'Could not audit: HTTP 404 Not Found', '—'],
    ]);
  });

  it('has one row per page and provider, each as wide as the header', () => {
    const rows = [...tables[1]!.querySelectorAll('tr')].map(cells);
    const width = rows[0]!.length;
    for (const r of rows) expect(r).toHaveLength(width);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Microsoft Azure', 'OVHcloud', '=HYPERLINK("https://evil.example")', 'Cloudflare', 'No cloud provider found on this page', 'Could not audit: HTTP 404 Not Found']);
  });

  it('cites a numbered https source for each sourced status, listed once at the end', () => {
    const rows = [...tables[1]!.querySelectorAll('tr')].map(cells);
    const header = rows[0]!;
    const azure = rows[1]!;
    const refs = (text: string) => [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    const cloudAct = azure[header.indexOf('CLOUD Act')]!;
    expect(cloudAct).toMatch(/^Exposed \(US CLOUD Act/);
    const sources = [...doc.querySelectorAll('ol > li')];
    for (const n of refs(cloudAct)) expect(sources[n - 1]!.textContent).toContain('https://');
    const cited = new Set(rows.slice(1).flatMap((r) => r.flatMap(refs)));
    expect([...cited].sort((a, b) => a - b)).toEqual(sources.map((_, i) => i + 1));
    expect(sources.map((li) => li.querySelector('a')?.getAttribute('href'))).toEqual(expect.arrayContaining(['https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title18-section2713&num=0&edition=prelim']));
  });

  it('lets no page or dataset text become markup: the only elements are the tables, lists and links it makes', () => {
    const tags = new Set([...doc.body.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()));
    expect([...tags].sort()).toEqual(['a', 'h1', 'h2', 'li', 'ol', 'p', 'table', 'tbody', 'td', 'th', 'thead', 'tr'].filter((t) => tags.has(t)).sort());
    for (const t of ['img', 'script', 'strong', 'em', 'code', 'b', 'del']) expect(tags.has(t), t).toBe(false);
    for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(doc.body.textContent).toContain('<script>alert(1)</script>');
  });

  it('links only the pages asked for and the dataset’s sources', () => {
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
    const allowed = new Set([...SCANS.map((s) => s.url), ...PROVIDERS.flatMap((p) => [p.jurisdiction, p.cloudAct, p.hds, p.secnumcloud].flatMap((c) => c.sources.map((s) => s.url)))]);
    for (const h of hrefs) expect(allowed.has(h), h).toBe(true);
  });

  it('writes a report without sources when no page named a provider', () => {
    const empty = formatMarkdown(auditReport([SCANS[1]!], { providers: PROVIDERS, today: TODAY, generatedAt: '2026-06-01T10:00:00Z', extensionVersion: '0.1.0', datasetVersion: 'x' }), words());
    expect(empty).not.toContain('## Sources');
    expect(empty).toContain('No cloud provider found on this page');
  });
});
