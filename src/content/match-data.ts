// The matcher the content script uses: bundled aliases (stripped to matching
// fields at build time, see build/strip-dataset.ts) plus the user's custom
// providers, which come first so they can override a bundled id.
import browser from 'webextension-polyfill';
import { compileMatcher, type Matcher } from '../core/matcher';
import { peekCustomMatchables } from '../shared/storage-peek';
import claims from '../data/sovereignty-claims.json';
import { bundledMatchables } from './bundled-matchables';

/**
 * Not a provider: the page's claims of French/EU or sovereign hosting
 * (src/data/sovereignty-claims.json), found by the same automaton at no extra
 * cost. When the page's server belongs to a provider exposed to the CLOUD Act,
 * the popup shows both facts side by side.
 */
export const CLAIM_ID = '~claim';

export async function loadMatcher(): Promise<Matcher> {
  const custom = await peekCustomMatchables(browser.storage.local);
  const customIds = new Set(custom.map((p) => p.id));
  return compileMatcher([...custom, ...bundledMatchables().filter((p) => !customIds.has(p.id)), { id: CLAIM_ID, aliases: claims.phrases, weakAliases: [] }]);
}
