// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Matcher, Mention } from '../core/matcher';
import { startPageScan, type Findings } from './page-scan';

/** A tiny literal matcher: enough to test the scanning machinery on its own. */
function literalMatcher(words: Record<string, string>): Matcher & { calls: number; scanned: number } {
  const m = {
    calls: 0,
    scanned: 0,
    patternCount: Object.keys(words).length,
    find(text: string): Mention[] {
      m.calls++;
      m.scanned += text.length;
      const out: Mention[] = [];
      for (const [word, id] of Object.entries(words)) {
        for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) out.push({ id, start: i, end: i + word.length, weak: false });
      }
      return out;
    },
  };
  return m;
}

const controllers: AbortController[] = [];
afterEach(() => controllers.splice(0).forEach((c) => c.abort()));

function scan(matcher: Matcher) {
  const reports: Findings[] = [];
  const controller = new AbortController();
  controllers.push(controller);
  const handle = startPageScan(document, { matcher, signal: controller.signal, report: (f) => reports.push(f) });
  return { reports, controller, handle };
}

async function until(fn: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('startPageScan', () => {
  it('reports the providers of the initial page once, with snippets', async () => {
    document.body.innerHTML = '<p>We host on Acme Cloud and Zeta.</p><p>Acme Cloud again.</p>';
    const { reports } = scan(literalMatcher({ 'Acme Cloud': 'acme', Zeta: 'zeta' }));
    await until(() => reports.length > 0 && reports.at(-1)!.snippets.acme?.length === 2);
    expect(reports.at(-1)!.ids.sort()).toEqual(['acme', 'zeta']);
    const count = reports.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(reports).toHaveLength(count); // nothing changed: no further report
  });

  it('sends a first report even when the page names nothing (it resets the badge)', async () => {
    document.body.innerHTML = '<p>Nothing here.</p>';
    const { reports } = scan(literalMatcher({ Acme: 'acme' }));
    await until(() => reports.length > 0);
    expect(reports[0]!.ids).toEqual([]);
  });

  it('scans only what is added after load, joined with its phrase', async () => {
    document.body.innerHTML = '<p id="p">Moved to </p>' + '<p>filler text</p>'.repeat(200);
    const matcher = literalMatcher({ 'to Zeta': 'zeta' });
    const { reports } = scan(matcher);
    await until(() => reports.length > 0);
    const scannedBefore = matcher.scanned;
    const b = document.createElement('b');
    b.textContent = 'Zeta';
    document.getElementById('p')!.append(b);
    await until(() => reports.length > 1);
    expect(reports.at(-1)!.ids).toEqual(['zeta']);
    // Only the changed paragraph was read again, not the 200 others.
    expect(matcher.scanned - scannedBefore).toBeLessThan(50);
  });

  it('rescans once on a huge mutation batch and stops everything on abort', async () => {
    document.body.innerHTML = '<div id="box"></div>';
    const matcher = literalMatcher({ Zeta: 'zeta' });
    const { reports, controller } = scan(matcher);
    await until(() => reports.length > 0);
    const box = document.getElementById('box')!;
    const frag = document.createDocumentFragment();
    for (let i = 0; i < 1500; i++) {
      const p = document.createElement('p');
      p.textContent = i === 1499 ? 'Zeta' : `n${i}`;
      frag.append(p);
      box.append(p.cloneNode(true));
    }
    await until(() => reports.length > 1);
    expect(reports.at(-1)!.ids).toEqual(['zeta']);
    controller.abort();
    const calls = matcher.calls;
    box.append(Object.assign(document.createElement('p'), { textContent: 'Zeta again' }));
    await new Promise((r) => setTimeout(r, 100));
    expect(matcher.calls).toBe(calls);
  });

  it('matches a huge single text in windows and still finds a name at its end', async () => {
    document.body.innerHTML = '';
    const p = document.createElement('p');
    p.textContent = 'x '.repeat(500_000) + 'Zeta';
    document.body.append(p);
    const { reports } = scan(literalMatcher({ Zeta: 'zeta' }));
    await until(() => reports.some((r) => r.ids.includes('zeta')), 5000);
  });

  it('finds a shadow root attached to an element already scanned, and watches it', async () => {
    document.body.innerHTML = '<p>Nothing here.</p><div id="host">light</div>';
    const { reports } = scan(literalMatcher({ Zeta: 'zeta', Omega: 'omega' }));
    await until(() => reports.length > 0);
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Mail goes through Zeta.</p>';
    await until(() => reports.at(-1)!.ids.includes('zeta'), 4000);
    root.append(Object.assign(document.createElement('p'), { textContent: 'And Omega.' }));
    await until(() => reports.at(-1)!.ids.includes('omega'), 4000);
  });

  it('rescans with a new matcher (custom providers changed)', async () => {
    document.body.innerHTML = '<p>Our vendor Omega hosts files.</p>';
    const { reports, handle } = scan(literalMatcher({ Zeta: 'zeta' }));
    await until(() => reports.length > 0);
    expect(reports[0]!.ids).toEqual([]);
    handle.rescan(literalMatcher({ Omega: 'omega' }));
    await until(() => reports.length > 1);
    expect(reports.at(-1)!.ids).toEqual(['omega']);
  });
});
