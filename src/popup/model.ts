// From what the background knows about a tab to what the popup shows. Pure.
import { assessPage, type Assessment, type PageAssessment } from '../core/assess';
import type { Provider } from '../data/schema';
import type { TabProvider, TabView } from '../shared/protocol';

export interface PageModel {
  page: PageAssessment;
  /** How each provider was found, by id. */
  found: Map<string, TabProvider>;
}

/** Assesses the tab's providers that are known (bundled or custom), worst first; host matches first among equals. */
export function pageModel(view: TabView | null, providers: readonly Provider[], today: string): PageModel {
  // The first provider with an id wins, as in mergeProviders (custom before bundled).
  const byId = new Map<string, Provider>();
  for (const p of providers) if (!byId.has(p.id)) byId.set(p.id, p);
  const found = new Map<string, TabProvider>();
  for (const entry of view?.providers ?? []) if (byId.has(entry.id) && !found.has(entry.id)) found.set(entry.id, entry);
  const page = assessPage([...found.keys()].map((id) => byId.get(id)!), today);
  return { page, found };
}

/** Key for a card list: stable across refreshes so that the DOM is reused. */
export const cardKey = (a: Assessment) => a.provider.id;

/** The tab id from `?tab=`, or null when absent or malformed. */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** The text of `?lookup=`, trimmed and bounded, or null. */
export function lookupFromSearch(search: string): string | null {
  const raw = new URLSearchParams(search).get('lookup');
  const text = raw?.trim().slice(0, 200);
  return text ? text : null;
}
