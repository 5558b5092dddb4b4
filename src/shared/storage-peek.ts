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

const record = (x: unknown) => (x && typeof x === 'object' ? x : {}) as Record<string, unknown>;

/** The user's settings with the organisation's policy (KEYS.managed mirror) over them. */
export function toInPageSettings(stored: unknown, managed?: unknown): InPageSettings {
  const policy = record(record(managed).settings);
  const s: Record<string, unknown> = { ...record(stored), ...policy };
  return { warningsEnabled: s.warningsEnabled !== false, highlight: s.highlight === true, silencedSites: [...strings(record(stored).silencedSites), ...strings(policy.silencedSites)] };
}

/** What the content script matches: the organisation's providers first (they win), then the user's own. */
export function customMatchablesOf(custom: unknown, managed: unknown): MatchableEntry[] {
  return toMatchables([...toMatchables(record(managed).providers), ...toMatchables(custom)]);
}

/**
 * The custom providers' matching fields. The background keeps them under
 * their own key (a few hundred kB at most), so a page does not read a full
 * custom list (up to the 10 MB quota) on every load and in every frame; the
 * full keys are read only until that key exists.
 */
export async function peekCustomMatchables(area: Readable): Promise<MatchableEntry[]> {
  const own = (await area.get(KEYS.matchables))[KEYS.matchables];
  if (own !== undefined) return toMatchables(own);
  const got = await area.get([KEYS.custom, KEYS.managed]);
  return customMatchablesOf(got[KEYS.custom], got[KEYS.managed]);
}

export async function peekInPageSettings(area: Readable): Promise<InPageSettings> {
  const got = await area.get([KEYS.settings, KEYS.managed]);
  return toInPageSettings(got[KEYS.settings], got[KEYS.managed]);
}
