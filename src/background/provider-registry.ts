// Bundled + custom providers (the organisation's and the user's), with the host index, rebuilt only when the
// custom providers change.
import { compileHostIndex, providersForUrl, type HostIndex } from '../core/hosts';
import { bundledDataset, mergeProviders } from '../data/load';
import type { Provider } from '../data/schema';
import { storage } from '../shared/browser-storage';

interface Registry {
  byId: Map<string, Provider>;
  hosts: HostIndex;
}

let current: Promise<Registry> | undefined;

async function build(): Promise<Registry> {
  const custom = (await storage.readActiveCustomProviders()).value;
  const providers = mergeProviders(bundledDataset().providers, custom);
  return { byId: new Map(providers.map((p) => [p.id, p])), hosts: compileHostIndex(providers) };
}

export function registry(): Promise<Registry> {
  current ??= build();
  return current;
}

export function invalidateRegistry(): void {
  current = undefined;
}

export async function providersOfUrl(url: string): Promise<string[]> {
  return providersForUrl((await registry()).hosts, url);
}
