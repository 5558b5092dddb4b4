// Enterprise policy (storage.managed): providers and settings an organisation
// pushes. Read-only for the user; never written over the user's own data.
// The background validates the policy and mirrors the valid part into
// storage.local under KEYS.managed, so every context (the content script too)
// reads one validated copy.
import * as v from 'valibot';
import { formatIssues, ProviderSchema, type Provider } from '../data/schema';
import { SettingsSchema, type Settings } from './settings-schema';

/** Settings an organisation may lock. `silencedSites` is not locked but added to the user's own. */
export const MANAGED_SETTING_KEYS = ['warningsEnabled', 'warnLevels', 'highlight', 'countResources', 'hostingDetection', 'silencedSites'] as const;

const MAX_MANAGED_PROVIDERS = 10_000;

export const ManagedMirrorSchema = v.object({
  providers: v.pipe(v.array(ProviderSchema), v.maxLength(MAX_MANAGED_PROVIDERS)),
  settings: v.partial(SettingsSchema),
  /** Why parts of the policy were skipped (shown in the options page). */
  errors: v.pipe(v.array(v.string()), v.maxLength(100)),
});

export type ManagedPolicy = v.InferOutput<typeof ManagedMirrorSchema>;

export const EMPTY_POLICY: ManagedPolicy = { providers: [], settings: {}, errors: [] };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Policy JSON cannot hold null, and admins leave unknowns out: fill the data's "unknown" defaults. */
function withDefaults(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const claim = (c: unknown, extra: Record<string, unknown>) => (isRecord(c) ? { ...extra, sources: [], ...c } : c);
  const j = raw.jurisdiction;
  return {
    domains: [],
    aliases: [],
    weakAliases: [],
    ...raw,
    jurisdiction: isRecord(j) ? { entity: null, hq: null, parent: null, parentHq: null, sources: [], ...j } : j,
    cloudAct: claim(raw.cloudAct, { laws: [] }),
    hds: claim(raw.hds, { activities: [], certificateId: null, certifier: null, version: null, validUntil: null }),
    secnumcloud: isRecord(raw.secnumcloud)
      ? {
          services: [],
          sources: [],
          ...raw.secnumcloud,
          ...(Array.isArray(raw.secnumcloud.services) ? { services: raw.secnumcloud.services.map((s) => (isRecord(s) ? { qualifiedOn: null, validUntil: null, ...s } : s)) } : {}),
        }
      : raw.secnumcloud,
  };
}

/**
 * The valid part of a policy object: each provider and each setting is checked
 * on its own, so one bad entry skips that entry, with a reason, not the rest.
 */
export function parseManagedPolicy(raw: unknown): ManagedPolicy {
  if (!isRecord(raw)) return EMPTY_POLICY;
  const errors: string[] = [];
  const providers: Provider[] = [];
  const seen = new Set<string>();
  if (raw.providers !== undefined) {
    const list = Array.isArray(raw.providers) ? raw.providers : [];
    if (!Array.isArray(raw.providers)) errors.push('providers: must be a list');
    if (list.length > MAX_MANAGED_PROVIDERS) errors.push(`providers: only the first ${MAX_MANAGED_PROVIDERS} are used`);
    list.slice(0, MAX_MANAGED_PROVIDERS).forEach((entry, i) => {
      const parsed = v.safeParse(ProviderSchema, withDefaults(entry));
      const label = isRecord(entry) && typeof entry.id === 'string' ? `providers[${i}] (${entry.id.slice(0, 64)})` : `providers[${i}]`;
      if (!parsed.success) errors.push(`${label}: ${formatIssues(parsed.issues).slice(0, 3).join('; ')}`);
      else if (seen.has(parsed.output.id)) errors.push(`${label}: the id is used twice; the first one is kept`);
      else {
        seen.add(parsed.output.id);
        providers.push(parsed.output);
      }
    });
  }
  const settings: Partial<Settings> = {};
  for (const key of MANAGED_SETTING_KEYS) {
    if (raw[key] === undefined) continue;
    const parsed = v.safeParse(SettingsSchema.entries[key], raw[key]);
    if (parsed.success) (settings as Record<string, unknown>)[key] = parsed.output;
    else errors.push(`${key}: ${formatIssues(parsed.issues).join('; ')}`);
  }
  return { providers, settings, errors: errors.slice(0, 100) };
}

/** The locked settings: every managed one except `silencedSites`, which adds to the user's list. */
export function lockedSettings(policy: ManagedPolicy): (keyof Settings)[] {
  return (Object.keys(policy.settings) as (keyof Settings)[]).filter((k) => k !== 'silencedSites');
}

/** The user's settings with the policy applied over them (the user's own values are left as stored). */
export function applyPolicy(user: Settings, policy: ManagedPolicy): Settings {
  const { silencedSites, ...locked } = policy.settings;
  return { ...user, ...locked, silencedSites: silencedSites ? [...new Set([...silencedSites, ...user.silencedSites])] : user.silencedSites };
}

/** Managed providers first: they win over a custom or bundled provider with the same id. */
export function withManaged(policy: ManagedPolicy, custom: readonly Provider[]): Provider[] {
  const ids = new Set(policy.providers.map((p) => p.id));
  return [...policy.providers, ...custom.filter((p) => !ids.has(p.id))];
}

/** Reads the mirror kept in storage.local; anything damaged reads as no policy. */
export function toManagedPolicy(stored: unknown): ManagedPolicy {
  const parsed = v.safeParse(ManagedMirrorSchema, stored);
  return parsed.success ? parsed.output : EMPTY_POLICY;
}
