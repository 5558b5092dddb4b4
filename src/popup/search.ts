// Provider lookup: finds any provider by name, alias, id or domain, ignoring
// case, accents and punctuation ("ovh", "clever", "numspot", "azur" → Microsoft
// Azure). Pure: no DOM, no browser APIs.
import type { Provider } from '../data/schema';

export interface SearchHit {
  provider: Provider;
  /** The text that matched, when it is not the provider's name (shown as "also known as"). */
  matched: string | null;
  score: number;
}

/** Lower case, no accents, punctuation as spaces, single spaces. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** How well one folded candidate matches the folded query (0 = not at all). */
function matchScore(candidate: string, query: string): number {
  if (!candidate) return 0;
  if (candidate === query) return 100;
  if (candidate.startsWith(query)) return 90;
  const words = candidate.split(' ');
  if (words.some((w) => w.startsWith(query))) return 75;
  const tokens = query.split(' ');
  if (tokens.length > 1 && tokens.every((tok) => words.some((w) => w.startsWith(tok)))) return 65;
  if (candidate.includes(query)) return 50;
  const compactQuery = query.replaceAll(' ', '');
  if (compactQuery.length >= 3 && candidate.replaceAll(' ', '').includes(compactQuery)) return 45;
  return 0;
}

interface Candidate {
  text: string;
  folded: string;
  /** Names rank above aliases, aliases above ids and domains. */
  bonus: number;
  isName: boolean;
}

function candidatesOf(p: Provider): Candidate[] {
  const list: Candidate[] = [{ text: p.name, folded: foldForSearch(p.name), bonus: 5, isName: true }];
  for (const a of p.aliases) list.push({ text: a, folded: foldForSearch(a), bonus: 3, isName: false });
  list.push({ text: p.id, folded: foldForSearch(p.id), bonus: 2, isName: false });
  for (const w of p.weakAliases) list.push({ text: w.term, folded: foldForSearch(w.term), bonus: 0, isName: false });
  for (const d of p.domains) list.push({ text: d, folded: foldForSearch(d), bonus: -10, isName: false });
  return list;
}

/** Providers matching `query`, best first; at most `limit`. An empty query finds nothing. */
export function searchProviders(providers: readonly Provider[], query: string, limit = 8): SearchHit[] {
  const q = foldForSearch(query);
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (const provider of providers) {
    let best: SearchHit | null = null;
    let nameMatches = false;
    for (const c of candidatesOf(provider)) {
      const s = matchScore(c.folded, q);
      if (s === 0) continue;
      if (c.isName) nameMatches = true;
      const score = s + c.bonus;
      if (!best || score > best.score) best = { provider, matched: c.text, score };
    }
    // Say which alias matched only when the name itself does not.
    if (best) hits.push({ ...best, matched: nameMatches ? null : best.matched });
  }
  hits.sort((a, b) => b.score - a.score || a.provider.name.length - b.provider.name.length || a.provider.name.localeCompare(b.provider.name));
  return hits.slice(0, limit);
}
