// Settings: one valibot schema, types inferred from it. Stored in storage.local
// under `settings`, with `schemaVersion` and migrations (see storage.ts).
import * as v from 'valibot';
import { LEVELS } from '../core/assess';

export const SETTINGS_VERSION = 1;

const SiteSchema = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.minLength(1), v.maxLength(253));

export const SettingsSchema = v.object({
  /** Show the in-page notice at all. */
  warningsEnabled: v.boolean(),
  /** Which concern levels raise the in-page notice (default: only `high`). */
  warnLevels: v.pipe(v.array(v.picklist(LEVELS)), v.maxLength(LEVELS.length)),
  /** Highlight mentions in the page text (off by default). */
  highlight: v.boolean(),
  /** Count the providers that serve the page's resources (scripts, fonts, APIs) in the badge and notice. */
  countResources: v.boolean(),
  /** Map the server address of each page to a provider (webRequest; off by default). */
  hostingDetection: v.boolean(),
  /** Hosts where the extension shows nothing in the page (no notice, no highlight). */
  silencedSites: v.pipe(v.array(SiteSchema), v.maxLength(5_000)),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  warningsEnabled: true,
  warnLevels: ['high'],
  highlight: false,
  countResources: false,
  hostingDetection: false,
  silencedSites: [],
};
