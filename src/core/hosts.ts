// Host → provider: a URL belongs to a provider when its host equals or is a
// subdomain of one of the provider's domains (and, for a domain given with a
// path such as `oracle.com/cloud`, its path starts there). Host parsing and
// registrable domains come from the public-suffix list (tldts).
import { parse } from 'tldts';
import type { Provider } from '../data/schema';

interface Entry {
  id: string;
  host: string;
  path: string;
}

/** Entries indexed by registrable domain ("blob.core.windows.net" → "windows.net"). */
export type HostIndex = Map<string, Entry[]>;

function splitDomain(domain: string): { host: string; path: string } {
  const slash = domain.indexOf('/');
  return slash < 0 ? { host: domain.toLowerCase(), path: '' } : { host: domain.slice(0, slash).toLowerCase(), path: domain.slice(slash) };
}

export function compileHostIndex(providers: readonly Pick<Provider, 'id' | 'domains'>[]): HostIndex {
  const index: HostIndex = new Map();
  const seen = new Set<string>();
  for (const p of providers) {
    for (const domain of p.domains ?? []) {
      const { host, path } = splitDomain(domain);
      const key = parse(host).domain ?? host;
      const dedupe = `${p.id} ${host}${path}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      const list = index.get(key) ?? [];
      list.push({ id: p.id, host, path });
      index.set(key, list);
    }
  }
  return index;
}

function matches(entries: readonly Entry[], hostname: string, pathname: string): string[] {
  const ids: string[] = [];
  for (const e of entries) {
    const hostOk = hostname === e.host || hostname.endsWith('.' + e.host);
    const pathOk = !e.path || pathname === e.path || pathname.startsWith(e.path.endsWith('/') ? e.path : e.path + '/');
    if (hostOk && pathOk && !ids.includes(e.id)) ids.push(e.id);
  }
  return ids;
}

export function providersForHost(index: HostIndex, host: string): string[] {
  const parsed = parse(host.trim().toLowerCase().replace(/\.+$/, ''));
  if (!parsed.hostname || parsed.isIp || !parsed.domain) return [];
  return matches(index.get(parsed.domain) ?? [], parsed.hostname, '/');
}

export function providersForUrl(index: HostIndex, url: string): string[] {
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(url);
  } catch {
    return [];
  }
  if (parsedUrl.protocol !== 'http:' && parsedUrl.protocol !== 'https:') return [];
  const hostname = parsedUrl.hostname.toLowerCase().replace(/\.+$/, '');
  const parsed = parse(hostname);
  if (parsed.isIp || !parsed.domain) return [];
  return matches(index.get(parsed.domain) ?? [], hostname, parsedUrl.pathname);
}
