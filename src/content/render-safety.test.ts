// @vitest-environment happy-dom
// (Plain `h()` rather than JSX, so that this file stays a .ts file.)
// Nothing injected is executable. Strings from a page (snippets),
// the dataset or a custom provider reach the in-page notice and the popup;
// they must show as text, never as markup, and a source link is only ever an
// https link — even for data that bypassed the schema.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assess } from '../core/assess';
import type { Provider, Source } from '../data/schema';
import { Sources } from '../popup/claim';
import { ProviderCard } from '../popup/provider-card';
import type { Notice } from '../shared/protocol';
import { fixtureProvider } from '../../test/support/fixture-providers';
import { safeHttpsUrl } from '../ui/format';
import { createWarning } from './warning';

vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: {
      // Echo the key and its substitutions: what is shown is what was passed in.
      getMessage: (key: string, subs?: string | string[]) => [key, ...(subs === undefined ? [] : [subs].flat())].join('|'),
      getUILanguage: () => 'en',
    },
  },
}));

/** Strings that would become elements, attributes or script if ever parsed as HTML. */
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '<a href="javascript:alert(1)">click</a>',
  '&lt;b&gt;entity&lt;/b&gt;',
  '<style>*{display:none}</style>',
  '<!-- comment --><base href="https://evil.example/">',
  '{{constructor.constructor("alert(1)")()}}',
];

/** No element, attribute or link came from the data. */
function expectInert(root: ParentNode, allowedTags: readonly string[]) {
  const elements = [...root.querySelectorAll('*')];
  const unexpected = elements.map((e) => e.localName).filter((n) => !allowedTags.includes(n));
  expect(unexpected, 'elements created from the data').toEqual([]);
  for (const e of elements) {
    for (const attr of [...e.attributes]) {
      expect(attr.name, `attribute on <${e.localName}>`).not.toMatch(/^on/i);
      if (attr.name === 'href' || attr.name === 'src') expect(attr.value).toMatch(/^https:\/\//);
    }
  }
}

describe('the in-page notice (warning.ts)', () => {
  const t = (key: string, subs?: string | string[]) => [key, ...(subs === undefined ? [] : [subs].flat())].join('|');
  let warning: ReturnType<typeof createWarning>;
  beforeEach(() => {
    document.body.replaceChildren();
    warning = createWarning(document, { t: t as never, onDetails: () => undefined, onSilenceSite: () => undefined, onUndoSilence: () => undefined });
  });
  afterEach(() => warning.remove());

  const show = (names: string[], level: Notice['level'] = 'high') => {
    warning.update({ level, providers: names.map((name, i) => ({ id: `p${i}`, name, level })) });
    const host = document.querySelector('[data-sovereignty-lens="warning"]')!;
    return { host, root: host.shadowRoot! };
  };

  it('shows provider names as text: a name like <img src=x onerror=...> shows literally, no element is created', () => {
    for (const name of HOSTILE) {
      const { root } = show([name, 'Amazon Web Services']);
      const region = root.querySelector('[role="region"]')!;
      expect(region.textContent).toContain(name);
      expect(region.textContent).toContain('Amazon Web Services');
      expectInert(root, ['style', 'div', 'h2', 'p', 'button']);
      expect(root.querySelectorAll('button')).toHaveLength(3);
    }
  });

  it('keeps the host element bare: one attribute, one open shadow root, nothing in the light DOM', () => {
    const { host } = show(HOSTILE);
    expect([...host.attributes].map((a) => `${a.name}=${a.value}`)).toEqual(['data-sovereignty-lens=warning']);
    expect(host.childNodes).toHaveLength(0);
    expect(document.body.querySelectorAll('img, script, iframe, svg, a, base')).toHaveLength(0);
  });

  it('puts only its own fixed stylesheet in the shadow root', () => {
    const { root } = show(['<style>*{display:none}</style>']);
    const styles = root.querySelectorAll('style');
    expect(styles).toHaveLength(1);
    expect(styles[0]!.textContent).toContain(':host { all: initial; }');
    expect(styles[0]!.textContent).not.toContain('display:none}');
  });
});

describe('source links in the popup (claim.tsx Sources)', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const source = (url: string, title = 'A title'): Source => ({ url, title, verified: '2025-01-15' });

  it('links https sources only, opening in a new tab without opener or referrer', () => {
    render(h(Sources, { sources: [source('https://example.org/a?q=1#x'), source('HTTPS://EXAMPLE.ORG/b')], lang: 'en' }), root);
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/a?q=1#x', 'https://example.org/b']);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noreferrer noopener');
    }
  });

  it('renders a javascript:, data: or other non-https URL as plain text, even when it bypassed the schema', () => {
    const bad = [
      'javascript:alert(1)',
      'JavaScript:alert(document.domain)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'http://example.org/',
      'ftp://example.org/',
      'file:///etc/passwd',
      '//evil.example/',
      '/relative/path',
      'not a url',
      '',
    ];
    render(h(Sources, { sources: bad.map((url) => source(url, `title of ${url}`)), lang: 'en' }), root);
    expect(root.querySelectorAll('a')).toHaveLength(0);
    expect(root.querySelectorAll('li.source')).toHaveLength(bad.length);
    expect(root.textContent).toContain('title of javascript:alert(1)');
  });

  it('renders hostile titles as text', () => {
    render(h(Sources, { sources: HOSTILE.map((title) => source('https://example.org/', title)), lang: 'en' }), root);
    for (const title of HOSTILE) expect(root.textContent).toContain(title);
    expectInert(root, ['ul', 'li', 'a', 'span', 'time']);
  });

  it('safeHttpsUrl: https in, anything else out', () => {
    expect(safeHttpsUrl('https://example.org')).toBe('https://example.org/');
    expect(safeHttpsUrl('  https://example.org/x  ')).toBe('https://example.org/x');
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'data:,x', 'http://example.org', 'blob:https://example.org/1', 'about:blank', 'https:', 'x']) expect(safeHttpsUrl(url), url).toBeNull();
  });
});

