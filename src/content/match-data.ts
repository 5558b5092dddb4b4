// The matcher the content script uses: bundled aliases (stripped to matching
// fields at build time, see build/strip-dataset.ts) plus the user's custom
// providers, which come first so they can override a bundled id.
import browser from 'webextension-polyfill';
import { compileMatcher, type Matcher } from '../core/matcher';
import { peekCustomMatchables } from '../shared/storage-peek';
import { bundledMatchables } from './bundled-matchables';

export async function loadMatcher(): Promise<Matcher> {
  const custom = await peekCustomMatchables(browser.storage.local);
  const customIds = new Set(custom.map((p) => p.id));
  return compileMatcher([...custom, ...bundledMatchables().filter((p) => !customIds.has(p.id))]);
}
