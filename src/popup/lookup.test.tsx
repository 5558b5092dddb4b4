// @vitest-environment happy-dom
// The lookup combobox: typing lists providers, arrows move, Enter chooses, Esc closes then clears.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIXTURES } from '../../test/support/fixture-providers';
import { Lookup } from './lookup';

vi.mock('webextension-polyfill', () => ({
  default: { i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' } },
}));

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  Element.prototype.scrollIntoView ??= () => undefined;
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

const mount = (initialQuery: string | null = null) =>
  act(() => render(<Lookup providers={FIXTURES} customIds={new Set(['numspot'])} lang="en" today="2025-06-01" initialQuery={initialQuery} />, root));
const input = () => root.querySelector<HTMLInputElement>('[role=combobox]')!;
const type = (text: string) =>
  act(() => {
    input().value = text;
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
const key = (k: string) => act(() => void input().dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })));
const options = () => [...root.querySelectorAll<HTMLElement>('[role=option]')];
const result = () => root.querySelector('[data-lookup-result] [data-provider-id]')?.getAttribute('data-provider-id') ?? null;

describe('Lookup', () => {
  it('is a labelled combobox tied to its listbox', () => {
    mount();
    const box = input();
    expect(root.querySelector(`label[for="${box.id}"]`)).not.toBeNull();
    expect(box.getAttribute('aria-controls')).toBe(root.querySelector('[role=listbox]')!.id);
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('lists matches as options, moves with the arrows and chooses with Enter', () => {
    mount();
    type('cloud');
    expect(input().getAttribute('aria-expanded')).toBe('true');
    const ids = options().map((o) => o.dataset.optionId);
    expect(ids).toContain('clever-cloud');
    key('ArrowDown');
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[0]!.id);
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');
    key('ArrowDown');
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    key('ArrowUp');
    key('ArrowUp');
    expect(input().getAttribute('aria-activedescendant')).toBe(options().at(-1)!.id);
    key('Enter');
    expect(result()).toBe(ids.at(-1));
    expect(input().getAttribute('aria-expanded')).toBe('false');
  });

  it('chooses the best match with Enter, accent- and case-insensitively', () => {
    mount();
    type('AZUR');
    key('Enter');
    expect(result()).toBe('microsoft-azure');
    expect(input().value).toBe('Microsoft Azure');
    type('éclair');
    key('Enter');
    expect(result()).toBe('eclair-hebergement');
  });

  it('closes with Esc, then clears with a second Esc', () => {
    mount();
    type('ovh');
    key('Escape');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().value).toBe('ovh');
    key('Escape');
    expect(input().value).toBe('');
  });

  it('says when nothing matches', () => {
    mount();
    type('zzzz');
    expect(root.querySelector('[data-testid=lookup-none]')).not.toBeNull();
    expect(options()).toHaveLength(0);
  });

  it('shows the first match at once for a pre-filled text', () => {
    mount('numspot');
    expect(input().value).toBe('numspot');
    expect(result()).toBe('numspot');
    expect(root.querySelector('[data-lookup-result]')?.textContent).toContain('cardCustom');
  });
});
