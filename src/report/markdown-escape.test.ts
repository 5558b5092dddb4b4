// The Markdown report rendered by a CommonMark renderer (markdown-it, raw HTML
// on, as a Markdown preview would) yields only the report's own elements and
// https links, whatever the page, the dataset or an import put in its fields.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import en from '../../_locales/en/messages.json';
import { assessPage } from '../core/assess';
import type { MessageKey } from '../shared/i18n';
import { fixtureProvider } from '../../test/support/fixture-providers';
import { buildReport } from './cited-report';
import { csvCell, mdAutolink, mdCell, mdText } from './markdown-escape';

const renderer = new MarkdownIt({ html: true, linkify: true });
const t = (key: MessageKey, subs: string[] = []) => subs.reduce((m, s, i) => m.replace(`$${i + 1}`, s), (en as Record<string, { message: string }>)[key]!.message);

/** Every element and attribute the rendered HTML holds. */
function elementsOf(html: string): { tag: string; attrs: string }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({ tag: m[1]!.toLowerCase(), attrs: m[2]! }));
}

const REPORT_TAGS = new Set(['h1', 'h2', 'ul', 'ol', 'li', 'p', 'strong', 'blockquote', 'a', 'br']);

function expectOnlyOurMarkup(markdown: string) {
  const html = renderer.render(markdown);
  for (const { tag, attrs } of elementsOf(html)) {
    expect(REPORT_TAGS.has(tag), `<${tag}${attrs}> in ${html}`).toBe(true);
    expect(attrs, `<${tag}${attrs}>`).not.toMatch(/\son\w+=/i);
    if (tag === 'a') expect(attrs).toMatch(/^ href="https?:\/\/[^"\s]*"$/);
  }
  expect(html).not.toMatch(/(href|src)="\s*(javascript|data|vbscript):/i);
  return html;
}

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  'a\n<img src=x onerror=alert(1)>\n[x](javascript:alert(1))',
  '[x](javascript:alert(1))',
  '![x](https://evil.example/p.png)',
  '<javascript:alert(1)>',
  '`code` *em* _em_ ~~del~~ | cell |',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<script>alert(1)</script>',
  '\r\n# heading\r\n> quote\n1. list',
  'x\u2028<b>y</b>\u0085z',
  'https://evil.example/linkified',
  '[a]: javascript:alert(1)',
];

describe('escaping by context', () => {
  it('text: one line, every markup character escaped', () => {
    expect(mdText('a\n\n<b>*x*</b>\u2028[y](z) & co')).toBe('a &lt;b&gt;\\*x\\*&lt;/b&gt; \\[y\\](z) &amp; co');
    for (const s of HOSTILE) expectOnlyOurMarkup(`- ${mdText(s)}`);
  });

  it('table cells: a pipe or a line break cannot split the row', () => {
    const table = `| a | b |\n|---|---|\n| ${mdCell('x | y\nz')} | ${mdCell('<img src=x onerror=alert(1)>')} |`;
    const html = new MarkdownIt({ html: true }).render(table);
    expect(html.match(/<td>/g)).toHaveLength(2);
    expect(html).not.toContain('<img');
  });

  it('URLs: an http(s) autolink with nothing that ends or breaks it; anything else is text', () => {
    expect(mdAutolink('https://x.example/a b>\n<img src=x onerror=alert(1)>')).toBe('<https://x.example/a%20b%3E%3Cimg%20src=x%20onerror=alert(1)%3E>');
    expect(mdAutolink('https://example.org/tender?id=7')).toBe('<https://example.org/tender?id=7>');
    expect(mdAutolink('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(mdAutolink('data:text/html,<script>')).toBe('data:text/html,&lt;script&gt;');
    for (const url of ['https://a.example/>\n<img src=x onerror=alert(1)>\n[x](javascript:alert(1))', 'https://a.example/`x`<>"', 'javascript:alert(1)', 'not a url', 'https://a.example/\u0000\u0085\u2028']) {
      const html = expectOnlyOurMarkup(`- ${mdAutolink(url)}`);
      expect(html.match(/<a /g)?.length ?? 0).toBeLessThanOrEqual(1);
    }
  });

  it('CSV: quoted when needed, formulas neutralised', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"\nbye')).toBe('"say ""hi""\nbye"');
    for (const f of ['=HYPERLINK("https://evil.example")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(f).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell(-3)).toBe('-3');
  });
});

describe('the whole report under hostile fields', () => {
  const field = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 30 }), fc.array(fc.constantFrom(...HOSTILE, '\n', '<', '>', '[', ']', '(', ')', '`', '*', '|', '&', '!'), { maxLength: 6 }).map((a) => a.join('')));
  const url = fc.oneof(field, field.map((f) => `https://src.example/${f}`));

  it('renders only the report’s own elements and http(s) links', () => {
    fc.assert(
      fc.property(field, field, field, url, url, field, (name, reason, title, sourceUrl, pageUrl, snippet) => {
        const p = fixtureProvider({
          id: 'x',
          name,
          cloudAct: { status: 'exposed', laws: [], reason: { en: reason, fr: reason }, sources: [{ url: sourceUrl, title, verified: '2026-01-01' }] },
        });
        const { markdown } = buildReport({
          url: pageUrl,
          generatedAt: '2026-11-23T10:00:00.000Z',
          extensionVersion: '0.1.0',
          datasetVersion: '2026-11-23',
          lang: 'en',
          providers: assessPage([p], '2026-11-23').providers,
          found: new Map([['x', { id: 'x', via: ['text'], snippets: [snippet] }]]),
          resources: [{ id: 'x', count: 1, hosts: [snippet] }],
          resourceNames: new Map([['x', name]]),
          t,
        });
        expectOnlyOurMarkup(markdown);
      }),
      { numRuns: 400 },
    );
  }, 30_000);
});
