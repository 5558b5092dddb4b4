// The only module that knows the storage layout. It works on any area with
// the storage.local API (a fake in unit tests, browser.storage.local in the
// extension, see browser-storage.ts). Rules: validate on read, write once
// after full validation, never drop user data on an error.
import * as v from 'valibot';
import { formatIssues, ProviderSchema, type Provider } from '../data/schema';
import { applyPolicy, lockedSettings, toManagedPolicy, withManaged, type ManagedPolicy } from './managed-policy';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, SettingsSchema, type Settings } from './settings-schema';

export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

import { KEYS } from './storage-keys';

export { KEYS };

export const CustomProvidersSchema = v.pipe(
  v.array(ProviderSchema),
  v.maxLength(10_000, 'at most 10,000 custom providers'),
  v.check((list) => new Set(list.map((p) => p.id)).size === list.length, 'provider ids must be unique'),
);

export class StorageError extends Error {
  override name = 'StorageError';
}

/** Stored data of version n-1 → version n. Each is pure and idempotent. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * migrations[n] turns version n-1 into version n. Version 0 is "no
 * schemaVersion" (first install, or a profile from before versioning).
 */
export const MIGRATIONS: Record<number, Migration> = {
  1: (data) => ({ ...data, [KEYS.settings]: { ...DEFAULT_SETTINGS, ...asRecord(data[KEYS.settings]) } }),
};

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export interface Loaded<T> {
  value: T;
  /** Set when what is stored is invalid: the caller shows it; the stored data is left as is. */
  error?: string;
}

export function createStorage(area: StorageAreaLike, migrations: Record<number, Migration> = MIGRATIONS, latest = SETTINGS_VERSION) {
  async function write(items: Record<string, unknown>): Promise<void> {
    try {
      await area.set(items);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw new StorageError(/quota/i.test(msg) ? `Storage is full (${msg}). Nothing was changed.` : `Could not save: ${msg}. Nothing was changed.`);
    }
  }

  return {
    /** Brings stored data up to the latest version in one write; keeps the old data when a step fails. */
    async migrate(): Promise<{ from: number; to: number; error?: string }> {
      const all = await area.get([KEYS.version, KEYS.settings, KEYS.custom]);
      const from = typeof all[KEYS.version] === 'number' ? (all[KEYS.version] as number) : 0;
      if (from >= latest) return { from, to: from };
      let data: Record<string, unknown> = { ...all };
      for (let n = from + 1; n <= latest; n++) {
        const step = migrations[n];
        try {
          if (!step) throw new Error(`no migration to version ${n}`);
          data = step(data);
        } catch (e) {
          const error = `Migration to settings version ${n} failed: ${e instanceof Error ? e.message : String(e)}. Your data was kept as it was.`;
          await area.set({ [KEYS.error]: error }).catch(() => undefined);
          return { from, to: from, error };
        }
      }
      await write({ ...data, [KEYS.version]: latest });
      return { from, to: latest };
    },

    /** The settings in effect: the user's, with the organisation's policy over them. */
    async readSettings(): Promise<Loaded<Settings> & { locked: (keyof Settings)[] }> {
      const [user, policy] = await Promise.all([this.readUserSettings(), this.readManaged()]);
      return { ...user, value: applyPolicy(user.value, policy), locked: lockedSettings(policy) };
    },

    /** The user's own settings, as stored. */
    async readUserSettings(): Promise<Loaded<Settings>> {
      const stored = (await area.get(KEYS.settings))[KEYS.settings];
      const merged = { ...DEFAULT_SETTINGS, ...asRecord(stored) };
      const parsed = v.safeParse(SettingsSchema, merged);
      if (parsed.success) return { value: parsed.output };
      return { value: DEFAULT_SETTINGS, error: `Stored settings are invalid (${formatIssues(parsed.issues).join('; ')}); defaults are in use until you save.` };
    },

    /** Changes the user's own settings; what the organisation locks is left as the user had it. */
    async writeSettings(patch: Partial<Settings>): Promise<Settings> {
      const [user, policy] = await Promise.all([this.readUserSettings(), this.readManaged()]);
      const own: Partial<Settings> = { ...patch };
      for (const key of lockedSettings(policy)) delete own[key];
      // Sites the policy silences are not copied into the user's own list.
      if (own.silencedSites && policy.settings.silencedSites) {
        const managed = new Set(policy.settings.silencedSites);
        own.silencedSites = own.silencedSites.filter((s) => !managed.has(s));
      }
      const next = v.parse(SettingsSchema, { ...user.value, ...own });
      await write({ [KEYS.settings]: next });
      return applyPolicy(next, policy);
    },

    /** The organisation's policy, as the background mirrored it (empty when none). */
    async readManaged(): Promise<ManagedPolicy> {
      return toManagedPolicy((await area.get(KEYS.managed))[KEYS.managed]);
    },

    /** Custom providers in effect: the organisation's first, then the user's own. */
    async readActiveCustomProviders(): Promise<Loaded<Provider[]> & { managedIds: Set<string> }> {
      const [own, policy] = await Promise.all([this.readCustomProviders(), this.readManaged()]);
      return { ...own, value: withManaged(policy, own.value), managedIds: new Set(policy.providers.map((p) => p.id)) };
    },

    async readCustomProviders(): Promise<Loaded<Provider[]>> {
      const stored = (await area.get(KEYS.custom))[KEYS.custom];
      if (stored === undefined) return { value: [] };
      const parsed = v.safeParse(CustomProvidersSchema, stored);
      if (parsed.success) return { value: parsed.output };
      // Keep what is valid usable, and leave the stored value untouched for repair.
      const valid = Array.isArray(stored) ? stored.flatMap((p) => { const r = v.safeParse(ProviderSchema, p); return r.success ? [r.output] : []; }) : [];
      return { value: valid, error: `Some stored custom providers are invalid: ${formatIssues(parsed.issues).join('; ')}` };
    },

    /** Validates the whole list first, then writes it at once. */
    async writeCustomProviders(list: readonly unknown[]): Promise<Provider[]> {
      const parsed = v.safeParse(CustomProvidersSchema, list);
      if (!parsed.success) throw new StorageError(formatIssues(parsed.issues).join('; '));
      await write({ [KEYS.custom]: parsed.output });
      return parsed.output;
    },

    async readError(): Promise<string | undefined> {
      const e = (await area.get(KEYS.error))[KEYS.error];
      return typeof e === 'string' ? e : undefined;
    },
  };
}

export type Storage = ReturnType<typeof createStorage>;
