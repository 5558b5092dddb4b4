// Light, read-only views of storage for the content script, which runs on
// every page and must stay small: no schema library here. Everything in
// storage.local was validated by storage.ts when it was written; these
// guards only make sure a damaged value is skipped rather than trusted.
import type { StorageAreaLike } from './storage';
import { KEYS } from './storage-keys';

type Readable = Pick<StorageAreaLike, 'get'>;

export interface MatchableEntry {
  id: string;
  aliases: string[];
  weakAliases: { term: string; context: string[] }[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

export function toMatchables(stored: unknown): MatchableEntry[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((p: unknown) => {
    if (!p || typeof p !== 'object') return [];
    const { id, aliases, weakAliases } = p as Record<string, unknown>;
    if (typeof id !== 'string') return [];
    const weak = Array.isArray(weakAliases)
      ? weakAliases.flatMap((w: unknown) => {
          const { term, context } = (w ?? {}) as Record<string, unknown>;
          return typeof term === 'string' ? [{ term, context: strings(context) }] : [];
        })
      : [];
    return [{ id, aliases: strings(aliases), weakAliases: weak }];
  });
}

export interface InPageSettings {
  warningsEnabled: boolean;
  highlight: boolean;
  silencedSites: string[];
}

export function toInPageSettings(stored: unknown): InPageSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  return { warningsEnabled: s.warningsEnabled !== false, highlight: s.highlight === true, silencedSites: strings(s.silencedSites) };
}

export async function peekCustomMatchables(area: Readable): Promise<MatchableEntry[]> {
  return toMatchables((await area.get(KEYS.custom))[KEYS.custom]);
}

export async function peekInPageSettings(area: Readable): Promise<InPageSettings> {
  return toInPageSettings((await area.get(KEYS.settings))[KEYS.settings]);
}