describe('a provider card with hostile data everywhere (provider-card.tsx)', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  /** Every free-text field set to `evil`; sources pointing at `url` (as if the schema had been bypassed). */
  const hostileProvider = (evil: string, url: string): Provider => {
    const text = { en: evil, fr: evil };
    const sources = [{ url, title: evil, verified: '2025-01-15', kind: 'primary' as const }];
    return fixtureProvider({
      id: 'evil',
      name: evil,
      aliases: [evil],
      jurisdiction: { entity: evil, hq: 'US', parent: evil, parentHq: 'IE', reason: text, sources },
      cloudAct: { status: 'exposed', laws: ['us-cloud-act'], reason: text, sources },
      hds: { status: 'certified', activities: [1], certificateId: evil, certifier: evil, version: 'v1', validUntil: '2099-01-01', reason: text, sources },
      secnumcloud: { status: 'qualified', services: [{ name: evil, qualifiedOn: '2024-01-01', validUntil: '2099-01-01' }], reason: text, sources },
    });
  };

  it('shows every field as text, and links nothing but https', () => {
    for (const evil of HOSTILE) {
      for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'https://example.org/ok']) {
        const p = hostileProvider(evil, url);
        const found = { id: 'evil', via: ['text' as const], snippets: [evil, `before ${evil} after`] };
        render(h(ProviderCard, { assessment: assess(p, '2025-06-01'), lang: 'en', today: '2025-06-01', idPrefix: 'c', found, expanded: true }), root);
        const card = root.querySelector('[data-provider-id="evil"]')!;
        expect(card.textContent).toContain(evil);
        // The card's own vocabulary of elements; nothing else can come from the data.
        expectInert(root, ['article', 'header', 'div', 'h3', 'h4', 'p', 'span', 'strong', 'em', 'dl', 'dt', 'dd', 'ul', 'ol', 'li', 'a', 'time', 'section', 'details', 'summary', 'q', 'abbr', 'small', 'br']);
        const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
        expect(hrefs.every((h) => h === 'https://example.org/ok')).toBe(true);
        if (url !== 'https://example.org/ok') expect(hrefs).toEqual([]);
        render(null, root);
      }
    }
  });
});

describe('no HTML sink in the source', () => {
  // happy-dom gives import.meta.url an http: scheme: vitest runs from the repository root.
  const SRC = join(process.cwd(), 'src');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) && !/\.test\.|\.test-data\./.test(name) ? [path] : [];
    });

  it('never writes HTML: no innerHTML, outerHTML, insertAdjacentHTML, document.write or dangerouslySetInnerHTML', () => {
    const sinks = /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|createContextualFragment|document\.write(ln)?)\b|\beval\s*\(|new Function\s*\(/;
    const hits = files(SRC).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (sinks.test(line) && !/^\s*(\/\/|\*)/.test(line) ? [`${relative(SRC, f)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('parses HTML in one place only: the report page, from text cited-report.ts escaped, into an inert document', () => {
    const hits = files(SRC).filter((f) => /\bDOMParser\b|parseFromString/.test(readFileSync(f, 'utf8')));
    expect(hits.map((f) => relative(SRC, f))).toEqual(hits.length ? ['report/main.ts'] : []);
  });
});
