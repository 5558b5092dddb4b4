// @vitest-environment happy-dom
// The in-page notice acts for the person only (scripted clicks and keys do
// nothing), names at most a few providers and counts the rest, keeps bidi
// controls inside each name, and the takeover removes only what we built.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notice } from '../shared/protocol';
import { isLeftByUs } from './takeover';
import { createWarning, namesOf } from './warning';

const t = (key: string, subs?: string | string[]) => [key, ...(subs === undefined ? [] : [subs].flat())].join('|');

describe('the notice', () => {
  const actions = { t: t as never, onDetails: vi.fn(), onSilenceSite: vi.fn(), onUndoSilence: vi.fn() };
  let warning: ReturnType<typeof createWarning>;
  beforeEach(() => {
    document.body.replaceChildren();
    vi.clearAllMocks();
    warning = createWarning(document, actions);
  });
  afterEach(() => warning.remove());

  const notice = (n: number): Notice => ({ level: 'high', count: n, providers: Array.from({ length: Math.min(n, 200) }, (_, i) => ({ id: `p${i}`, name: `Vendor ${i}`, level: 'high' as const })) });
  const root = () => document.querySelector('[data-sovereignty-lens="warning"]')!.shadowRoot!;

  it('ignores clicks and keys that the page scripts (isTrusted is false)', () => {
    warning.update(notice(1));
    for (const action of ['details', 'silence-site', 'dismiss']) {
      const b = root().querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
      for (let i = 0; i < 30; i++) b.click();
      b.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
    root().querySelector('.box')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(actions.onDetails).not.toHaveBeenCalled();
    expect(actions.onSilenceSite).not.toHaveBeenCalled();
    expect(document.querySelector('[data-sovereignty-lens="warning"]')).not.toBeNull();
  });

  it('lists five names and counts the others, whatever the number', () => {
    expect(namesOf(notice(3), t as never)).toBe('\u2068Vendor 0\u2069, \u2068Vendor 1\u2069, \u2068Vendor 2\u2069');
    expect(namesOf(notice(250), t as never)).toBe('warningNamesMore|\u2068Vendor 0\u2069, \u2068Vendor 1\u2069, \u2068Vendor 2\u2069, \u2068Vendor 3\u2069, \u2068Vendor 4\u2069|245');
    warning.update(notice(250));
    expect(root().querySelector('p')!.textContent!.length).toBeLessThan(300);
  });

  it('keeps a right-to-left override inside its name', () => {
    const n: Notice = { level: 'high', providers: [{ id: 'x', name: 'Evil\u202Eroodkcab', level: 'high' }] };
    expect(namesOf(n, t as never)).toBe('\u2068Evil\u202Eroodkcab\u2069');
  });
});

describe('takeover: what an earlier instance left', () => {
  beforeEach(() => document.body.replaceChildren());

  it('removes our notice host and highlight style, never a page element that carries the attribute', () => {
    const warning = createWarning(document, { t: t as never, onDetails: vi.fn(), onSilenceSite: vi.fn(), onUndoSilence: vi.fn() });
    warning.update({ level: 'high', providers: [{ id: 'aws', name: 'AWS', level: 'high' }] });
    const ours = document.querySelector('[data-sovereignty-lens="warning"]')!;
    expect(isLeftByUs(ours)).toBe(true);
    document.body.insertAdjacentHTML('beforeend', '<div data-sovereignty-lens="warning">page text</div><div data-sovereignty-lens="warning"></div><style data-sovereignty-lens="highlight">p{}</style>');
    const [, pageText, pageEmpty, pageStyle] = [...document.querySelectorAll('[data-sovereignty-lens]')];
    expect([pageText, pageEmpty, pageStyle].map((e) => isLeftByUs(e!))).toEqual([false, false, false]);
    const style = Object.assign(document.createElement('style'), { textContent: '::highlight(sovereignty-lens) { color: inherit; }' });
    style.setAttribute('data-sovereignty-lens', 'highlight');
    expect(isLeftByUs(style)).toBe(true);
    warning.remove();
  });
});
