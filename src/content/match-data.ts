// The matcher the content script uses: bundled aliases (stripped to matching
// fields at build time, see build/strip-dataset.ts) plus the user's custom
// providers, which come first so they can override a bundled id.
import { compileMatcher, type Matcher } from '../core/matcher';
import bundled from '../data/providers.json';
import type { Provider } from '../data/schema';
import { storage } from '../shared/browser-storage';

type Matchable = Pick<Provider, 'id' | 'aliases' | 'weakAliases'>;

export async function loadMatcher(): Promise<Matcher> {
  const custom: Matchable[] = (await storage.readCustomProviders()).value;
  const customIds = new Set(custom.map((p) => p.id));
  const base = (bundled.providers as Matchable[]).filter((p) => !customIds.has(p.id));
  return compileMatcher([...custom, ...base]);
}
