// The bundled dataset, validated once, merged with the user's custom providers.
import * as v from 'valibot';
import raw from './providers.json';
import { DatasetSchema, type Dataset, type Provider } from './schema';

let cached: Dataset | undefined;

/** The bundled dataset (validated: the build and tests fail on invalid data). */
export function bundledDataset(): Dataset {
  cached ??= v.parse(DatasetSchema, raw);
  return cached;
}

/**
 * Custom providers come first: one with a bundled id overrides the bundled one
 * (and the matcher resolves identical aliases to the first provider).
 */
export function mergeProviders(bundled: readonly Provider[], custom: readonly Provider[]): Provider[] {
  const customIds = new Set(custom.map((p) => p.id));
  return [...custom, ...bundled.filter((p) => !customIds.has(p.id))];
}
